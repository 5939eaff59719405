import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalDump, conflictQueue } from '../helpers/syncDump';
import { PERSON_FIELDS, Run, type Command, type Fate } from '../helpers/syncRun';
import { introduce, startPeer, type Peer } from '../helpers/sync';

/**
 * Convergence of vaults exchanging bundles (issue 11, "Proof"). Five installations are set up
 * once, each with a verified contact for every other; each run works on fresh copies of those
 * vaults, so a run costs its edits and exchanges, not key generation and verification.
 *
 * RUNS property runs with a fixed seed, about a minute on a busy two-core machine. Another
 * seed: `FC_SEED=<n> npx vitest run tests/unit/sync-convergence.test.ts` (the project's
 * fast-check variable, tests/setup/fastCheck.ts); more runs: `VIGIL_SYNC_RUNS=<n>`.
 */
const RUNS = Number(process.env['VIGIL_SYNC_RUNS'] ?? 40);
const SEED = Number(process.env['FC_SEED'] ?? 11_2026);
const PASSPHRASE = 'test passphrase';

let base: string;
let peers: Peer[] = [];

beforeAll(async () => {
  base = mkdtempSync(path.join(os.tmpdir(), 'vigil-converge-'));
  for (const name of ['a', 'b', 'c', 'd', 'e']) peers.push(await startPeer(base, name));
  for (let i = 0; i < peers.length; i++)
    for (let j = i + 1; j < peers.length; j++) await introduce(peers[i]!, peers[j]!);
  for (const peer of peers) await peer.core.call('lockVault', {});
});

afterAll(async () => {
  for (const peer of peers) await peer.core.call('lockVault', {});
  peers = [];
  rmSync(base, { recursive: true, force: true });
});

/** Opens a copy of each of the first `count` template vaults, in `dir`. */
async function freshVaults(count: number, dir: string): Promise<Peer[]> {
  const group = peers.slice(0, count);
  for (const peer of group) {
    const folder = path.join(dir, peer.name);
    cpSync(path.join(peer.root, 'vault'), folder, { recursive: true });
    await peer.core.call('unlockVault', { folder, passphrase: PASSPHRASE });
  }
  return group;
}

async function lockAll(group: Peer[]): Promise<void> {
  for (const peer of group) await peer.core.call('lockVault', {});
}

const peerIndex = fc.nat({ max: 4 });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ t: fc.constant('person' as const), at: peerIndex }) },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('custody' as const), at: peerIndex, pick: fc.nat() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('edit' as const),
      at: peerIndex,
      pick: fc.nat(),
      fields: fc.subarray(PERSON_FIELDS, { minLength: 1 }),
    }),
  },
  // Several installations editing one field of one record before they exchange anything.
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('same' as const),
      ats: fc.uniqueArray(peerIndex, { minLength: 2, maxLength: 5 }),
      pick: fc.nat(),
      field: fc.nat(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('delete' as const), at: peerIndex, pick: fc.nat() }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('send' as const),
      from: peerIndex,
      to: fc.uniqueArray(fc.nat({ max: 3 }), { minLength: 1, maxLength: 2 }),
      fate: fc.constantFrom<Fate>('now', 'now', 'twice', 'lost', 'later', 'later'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('deliver' as const), pick: fc.nat() }) },
);

const scenario = fc.record({
  installations: fc.integer({ min: 3, max: 5 }),
  commands: fc.array(command, { minLength: 5, maxLength: 30 }),
});

describe('vaults exchanging bundles', () => {
  it(
    `converge to identical data and conflict queues (${RUNS} runs of 3 to 5 installations)`,
    async () => {
      const made = { field: 0, deleted: 0 };
      await fc.assert(
        fc.asyncProperty(scenario, async ({ installations, commands }) => {
          const dir = mkdtempSync(path.join(base, 'run-'));
          const run = new Run(await freshVaults(installations, dir), dir);
          try {
            // Shared records to start from, so the first commands can edit them concurrently.
            await run.createPerson(0);
            await run.createPerson(0);
            await run.createCustody(0, 0);
            const everyone = run.group.map((_, i) => i).slice(1);
            const opening = (await run.send(0, everyone))!;
            for (const to of everyone) await run.receive(opening, to);
            for (const c of commands) await run.step(c);
            // Files still pending are lost too.
            await run.settle();
            for (let i = 0; i < installations; i++)
              expect(run.model.seen[i]!.size).toBe(run.model.opCount);
            const dumps = await Promise.all(run.group.map((p) => canonicalDump(p.core)));
            const queues = await Promise.all(run.group.map((p) => conflictQueue(p.core)));
            for (let i = 1; i < installations; i++) {
              expect(dumps[i]).toEqual(dumps[0]);
              expect(queues[i]).toEqual(queues[0]);
            }
            const expected = run.model.expectedConflicts();
            expect(queues[0]).toEqual(expected);
            for (const c of expected) made[c.kind]++;
          } finally {
            await lockAll(run.group);
            rmSync(dir, { recursive: true, force: true });
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
      // The runs made both kinds of conflict, so the comparison above was not vacuous.
      expect(made.field).toBeGreaterThan(0);
      expect(made.deleted).toBeGreaterThan(0);
    },
    // Like the project's limit, one that catches a hang, scaled for longer runs.
    Math.max(300_000, RUNS * 20_000),
  );
});

describe('the conflict queue after an edit made over an unseen delete', () => {
  it('names the same field in every vault when one change set edited several', async () => {
    const dir = mkdtempSync(path.join(base, 'tie-'));
    const run = new Run(await freshVaults(3, dir), dir);
    try {
      await run.createPerson(0);
      const person = { kind: 'person' as const, id: run.model.idsOf('person')[0]! };
      const opening = (await run.send(0, [1, 2]))!;
      for (const to of [1, 2]) await run.receive(opening, to);
      // a and b first write different fields, and each learns the other's edit second.
      await run.edit(0, person, ['notes']);
      await run.edit(1, person, ['name']);
      await run.receive((await run.send(0, [1]))!, 1);
      await run.receive((await run.send(1, [0]))!, 0);
      await run.remove(2, person);
      const deletedAt = run.model.newestTime(2, person, 'deleted');
      // a, not having seen the delete, edits two fields in one change set made after it.
      do await run.edit(0, person, ['name', 'notes']);
      while (run.model.newestTime(0, person, 'name') <= deletedAt);
      await run.settle();
      const queues = await Promise.all(run.group.map((p) => conflictQueue(p.core)));
      expect(queues[0]!.filter((c) => c.kind === 'deleted')).toHaveLength(1);
      expect(queues[1]).toEqual(queues[0]);
      expect(queues[2]).toEqual(queues[0]);
      expect(queues[0]).toEqual(run.model.expectedConflicts());
    } finally {
      await lockAll(run.group);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Every order of the items. */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('receiving overlapping bundles', () => {
  it('gives the same vault in each of the six orders three bundles can arrive in', async () => {
    const dir = mkdtempSync(path.join(base, 'orders-'));
    const run = new Run(await freshVaults(4, dir), dir);
    const [a, b, c, d] = [0, 1, 2, 3];
    try {
      await run.createPerson(a);
      await run.createPerson(a);
      const [p1, p2] = run.model.idsOf('person').map((id) => ({ kind: 'person' as const, id }));
      await run.createCustody(a, 0);
      const event = { kind: 'custodyEvent' as const, id: run.model.idsOf('custodyEvent')[0]! };
      const opening = (await run.send(a, [b, c]))!;
      for (const to of [b, c]) await run.receive(opening, to);
      for (const at of [a, b, c]) await run.edit(at, p1!, ['occupation']);
      await run.edit(a, p2!, ['name']);
      await run.edit(c, p2!, ['notes']);
      await run.remove(c, p2!);
      // b edits p2 after c deleted it, without having seen the delete or c's notes, in one set.
      const deletedAt = run.model.newestTime(c, p2!, 'deleted');
      do await run.edit(b, p2!, ['name', 'notes']);
      while (run.model.newestTime(b, p2!, 'name') <= deletedAt);
      await run.edit(b, event, ['notes']);
      // c passes on b's sets and a's first ones, not a's edit of p2: the files to d overlap, and
      // d meets p2's fields in a different order depending on which file comes first.
      await run.receive((await run.send(b, [c]))!, c);
      await run.edit(c, p1!, ['notes']);
      const files = [];
      for (const from of [a, b, c]) files.push((await run.send(from, [d]))!.file);
      await lockAll(run.group);

      const expected = run.model.expectedConflicts();
      expect(expected.map((conflict) => conflict.kind).sort()).toEqual([
        'deleted',
        'field',
        'field',
        'field',
      ]);
      const receiver = run.group[d]!;
      const results = [];
      for (const [k, order] of permutations(files).entries()) {
        const folder = path.join(dir, `receiver-${k}`);
        cpSync(path.join(receiver.root, 'vault'), folder, { recursive: true });
        await receiver.core.call('unlockVault', { folder, passphrase: PASSPHRASE });
        for (const file of order) await receiver.core.call('receiveBundle', { path: file });
        results.push({
          dump: await canonicalDump(receiver.core),
          queue: await conflictQueue(receiver.core),
        });
        await receiver.core.call('lockVault', {});
      }
      expect(results).toHaveLength(6);
      for (const result of results.slice(1)) expect(result).toEqual(results[0]);
      expect(results[0]!.queue).toEqual(expected);
    } finally {
      await lockAll(run.group);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
