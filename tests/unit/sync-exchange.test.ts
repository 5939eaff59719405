import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exchange, introduce, startPeer, type Peer } from '../helpers/sync';

let base: string;
let peers: Peer[] = [];

beforeEach(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'vigil-sync-'));
});

afterEach(async () => {
  for (const peer of peers) await peer.core.call('lockVault', {});
  peers = [];
  rmSync(base, { recursive: true, force: true });
});

async function two(): Promise<[Peer, Peer]> {
  const a = await startPeer(base, 'a');
  const b = await startPeer(base, 'b');
  peers = [a, b];
  await introduce(a, b);
  return [a, b];
}

describe('two vaults exchanging bundles', () => {
  it('brings a person across, and an edit back, naming the author in the history', async () => {
    const [a, b] = await two();
    const person = await a.core.call('createPerson', { name: 'Invented Ales Kaliada' });
    const received = await exchange(a, b);
    expect(received).toMatchObject({ newPersons: 1, conflicts: 0 });
    expect((await b.core.call('getPerson', { id: person.id })).name).toBe('Invented Ales Kaliada');
    await b.core.call('updatePerson', { id: person.id, changes: { occupation: 'teacher' } });
    await exchange(b, a);
    expect((await a.core.call('getPerson', { id: person.id })).occupation).toBe('teacher');
    const history = await a.core.call('getHistory', { kind: 'person', id: person.id });
    const edit = history.find((entry) => entry.field === 'occupation')!;
    expect(edit.authorName).toBe(
      (await b.core.call('syncIdentity', {})).contactText.match(/name: (.*)/)![1],
    );
  });

  it('puts a field both sides changed in the conflict queue on both sides, then settles it', async () => {
    const [a, b] = await two();
    const person = await a.core.call('createPerson', { name: 'Invented Nina Sokal' });
    await exchange(a, b);
    await a.core.call('updatePerson', { id: person.id, changes: { occupation: 'nurse' } });
    await b.core.call('updatePerson', { id: person.id, changes: { occupation: 'doctor' } });
    await exchange(a, b);
    await exchange(b, a);
    const atA = await a.core.call('listConflicts', {});
    const atB = await b.core.call('listConflicts', {});
    expect(atA).toHaveLength(1);
    expect(atB).toHaveLength(1);
    expect(atA[0]!.winner.value).toBe(atB[0]!.winner.value);
    expect(new Set([atA[0]!.winner.value, atA[0]!.other.value])).toEqual(
      new Set(['nurse', 'doctor']),
    );
    await a.core.call('resolveConflict', {
      entity: 'person',
      id: person.id,
      field: 'occupation',
      keep: 'other',
    });
    await exchange(a, b);
    expect(await b.core.call('listConflicts', {})).toEqual([]);
    expect(await a.core.call('listConflicts', {})).toEqual([]);
    const other = atA[0]!.other.value;
    expect((await b.core.call('getPerson', { id: person.id })).occupation).toBe(other);
  });

  it('still sends changes made before a compaction and a reopen of the vault', async () => {
    const [a, b] = await two();
    const person = await a.core.call('createPerson', { name: 'Invented Olga Marach' });
    await (await a.core.session.readVault()).compact();
    await a.core.call('lockVault', {});
    await a.core.call('unlockVault', {
      folder: path.join(a.root, 'vault'),
      passphrase: 'test passphrase',
    });
    const received = await exchange(a, b);
    expect(received.newPersons).toBe(1);
    expect((await b.core.call('getPerson', { id: person.id })).name).toBe('Invented Olga Marach');
  });

  it('records who verified a contact and when, and refuses bundles from a removed contact', async () => {
    const [a, b] = await two();
    await a.core.call('setInstallName', { name: 'Invented Desk A' });
    const [contact] = await a.core.call('listContacts', {});
    expect(contact).toMatchObject({ verified: true, verifiedBy: 'Invented Desk A' });
    expect(Date.parse(contact!.verifiedAt!)).not.toBeNaN();
    await b.core.call('createPerson', { name: 'Invented Ihar Lis' });
    const file = path.join(b.root, 'after-removal.age');
    await b.core.call('sendBundle', { contactIds: [b.contactOf.get('a')], path: file });
    await a.core.call('removeContact', { id: contact!.id });
    expect(await a.core.call('listContacts', {})).toEqual([]);
    expect(await a.core.fails('receiveBundle', { path: file })).toBe('BUNDLE_UNKNOWN_SENDER');
  });

  it('refuses the same bundle twice and changes nothing', async () => {
    const [a, b] = await two();
    await a.core.call('createPerson', { name: 'Invented Pavel Rudz' });
    const file = path.join(a.root, 'twice.age');
    await a.core.call('sendBundle', { contactIds: [a.contactOf.get('b')], path: file });
    await b.core.call('receiveBundle', { path: file });
    expect(await b.core.fails('receiveBundle', { path: file })).toBe('BUNDLE_REPLAYED');
  });
});
