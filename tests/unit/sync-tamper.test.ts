import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/errors';
import { checkBundle } from '../../core/sync/receive';
import type { CanonicalSet } from '../../core/sync/payload';
import { introduce, type Peer } from '../helpers/sync';
import { openAs, refusal, seal, usePeers, vaultDigest, type Plaintext } from '../helpers/syncForge';

/**
 * The tamper proof: a real bundle changed at any byte, or cut short, is never applied
 * and only ever refused with a bundle error code.
 */

const start = usePeers();
const MUTATIONS = 1000;
/** Every this many mutations also goes through both contract calls; the rest through checkBundle. */
const THROUGH_CONTRACT_EVERY = 20;

/** Small seeded generator (mulberry32), so a failing mutation can be named and rerun. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A with several change sets (persons, an edit, a record) in one bundle to B, not received. */
async function realBundle(): Promise<{ a: Peer; b: Peer; file: string }> {
  const [a, b] = await start('a', 'b');
  await introduce(a, b);
  const first = await a.core.call('createPerson', { name: 'Invented Ivo Marek', region: 'brest' });
  await a.core.call('createPerson', { name: 'Invented Jana Vold', consent: 'publish' });
  await a.core.call('updatePerson', { id: first.id, changes: { occupation: 'miner' } });
  await a.core.call('createRecord', {
    kind: 'riskAssignment',
    fields: { personId: first.id, category: 'disability' },
  });
  const file = path.join(a.root, 'real.age');
  const sent = await a.core.call('sendBundle', { contactIds: [a.contactOf.get('b')], path: file });
  expect(sent.changes).toBeGreaterThanOrEqual(4);
  return { a, b, file };
}

/** The code `checkBundle` refuses the file with; anything but an ApiError fails the test. */
async function checkCode(peer: Peer, file: string): Promise<string> {
  try {
    await checkBundle(peer.core.session, file);
  } catch (err) {
    if (err instanceof ApiError) return err.code;
    throw err;
  }
  throw new Error('a tampered bundle passed the checks');
}

describe('a real bundle tampered with', () => {
  it('changed at any single byte or cut short, is never applied and refused with a bundle code', async () => {
    const { b, file } = await realBundle();
    const original = readFileSync(file);
    const before = await vaultDigest(b);
    const next = random(11);
    const variants: Array<{ label: string; bytes: Buffer }> = [];
    for (let i = 0; i < MUTATIONS; i++) {
      // Stratified: mutation i falls in the i-th thousandth of the file, so all of it is covered.
      const at = Math.floor(((i + next()) * original.length) / MUTATIONS);
      const bytes = Buffer.from(original);
      bytes[at] = bytes[at]! ^ (1 + Math.floor(next() * 255));
      variants.push({ label: `byte ${String(at)} (mutation ${String(i)}, seed 11)`, bytes });
    }
    const cuts = [...Array.from({ length: 50 }, (_, k) => Math.floor((k * original.length) / 50))];
    cuts.push(original.length - 1, original.length - 16, original.length - 17);
    for (const cut of cuts)
      variants.push({ label: `cut at ${String(cut)}`, bytes: original.subarray(0, cut) });

    const tampered = path.join(b.root, 'tampered.age');
    const codes = new Map<string, number>();
    for (const [n, variant] of variants.entries()) {
      writeFileSync(tampered, variant.bytes);
      const code =
        n % THROUGH_CONTRACT_EVERY === 0
          ? (await refusal(b, tampered)).code
          : await checkCode(b, tampered);
      expect(code, variant.label).toMatch(/^BUNDLE_/);
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    expect(await vaultDigest(b)).toBe(before);
    expect((await b.core.call('listPersons', {})).total).toBe(0);
    // Only the two codes a damaged file can earn: a stanza changed so none opens, or damage.
    for (const code of codes.keys())
      expect(['BUNDLE_DAMAGED', 'BUNDLE_NOT_FOR_YOU']).toContain(code);
    expect(codes.get('BUNDLE_DAMAGED')).toBeGreaterThan(MUTATIONS / 2);
    // The untouched file still opens: the refusals were the tampering's.
    expect(await b.core.call('receiveBundle', { path: file })).toMatchObject({ newPersons: 2 });
    expect(await vaultDigest(b)).not.toBe(before);
  });

  it('changed inside and signed again by the sender, without its author attestation, is BUNDLE_DAMAGED', async () => {
    const { a, b, file } = await realBundle();
    const opened = await openAs(b, file);
    const other = b.core.session.installId;
    const edits: Array<[string, (sets: CanonicalSet[]) => void]> = [
      ['a value', (sets) => (sets[0]![4][0]![3] = 'Invented Altered Name')],
      [
        'a field',
        (sets) => {
          const cell = sets[0]![4][0]!;
          cell[2] = cell[2] === 'occupation' ? 'notes' : 'occupation';
        },
      ],
      ['a record id', (sets) => (sets[0]![4][0]![1] = sets[1]![4][0]![1])],
      ['the author', (sets) => (sets[0]![2] = other)],
      [
        'the author and its timestamp',
        (sets) => {
          sets[0]![2] = other;
          sets[0]![1] = sets[0]![1].replace(/[0-9a-f]{16}$/, other);
        },
      ],
      ['the set number', (sets) => (sets[0]![3] += 100)],
      [
        'a cell added',
        (sets) => sets[0]![4].push(['person', sets[0]![4][0]![1], 'notes', 'x', '']),
      ],
      ['a cell left out', (sets) => sets[0]![4].pop()],
    ];
    for (const [label, edit] of edits) {
      const plaintext: Plaintext = structuredClone(opened);
      edit(plaintext.payload.sets);
      const resealed = await seal(a, [b], plaintext, 'resealed');
      expect(await refusal(b, resealed), label).toEqual({
        code: 'BUNDLE_DAMAGED',
        unchanged: true,
      });
    }
    const attestation = structuredClone(opened);
    attestation.payload.attestations[0]!.digests += 'ab'.repeat(32);
    const forged = await seal(a, [b], attestation, 'attestation');
    expect(await refusal(b, forged)).toEqual({ code: 'BUNDLE_DAMAGED', unchanged: true });
    const untouched = await seal(a, [b], opened, 'untouched');
    expect(await b.core.call('receiveBundle', { path: untouched })).toMatchObject({
      newPersons: 2,
    });
  });
});
