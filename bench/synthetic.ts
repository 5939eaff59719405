import type { PersonFields } from '../core/api/records';
import type { Cell, ChangeSet } from '../core/changes/changeSet';
import { HybridClock, hlcTime } from '../core/changes/hlc';
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
/** Persons per seeded change set: 100k persons in 100 commits instead of 100,000. */
const PERSONS_PER_COMMIT = 1000;

/** A small seeded generator (mulberry32), so every run builds the same vault for a size. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** 32 lowercase hex digits: the shape of a record id. */
  id(): string {
    let out = '';
    for (let i = 0; i < 4; i++) out += this.int(0x100000000).toString(16).padStart(8, '0');
    return out;
  }
}

/** Invented syllables with their transliteration; no real person's name is reproduced. */
const SYLLABLES: readonly (readonly [string, string])[] = [
  ['ба', 'ba'],
  ['ве', 've'],
  ['да', 'da'],
  ['зо', 'zo'],
  ['ка', 'ka'],
  ['лі', 'li'],
  ['ма', 'ma'],
  ['на', 'na'],
  ['ра', 'ra'],
  ['се', 'se'],
  ['та', 'ta'],
  ['ху', 'khu'],
  ['ша', 'sha'],
  ['чы', 'chy'],
  ['лю', 'liu'],
  ['ян', 'yan'],
  ['ган', 'han'],
  ['мір', 'mir'],
  ['дзе', 'dze'],
  ['ўла', 'wla'],
];
const SURNAME_ENDINGS: readonly (readonly [string, string])[] = [
  ['віч', 'vich'],
  ['енка', 'enka'],
  ['ская', 'skaya'],
  ['скі', 'ski'],
  ['ук', 'uk'],
  ['ава', 'ava'],
];
const CITIZENSHIPS: readonly string[][] = [
  ['BY'],
  ['BY'],
  ['BY'],
  ['BY', 'PL'],
  ['RU'],
  ['UA'],
  [],
];
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

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A given name and a surname, in Cyrillic with its Latin transliteration. */
function inventName(rng: Rng): { cyrillic: string; latin: string } {
  const parts: [string, string][] = [];
  for (const syllables of [2, 2]) {
    let cyrillic = '';
    let latin = '';
    for (let i = 0; i < syllables; i++) {
      const [c, l] = rng.pick(SYLLABLES);
      cyrillic += c;
      latin += l;
    }
    parts.push([capitalize(cyrillic), capitalize(latin)]);
  }
  const [ending, endingLatin] = rng.pick(SURNAME_ENDINGS);
  const [given, surname] = parts as [[string, string], [string, string]];
  return {
    cyrillic: `${given[0]} ${surname[0]}${ending}`,
    latin: `${given[1]} ${surname[1]}${endingLatin}`,
  };
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** Known to the day for most persons, to the month or year for some, unknown for a few. */
function inventBirthDate(rng: Rng): string | null {
  const kind = rng.next();
  if (kind < 0.1) return null;
  const year = String(1945 + rng.int(60));
  if (kind < 0.2) return year;
  const month = twoDigits(1 + rng.int(12));
  if (kind < 0.3) return `${year}-${month}`;
  return `${year}-${month}-${twoDigits(1 + rng.int(28))}`;
}

/**
 * About 1 KB of notes: ten lines shaped like custody-event rows. The data model has no events
 * yet, so notes of this size stand in for the "about 10 events each" a real vault would hold.
 */
export function inventNotes(rng: Rng): string {
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

/** One person as the UI would create it; about a third are known by a Latin name only. */
function inventPerson(rng: Rng): PersonFields {
  const name = inventName(rng);
  const latinOnly = rng.next() < 0.3;
  return {
    name: latinOnly ? name.latin : name.cyrillic,
    nameLatin: latinOnly ? '' : name.latin,
    nameVariants: [],
    sex: null,
    birthDate: inventBirthDate(rng),
    citizenship: rng.pick(CITIZENSHIPS),
    region: null,
    occupation: '',
    notes: inventNotes(rng),
    consent: 'withhold_name',
  };
}

/**
 * The `count` persons of a vault of that size, always the same ones, so that other engines
 * (the SQLCipher anchor) can be seeded with exactly the data the vault holds.
 */
export function* syntheticPersons(count: number): Generator<{ id: string; person: PersonFields }> {
  const rng = new Rng(count);
  for (let i = 0; i < count; i++) yield { id: rng.id(), person: inventPerson(rng) };
}

/** The cells creating a person through the API would produce for the same person. */
function personCells(id: string, person: PersonFields, createdAt: string): Cell[] {
  const cells: Cell[] = Object.entries(person).map(([field, value]) => ({
    entity: 'person',
    id,
    field,
    value: value as Cell['value'],
  }));
  cells.push({ entity: 'person', id, field: 'createdAt', value: createdAt });
  return cells;
}

/** Seeding compacts once, at the end, where the benchmark can time it. */
const NO_AUTOMATIC_COMPACTION: CompactionPolicy = { maxRecords: Infinity, maxBytes: Infinity };

/**
 * Creates a vault in `folder` holding `count` synthetic persons and returns it open, with the
 * persons' ids. The persons go through `Vault.commit`, the single write path, in change sets of
 * PERSONS_PER_COMMIT persons each, so the result is a vault the app itself could have written.
 * The caller compacts it (the seed is all in the journal) and closes it.
 */
export async function seedVault(
  folder: string,
  count: number,
  onProgress: (done: number) => void = () => undefined,
): Promise<{ vault: Vault; ids: string[] }> {
  const clock = new HybridClock(SEED_AUTHOR);
  const { vault } = await Vault.create(folder, BENCH_PASSPHRASE, BENCH_KDF, {
    compaction: NO_AUTOMATIC_COMPACTION,
  });
  const ids: string[] = [];
  const newSet = (): ChangeSet => ({ v: 1, hlc: clock.tick(), author: SEED_AUTHOR, cells: [] });
  try {
    let set = newSet();
    for (const { id, person } of syntheticPersons(count)) {
      ids.push(id);
      set.cells.push(...personCells(id, person, hlcTime(set.hlc)));
      if (ids.length % PERSONS_PER_COMMIT === 0 || ids.length === count) {
        await vault.commit(set);
        onProgress(ids.length);
        set = newSet();
      }
    }
  } catch (err) {
    await vault.close();
    throw err;
  }
  return { vault, ids };
}
