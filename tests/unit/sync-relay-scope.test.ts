import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../core/changes/hlc';
import { attest } from '../../core/sync/attestation';
import { minisignPublicKey } from '../../core/sync/minisign';
import type { CanonicalSet } from '../../core/sync/payload';
import { exchange, introduce, type Peer } from '../helpers/sync';
import {
  keysOf,
  openAs,
  refusal,
  seal,
  setDigest,
  usePeers,
  type Plaintext,
} from '../helpers/syncForge';

/**
 * A coordinator (K) between colleagues who never met: A's sets reach C through K with A's own
 * signature, so K can pass them on but not change them or make up sets in A's name; and what
 * K sends C is limited to what K lets C see.
 */

const start = usePeers();

async function nameOf(peer: Peer): Promise<string> {
  return (await peer.core.call('syncIdentity', {})).contactText.match(/name: (.*)/)![1]!;
}

async function personNames(peer: Peer): Promise<string[]> {
  return (await peer.core.call('listPersons', {})).items.map((p) => p.name).sort();
}

/** A → K → C, with a person of A's at K and a bundle from K to C written but not received. */
async function relay(): Promise<{ a: Peer; k: Peer; c: Peer; file: string; personId: string }> {
  const [a, k, c] = await start('a', 'k', 'c');
  await introduce(a, k);
  await introduce(k, c);
  const person = await a.core.call('createPerson', { name: 'Invented Mira Toll' });
  await a.core.call('updatePerson', { id: person.id, changes: { occupation: 'driver' } });
  await exchange(a, k);
  const file = path.join(k.root, 'to-c.age');
  await k.core.call('sendBundle', { contactIds: [k.contactOf.get('c')], path: file });
  return { a, k, c, file, personId: person.id };
}

/** The payload of K's bundle as C opens it, and A's sets in it. */
async function opened(c: Peer, file: string, a: Peer): Promise<[Plaintext, CanonicalSet[]]> {
  const plaintext = await openAs(c, file);
  const author = a.core.session.installId;
  return [plaintext, plaintext.payload.sets.filter((set) => set[2] === author)];
}

/** A set no one made, in A's name: the next of A's numbers, one new person. */
function inventedSet(a: Peer, aSets: CanonicalSet[]): CanonicalSet {
  const seq = Math.max(...aSets.map((set) => set[3])) + 1;
  const hlc = formatHlc(Date.now(), 0, a.core.session.installId);
  return [
    1,
    hlc,
    a.core.session.installId,
    seq,
    [['person', 'e'.repeat(32), 'name', 'Invented Forged', '']],
  ];
}

describe('sets relayed by a coordinator', () => {
  it("reach C with A's name on them, and C learns of A as introduced by K", async () => {
    const { a, k, c, file, personId } = await relay();
    const preview = await c.core.call('previewReceive', { path: file });
    expect(preview.relayed).toEqual([{ name: await nameOf(a), changes: 2 }]);
    await c.core.call('receiveBundle', { path: file });
    expect((await c.core.call('getPerson', { id: personId })).occupation).toBe('driver');
    const history = await c.core.call('getHistory', { kind: 'person', id: personId });
    const edit = history.find((entry) => entry.field === 'occupation')!;
    expect(edit.author).toBe(a.core.session.installId);
    expect(edit.authorName).toBe(await nameOf(a));
    const contacts = await c.core.call('listContacts', {});
    const viaK = contacts.find((contact) => contact.installId === a.core.session.installId)!;
    expect(viaK).toMatchObject({
      name: await nameOf(a),
      introducedBy: await nameOf(k),
      verified: false,
    });
  });

  it("refuses one of A's sets altered and re-signed by K with BUNDLE_DAMAGED", async () => {
    const { a, k, c, file } = await relay();
    const [plaintext, aSets] = await opened(c, file, a);
    const cell = aSets
      .find((set) => set[4].some((x) => x[2] === 'occupation'))![4]
      .find((x) => x[2] === 'occupation')!;
    cell[3] = 'informer';
    const altered = await seal(k, [c], plaintext, 'altered');
    expect(await refusal(c, altered)).toEqual({ code: 'BUNDLE_DAMAGED', unchanged: true });
  });

  it("refuses a set K made up in A's name, with or without a signature K made for it", async () => {
    const { a, k, c, file } = await relay();
    const [unsigned, aSets] = await opened(c, file, a);
    const invented = inventedSet(a, aSets);
    unsigned.payload.sets.push(invented);
    const bare = await seal(k, [c], unsigned, 'invented-bare');
    expect(await refusal(c, bare)).toEqual({ code: 'BUNDLE_DAMAGED', unchanged: true });

    const [signed] = await opened(c, file, a);
    signed.payload.sets.push(invented);
    const kKey = (await keysOf(k)).keys.signing;
    signed.payload.attestations.push(attest(a.core.session.installId, kKey, [setDigest(invented)]));
    const byK = await seal(k, [c], signed, 'invented-signed');
    expect(await refusal(c, byK)).toEqual({ code: 'BUNDLE_DAMAGED', unchanged: true });
  });

  // A colleague's recorded keys are never replaced by a later bundle's introduction.
  it("refuses a set in A's name signed with a key a later bundle introduces for A", async () => {
    const { a, k, c, file } = await relay();
    await c.core.call('receiveBundle', { path: file });
    // C now holds A's keys, as K introduced them. A later bundle names another key for A.
    const [plaintext, aSets] = await opened(c, file, a);
    const kKey = (await keysOf(k)).keys.signing;
    const invented = inventedSet(a, aSets);
    plaintext.payload.seq += 1;
    plaintext.payload.sets = [invented];
    plaintext.payload.authors = plaintext.payload.authors.map((intro) => ({
      ...intro,
      keys: [minisignPublicKey(kKey)],
    }));
    plaintext.payload.attestations = [
      attest(a.core.session.installId, kKey, [setDigest(invented)]),
    ];
    const swapped = await seal(k, [c], plaintext, 'swapped-key');
    expect(await refusal(c, swapped)).toEqual({ code: 'BUNDLE_DAMAGED', unchanged: true });
  });
});

describe('what a contact may see', () => {
  it('sends only the chosen regions, counts the rest as withheld, and sends them once allowed', async () => {
    const [k, c] = await start('k', 'c');
    await introduce(k, c);
    const cId = k.contactOf.get('c')!;
    await k.core.call('setContactScope', { id: cId, scope: 'regions', regions: ['grodno'] });
    await k.core.call('createPerson', { name: 'Invented Nadia Grodno', region: 'grodno' });
    await k.core.call('createPerson', { name: 'Invented Oleg Brest', region: 'brest' });
    await k.core.call('createPerson', { name: 'Invented Pola Nowhere' });
    const preview = await k.core.call('previewSend', { contactIds: [cId] });
    expect(preview.contacts[0]).toMatchObject({ persons: 1, withheldPersons: 2 });
    expect(preview.contacts[0]!.withheldChanges).toBeGreaterThanOrEqual(2);
    await exchange(k, c);
    expect(await personNames(c)).toEqual(['Invented Nadia Grodno']);

    await k.core.call('setContactScope', { id: cId, scope: 'all' });
    expect((await k.core.call('previewSend', { contactIds: [cId] })).contacts[0]).toMatchObject({
      withheldPersons: 0,
      withheldChanges: 0,
    });
    expect(await exchange(k, c)).toMatchObject({ newPersons: 2 });
    expect(await personNames(c)).toEqual([
      'Invented Nadia Grodno',
      'Invented Oleg Brest',
      'Invented Pola Nowhere',
    ]);
  });

  it('never sends a never-publish case to a contact who may not see them', async () => {
    const [k, c] = await start('k', 'c');
    await introduce(k, c);
    const cId = k.contactOf.get('c')!;
    await k.core.call('setContactScope', { id: cId, scope: 'no_never_publish' });
    const hidden = await k.core.call('createPerson', {
      name: 'Invented Rosa Hidden',
      consent: 'never_publish',
    });
    await k.core.call('createPerson', { name: 'Invented Sara Open', consent: 'publish' });
    const preview = await k.core.call('previewSend', { contactIds: [cId] });
    expect(preview.contacts[0]).toMatchObject({ persons: 1, withheldPersons: 1 });
    await exchange(k, c);
    expect(await personNames(c)).toEqual(['Invented Sara Open']);
    expect(await c.core.fails('getPerson', { id: hidden.id })).toBe('NOT_FOUND');
  });
});
