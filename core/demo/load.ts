import { RECORD_KINDS } from '../api/records';
import type { Cell, ChangeSet } from '../changes/changeSet';
import { HybridClock, hlcTime, parseHlc } from '../changes/hlc';
import type { VaultAccess } from '../vault/access';
import { DEMO_AS_OF, demoCases, demoSharedRecords } from './cases';
import type { DemoRecord } from './types';

/**
 * Demo data into a vault, through the single write path like any other edit. A change set per
 * DEMO_PERSONS_PER_SET persons keeps each commit's journal record and transaction moderate while
 * 10k persons still take only 50 commits.
 */
export const DEMO_PERSONS_PER_SET = 200;

/**
 * Every field of a record, as `createRecord` writes it, plus its creation time. The schema is
 * checked here too: a generator mistake must fail the load, not end up in someone's vault.
 */
export function recordCells(record: DemoRecord, createdAt: string): Cell[] {
  const fields = RECORD_KINDS[record.kind].parse(record.fields) as Record<string, Cell['value']>;
  const cells: Cell[] = Object.entries(fields).map(([field, value]) => ({
    entity: record.kind,
    id: record.id,
    field,
    value,
  }));
  cells.push({ entity: record.kind, id: record.id, field: 'createdAt', value: createdAt });
  return cells;
}

interface DemoBatch {
  records: DemoRecord[];
  personIds: string[];
}

/** The shared records first (facility terms, reports), then the persons in batches. */
function* demoBatches(count: number, seed: number, asOf: string): Generator<DemoBatch> {
  yield { records: demoSharedRecords(seed, asOf), personIds: [] };
  let batch: DemoBatch = { records: [], personIds: [] };
  for (const { person, records } of demoCases(count, seed, asOf)) {
    batch.records.push(person, ...records);
    batch.personIds.push(person.id);
    if (batch.personIds.length === DEMO_PERSONS_PER_SET) {
      yield batch;
      batch = { records: [], personIds: [] };
    }
  }
  if (batch.personIds.length > 0) yield batch;
}

/**
 * Loads `count` invented persons into the unlocked vault of a session. Loading the same seed
 * again writes the same ids, so it updates those persons instead of adding copies. Not
 * undoable: the "undo last change" of data entry should not remove a whole batch of demo data.
 * `records` counts every record written, persons and shared records included.
 */
export async function loadDemoData(
  session: VaultAccess,
  count: number,
  seed = 1,
): Promise<{ persons: number; records: number }> {
  const createdAt = new Date().toISOString();
  let persons = 0;
  let records = 0;
  // One bulk write: the vault compacts once, at the end, not every few batches.
  await session.bulk(async () => {
    for (const batch of demoBatches(count, seed, DEMO_AS_OF)) {
      const cells = batch.records.flatMap((record) => recordCells(record, createdAt));
      await session.commit(cells, { undoable: false });
      persons += batch.personIds.length;
      records += batch.records.length;
    }
  });
  return { persons, records };
}

/**
 * The same data as change sets stamped after `startHlc` by `author`, for seeding a `Vault`
 * directly (benchmarks), with the ids of the persons each set creates.
 */
export function* demoChangeSets(
  count: number,
  seed: number,
  author: string,
  startHlc: string,
  asOf: string = DEMO_AS_OF,
): Generator<{ set: ChangeSet; personIds: string[] }> {
  const start = parseHlc(startHlc);
  if (!start) throw new Error(`not a timestamp: ${startHlc}`);
  const clock = new HybridClock(author, () => start.wall);
  clock.observe(startHlc);
  for (const batch of demoBatches(count, seed, asOf)) {
    const hlc = clock.tick();
    const cells = batch.records.flatMap((record) => recordCells(record, hlcTime(hlc)));
    yield { set: { v: 1, hlc, author, cells }, personIds: batch.personIds };
  }
}
