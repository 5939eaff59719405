import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { all } from '../../core/db/statements';
import { logBodyText } from '../../core/db/logBody';
import { parseHlc } from '../../core/changes/hlc';
import type { CanonicalSet } from '../../core/sync/payload';
import { exchange, introduce, type Peer } from '../helpers/sync';
import { attestedBy, openAs, seal, usePeers } from '../helpers/syncForge';

/**
 * What a receiver does with a colleague's wrong clock and with a newer Vigil's fields: applies
 * the bundle, never lets the far-future time into its own clock, and keeps what it cannot apply.
 */

const start = usePeers();
const DAY_MS = 24 * 60 * 60 * 1000;

/** The wall time (ms) of the newest change set `peer` itself logged. */
async function newestOwnWall(peer: Peer): Promise<number> {
  const db = (await peer.core.session.readVault()).db;
  const rows = all(db, 'SELECT max(hlc) AS hlc FROM sync_log WHERE author = ?', [
    peer.core.session.installId,
  ]);
  return parseHlc(String(rows[0]!.hlc))!.wall;
}

/**
 * Reopens `peer`'s vault while the computer's date reads three days ahead: the clock the
 * session makes on unlock reads that fake date from then on, as a computer set wrong would.
 */
async function setClockAhead(peer: Peer, aheadMs: number): Promise<void> {
  const folder = path.join(peer.root, 'vault');
  await peer.core.call('lockVault', {});
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + aheadMs });
  try {
    await peer.core.call('unlockVault', { folder, passphrase: 'test passphrase' });
  } finally {
    vi.useRealTimers();
  }
}

describe("a colleague's clock three days ahead", () => {
  it('is applied and flagged, names the contact, and never moves the receiver clock', async () => {
    const [a, b] = await start('a', 'b');
    await introduce(a, b);
    const started = Date.now();
    await setClockAhead(a, 3 * DAY_MS);
    const person = await a.core.call('createPerson', { name: 'Invented Kira Falk' });
    expect((await newestOwnWall(a)) - started).toBeGreaterThanOrEqual(3 * DAY_MS);

    const file = path.join(a.root, 'ahead.age');
    await a.core.call('sendBundle', { contactIds: [a.contactOf.get('b')], path: file });
    const preview = await b.core.call('previewReceive', { path: file });
    expect(preview.clockAheadMs).toBeGreaterThan(2 * DAY_MS);
    expect(preview.clockAheadMs).toBeLessThanOrEqual(3 * DAY_MS);
    const received = await b.core.call('receiveBundle', { path: file });
    expect(received.clockAheadMs).toBeGreaterThan(2 * DAY_MS);
    expect(received.clockAheadMs).toBeLessThanOrEqual(3 * DAY_MS);
    expect(received.flaggedRecords).toBeGreaterThanOrEqual(1);
    expect((await b.core.call('getPerson', { id: person.id })).name).toBe('Invented Kira Falk');
    const [contact] = await b.core.call('listContacts', {});
    expect(contact!.clockAheadMs).toBeGreaterThan(2 * DAY_MS);

    await b.core.call('updatePerson', { id: person.id, changes: { occupation: 'baker' } });
    expect(await newestOwnWall(b)).toBeLessThanOrEqual(Date.now());
    // Nor on the next unlock, when the clock is set past the newest time in the vault.
    await b.core.call('lockVault', {});
    await b.core.call('unlockVault', {
      folder: path.join(b.root, 'vault'),
      passphrase: 'test passphrase',
    });
    await b.core.call('updatePerson', { id: person.id, changes: { occupation: 'potter' } });
    expect(await newestOwnWall(b)).toBeLessThanOrEqual(Date.now());
  });
});

describe('a set from a newer Vigil', () => {
  it('applies its known cells, holds the unknown ones, and logs the set whole to pass on', async () => {
    const [a, b, c] = await start('a', 'b', 'c');
    await introduce(a, b);
    await introduce(b, c);
    const person = await a.core.call('createPerson', { name: 'Invented Lena Aske' });
    const file = path.join(a.root, 'plain.age');
    await a.core.call('sendBundle', { contactIds: [a.contactOf.get('b')], path: file });
    const opened = await openAs(b, file);
    const set = opened.payload.sets.find((s) => s[4].some((cell) => cell[1] === person.id))!;
    const vehicle = 'f'.repeat(32);
    const unknown: CanonicalSet[4] = [
      ['person', person.id, 'favouriteColour', 'teal', ''],
      ['vehicle', vehicle, 'plate', 'Invented 1234', ''],
    ];
    set[4].push(...unknown);
    opened.payload.attestations = [await attestedBy(a, opened.payload.sets)];
    const newer = await seal(a, [b], opened, 'newer');

    expect((await b.core.call('previewReceive', { path: newer })).heldCells).toBe(2);
    expect(await b.core.call('receiveBundle', { path: newer })).toMatchObject({
      newPersons: 1,
      heldCells: 2,
    });
    expect((await b.core.call('getPerson', { id: person.id })).name).toBe('Invented Lena Aske');
    const held = async (peer: Peer) =>
      all(
        (await peer.core.session.readVault()).db,
        'SELECT entity, entity_id AS id, field, value FROM held_cells ORDER BY entity',
      );
    const expected = [
      { entity: 'person', id: person.id, field: 'favouriteColour', value: '"teal"' },
      { entity: 'vehicle', id: vehicle, field: 'plate', value: '"Invented 1234"' },
    ];
    expect(await held(b)).toEqual(expected);
    const logged = all(
      (await b.core.session.readVault()).db,
      'SELECT body FROM sync_log WHERE hlc = ?',
      [set[1]],
    );
    expect(logged.map((row) => logBodyText(row.body!))).toEqual([JSON.stringify(set)]);

    // Replayed from the journal on the next unlock, the same cells are held again.
    await b.core.call('lockVault', {});
    await b.core.call('unlockVault', {
      folder: path.join(b.root, 'vault'),
      passphrase: 'test passphrase',
    });
    expect(await held(b)).toEqual(expected);
    await exchange(b, c);
    expect(await held(c)).toEqual(expected);
    expect((await c.core.call('getPerson', { id: person.id })).name).toBe('Invented Lena Aske');
  });
});
