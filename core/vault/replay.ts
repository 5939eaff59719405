import { ApiError } from '../api/errors';
import type { DamageDetails } from '../api/schemas';
import { applyChanges, type ApplyOptions } from '../db/apply';
import type { WriteDb } from '../db/handle';
import { cellProblem, decodeChangeSet, validateChangeSet, type Cell } from '../changes/changeSet';
import type { ChangeSet } from '../changes/changeSet';
import { all, run } from '../db/statements';
import { logSet } from '../db/syncLog';

/** Where a journal record is: its file and 1-based record number. */
export interface RecordPlace {
  file: string;
  record: number;
}

/**
 * Applies one authentic journal record, checked by the same function as the write path.
 * Returns null when all of it applied; otherwise the damage to report, never a bare error.
 * A record that is no change set of this format (not JSON, a wrong shape, an author other than
 * its timestamp's install) is damage. A change set with cells this version cannot apply
 * (an entity or field of a newer version, a value its schema refuses) applies the rest, and
 * the others are held in the database, so no compaction or repair drops them.
 */
export function replayRecord(
  db: WriteDb,
  payload: Uint8Array,
  where: RecordPlace,
): { details: DamageDetails; reason: string } | null {
  let checked: ReturnType<typeof validateChangeSet>;
  try {
    checked = validateChangeSet(decodeChangeSet(payload));
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== 'INVALID_INPUT') throw err;
    return {
      details: { ...where, repairable: true, kind: 'damaged' },
      reason: 'Record is not a change set',
    };
  }
  const { set, rejected } = checked;
  if (set.received) {
    applyOrHoldReceived(db, set);
    return null;
  }
  const refused = new Set(rejected.map((r) => r.cell));
  const held = applyOrHold(
    db,
    set,
    set.cells.filter((cell) => !refused.has(cell)),
  );
  const unapplied = [...rejected.map((r) => r.cell), ...held];
  if (unapplied.length === 0) return null;
  holdCells(db, set, unapplied);
  const problems = rejected.map((r) => r.problem);
  if (held.length > 0) problems.push('the write path refused the other cells');
  return {
    details: { ...where, repairable: true, kind: 'unapplied' },
    reason: `Record not applied: ${problems.join('; ')}`,
  };
}

/**
 * Applies a set the way the write path does, for commits and replay alike: a local set whole,
 * a set received from a colleague with the cells this version cannot apply held. Returns the
 * set as journaled.
 */
export function applyJournalSet(
  db: WriteDb,
  set: ChangeSet,
  options: Pick<ApplyOptions, 'search'> = {},
): ChangeSet {
  if (!set.received) return applyChanges(db, set, options);
  applyReceived(db, set, options);
  return set;
}

/**
 * A received set is applied in part when some cells are of a newer version: those are held
 * (applied after an upgrade), and the set goes into the change log whole, as its author signed
 * it, so this vault can pass it on intact. An error of the write path refuses the whole set.
 */
function applyReceived(
  db: WriteDb,
  set: ChangeSet,
  options: Pick<ApplyOptions, 'search'> = {},
): void {
  const refused: Cell[] = [];
  const applicable: Cell[] = [];
  for (const cell of set.cells) (cellProblem(cell) === null ? applicable : refused).push(cell);
  if (applicable.length > 0)
    applyChanges(db, { ...set, cells: applicable }, { ...options, travelling: set });
  else logSet(db, set);
  if (refused.length > 0) holdCells(db, set, refused);
}

/** Replay of a received set: as on arrival; the write path's refusal holds all of it. */
function applyOrHoldReceived(db: WriteDb, set: ChangeSet): void {
  run(db, 'SAVEPOINT replay_record');
  try {
    applyReceived(db, set);
    run(db, 'RELEASE replay_record');
  } catch {
    run(db, 'ROLLBACK TO replay_record');
    run(db, 'RELEASE replay_record');
    holdCells(db, set, set.cells);
  }
}

/**
 * Applies the cells of a set that pass the check, inside a savepoint of the caller's
 * transaction. Returns the cells it could not apply: none, or all of them if the write path
 * refused the set.
 */
function applyOrHold(db: WriteDb, set: ChangeSet, cells: Cell[], held = false): Cell[] {
  if (cells.length === 0) return [];
  run(db, 'SAVEPOINT replay_record');
  try {
    applyChanges(db, { ...set, cells }, { held });
    run(db, 'RELEASE replay_record');
    return [];
  } catch {
    run(db, 'ROLLBACK TO replay_record');
    run(db, 'RELEASE replay_record');
    return cells;
  }
}

function holdCells(db: WriteDb, set: ChangeSet, cells: Cell[]): void {
  for (const cell of cells) {
    // A field set twice in one change set keeps its last value, as the write path does.
    run(
      db,
      'INSERT OR REPLACE INTO held_cells (hlc, author, entity, entity_id, field, value) VALUES (?, ?, ?, ?, ?, ?)',
      [set.hlc, set.author, cell.entity, cell.id, cell.field, JSON.stringify(cell.value)],
    );
  }
}

/**
 * Tries the held cells again, with the entities and schemas of this version: called on open,
 * after the migrations, so a version that knows a held field applies it with its original
 * timestamp and author (last writer wins decides as if it had applied on arrival). Cells that
 * still cannot apply stay held.
 */
export function retryHeldCells(db: WriteDb): void {
  const rows = all(
    db,
    'SELECT hlc, author, entity, entity_id, field, value FROM held_cells ORDER BY hlc',
  );
  if (rows.length === 0) return;
  const sets = new Map<string, ChangeSet>();
  for (const row of rows) {
    const cell: Cell = {
      entity: String(row.entity),
      id: String(row.entity_id),
      field: String(row.field),
      value: JSON.parse(String(row.value)) as Cell['value'],
    };
    if (cellProblem(cell)) continue;
    const key = `${String(row.hlc)} ${String(row.author)}`;
    const set = sets.get(key) ?? {
      v: 1,
      hlc: String(row.hlc),
      author: String(row.author),
      cells: [],
    };
    set.cells.push(cell);
    sets.set(key, set);
  }
  if (sets.size === 0) return;
  run(db, 'BEGIN');
  for (const set of sets.values()) {
    if (applyOrHold(db, set, set.cells, true).length > 0) continue;
    for (const cell of set.cells) {
      run(
        db,
        'DELETE FROM held_cells WHERE hlc = ? AND entity = ? AND entity_id = ? AND field = ?',
        [set.hlc, cell.entity, cell.id, cell.field],
      );
    }
  }
  run(db, 'COMMIT');
}
