import type { PersonFields } from '../core/api/records';
import { HybridClock } from '../core/changes/hlc';
import { demoCases } from '../core/demo/cases';
import { demoChangeSets } from '../core/demo/load';
import { DemoRandom } from '../core/demo/random';
import { seedChangeSet } from '../core/model/seed';
import type { KdfParams } from '../core/vault/crypto';
import { Vault, type CompactionPolicy } from '../core/vault/vault';

/**
 * Benchmark vaults use a cheap KDF: unlock is reported with the KDF time subtracted, and the
 * app calibrates its real cost on each machine.
 */
export const BENCH_KDF: KdfParams = { opsLimit: 1, memKiB: 8 * 1024 };
export const BENCH_PASSPHRASE = 'correct horse battery staple, benchmark edition';
/** The install id that authors the seeded change sets. */
export const SEED_AUTHOR = 'b0b0b0b0b0b0b0b0';
/**
 * One seed for every size: demo persons depend only on (seed, number), so the vault of a size
 * holds the first persons of every larger one.
 */
const BENCH_SEED = 1;

/** The demo generator's seeded random numbers, for the benchmarks' own choices. */
export { DemoRandom as Rng };

const PLACES = [
  'detention centre No. 1',
  'remand prison No. 3',
  'penal colony No. 15',
  'district court',
  'regional court',
  'police department',
];
const EVENTS = [
  'detained at home',
  'detained at a rally',
  'charged under art. 342',
  'charged under art. 361-1',
  'transferred',
  'sentenced to 3 years',
  'appeal rejected',
  'placed in a punishment cell',
  'visit by lawyer refused',
  'parcel returned',
];

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** About 1 KB of notes: the payload of each benchmarked edit, ten lines of a researcher's log. */
export function inventNotes(rng: DemoRandom): string {
  const lines: string[] = [];
  for (let i = 0; i < 10; i++) {
    const date = `${2020 + rng.int(5)}-${twoDigits(1 + rng.int(12))}-${twoDigits(1 + rng.int(28))}`;
    lines.push(
      `${date}: ${rng.pick(EVENTS)}, ${rng.pick(PLACES)}; source ${rng.int(10000)}, ` +
        `checked by researcher ${rng.int(100)}, confidence ${rng.pick(['low', 'medium', 'high'])}.`,
    );
  }
  return lines.join('\n');
}

/**
 * The `count` persons of a vault of that size, always the same ones, so that other engines
 * (the SQLCipher anchor, which has a persons table only) can be seeded with the vault's persons.
 */
export function* syntheticPersons(count: number): Generator<{ id: string; person: PersonFields }> {
  for (const { person } of demoCases(count, BENCH_SEED)) {
    yield { id: person.id, person: person.fields };
  }
}

/** Seeding compacts once, at the end, where the benchmark can time it. */
const NO_AUTOMATIC_COMPACTION: CompactionPolicy = { maxRecords: Infinity, maxBytes: Infinity };

/**
 * Creates a vault in `folder` holding the seed thesauri and `count` demo persons with all their
 * records (about ten custody events, proceedings and risks each), and returns it open with the
 * persons' ids. Everything goes through `Vault.commit`, the single write path, in the demo
 * loader's change sets, so the result is a vault the app itself could have written. The caller
 * compacts it (the seed is all in the journal) and closes it.
 */
export async function seedVault(
  folder: string,
  count: number,
  onProgress: (done: number) => void = () => undefined,
): Promise<{ vault: Vault; ids: string[] }> {
  const { vault } = await Vault.create(folder, BENCH_PASSPHRASE, BENCH_KDF, {
    compaction: NO_AUTOMATIC_COMPACTION,
  });
  const ids: string[] = [];
  try {
    await vault.commit(seedChangeSet());
    const start = new HybridClock(SEED_AUTHOR).tick();
    for (const { set, personIds } of demoChangeSets(count, BENCH_SEED, SEED_AUTHOR, start)) {
      await vault.commit(set);
      ids.push(...personIds);
      if (personIds.length > 0) onProgress(ids.length);
    }
  } catch (err) {
    await vault.close();
    throw err;
  }
  return { vault, ids };
}
