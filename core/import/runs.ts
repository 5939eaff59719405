import { ApiError } from '../api/errors';
import {
  ImportCounts,
  type ImportProgress,
  type ImportRun,
  type ImportRunShape,
} from '../api/importRuns';
import type { ImportRunFields } from '../api/records';
import type { Cell } from '../changes/changeSet';
import { newRecordId } from '../changes/ids';
import { readRecords, type StoredRecord } from '../db/records';
import type { VaultAccess } from '../vault/access';

/** One batch of an import: the cells of its rows, and what those rows add to the counts. */
export interface ImportBatch {
  cells: Cell[];
  rows: number;
  counts: Partial<ImportCounts>;
}

export interface RunPlan {
  fileName: string;
  shape: ImportRunShape;
  /** Rows the run is to write, for its progress. */
  rows: number;
}

export const NO_COUNTS: ImportCounts = {
  imported: 0,
  personsUpdated: 0,
  unchanged: 0,
  termsCreated: 0,
  skipped: 0,
  personsCreated: 0,
  eventsCreated: 0,
  proceedingsCreated: 0,
  statusesCreated: 0,
};

export interface LiveRun {
  runId: string;
  rows: number;
  imported: number;
  cancelling: boolean;
}

/** The import under way in each session: one at a time, since the worker runs one vault. */
const live = new WeakMap<VaultAccess, LiveRun>();

export function importProgress(session: VaultAccess): ImportProgress {
  const run = live.get(session);
  return run ? { ...run } : null;
}

export function cancelImport(session: VaultAccess): { cancelling: boolean } {
  const run = live.get(session);
  if (run) run.cancelling = true;
  return { cancelling: run !== undefined };
}

/**
 * Every import into this vault, newest first. A run still `running` that is not the one under
 * way stopped before its last batch (the vault locked, or the app closed): it is `stopped`,
 * with the rows it wrote, which stay until it is undone.
 */
export async function listImportRuns(session: VaultAccess): Promise<ImportRun[]> {
  const db = (await session.readVault()).db;
  const underWay = live.get(session)?.runId;
  return readRecords(db, 'importRun', '1 = 1', [], 'created_at DESC, id DESC').map((record) => {
    const fields = record as StoredRecord & ImportRunFields;
    return {
      id: fields.id,
      fileName: fields.fileName,
      shape: fields.shape,
      createdAt: fields.createdAt,
      rows: fields.rows,
      imported: fields.imported,
      state: fields.state === 'running' && fields.id !== underWay ? 'stopped' : fields.state,
      counts: countsOf(fields.counts),
    };
  });
}

/** The counts a run keeps as JSON; a count it lacks (an older version's run) is 0. */
function countsOf(json: string): ImportCounts {
  const parsed = ImportCounts.partial().safeParse(JSON.parse(json));
  return { ...NO_COUNTS, ...(parsed.success ? parsed.data : {}) };
}

function addCounts(total: ImportCounts, add: Partial<ImportCounts>): ImportCounts {
  const sum = { ...total };
  for (const key of Object.keys(add) as Array<keyof ImportCounts>) sum[key] += add[key] ?? 0;
  return sum;
}

function runCells(runId: string, fields: Record<string, Cell['value'] | undefined>): Cell[] {
  return Object.entries(fields).flatMap(([field, value]) =>
    value === undefined ? [] : [{ entity: 'importRun', id: runId, field, value }],
  );
}

/**
 * Runs an import with its run registered from the start: while the file is read and checked
 * its progress says so (no rows yet) and a cancel is heard, so the writing never begins.
 */
export async function withRun<T>(
  session: VaultAccess,
  work: (run: LiveRun) => Promise<T>,
): Promise<T> {
  if (live.has(session)) throw new ApiError('IMPORT_RUNNING', 'An import is already under way');
  const run: LiveRun = { runId: newRecordId(), rows: 0, imported: 0, cancelling: false };
  live.set(session, run);
  try {
    return await work(run);
  } finally {
    live.delete(session);
  }
}

/** What the first set of a run writes about it. */
function runHeader(plan: RunPlan) {
  return {
    fileName: plan.fileName,
    shape: plan.shape,
    rows: plan.rows,
    createdAt: new Date().toISOString(),
  };
}

/** Lets the worker answer progress and cancel calls that came in during a batch. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes an import's batches through the one write path, each batch one change set that also
 * records in the run how far the import got. A batch is written whole or not at all, so when
 * the vault locks mid-import the run says exactly which rows are in; a cancel takes effect
 * between batches. The first set creates the run: the sets that touched it are the import's.
 * A run cancelled before its first batch is recorded too, with nothing written. One bulk write:
 * the vault compacts once, after the last batch, not every few batches.
 */
export function writeRun(
  session: VaultAccess,
  run: LiveRun,
  plan: RunPlan,
  batches: Iterable<ImportBatch>,
  skipped: number,
): Promise<{ runId: string; counts: ImportCounts; cancelled: boolean }> {
  return session.bulk(() => writeBatches(session, run, plan, batches, skipped));
}

async function writeBatches(
  session: VaultAccess,
  run: LiveRun,
  plan: RunPlan,
  batches: Iterable<ImportBatch>,
  skipped: number,
): Promise<{ runId: string; counts: ImportCounts; cancelled: boolean }> {
  const { runId } = run;
  run.rows = plan.rows;
  let counts: ImportCounts = { ...NO_COUNTS, skipped };
  let first = true;
  for (const batch of batches) {
    await nextTurn();
    if (run.cancelling) break;
    counts = addCounts(counts, { ...batch.counts, imported: batch.rows });
    const progress = {
      ...(first ? runHeader(plan) : {}),
      imported: counts.imported,
      counts: JSON.stringify(counts),
    };
    await session
      .commit([...runCells(runId, progress), ...batch.cells], { undoable: false })
      .catch((err: unknown) => {
        if (!(err instanceof ApiError)) throw err;
        throw new ApiError(
          err.code,
          `${err.message}; ${run.imported} of ${plan.rows} rows were imported before it`,
        );
      });
    first = false;
    run.imported = counts.imported;
  }
  const state = run.cancelling && run.imported < plan.rows ? 'cancelled' : 'complete';
  const ending = { state, counts: JSON.stringify(counts) };
  await session.commit(
    runCells(runId, first ? { ...runHeader(plan), imported: 0, ...ending } : ending),
    { undoable: false },
  );
  return { runId, counts, cancelled: state === 'cancelled' };
}
