import { ApiError } from '../api/errors';
import type { UndoImportResult } from '../api/importRuns';
import { RECORD_KINDS, type RecordKind } from '../api/records';
import type { Cell } from '../changes/changeSet';
import { TABLES } from '../changes/entities';
import { auditValue } from '../db/apply';
import type { ReadDb } from '../db/handle';
import { readRecord } from '../db/records';
import { all, first } from '../db/statements';
import type { VaultAccess } from '../vault/access';
import { importProgress } from './runs';

/** What undoing an import needs of the open vault beyond a feature's: a commit of one step. */
export interface UndoAccess extends VaultAccess {
  /** Commits the groups as change sets of one step: all of them or none. */
  commitAll(groups: Cell[][]): Promise<unknown>;
}

/**
 * Cells per change set of an undo. A journal record holds at most 64 MB; a delete cell takes
 * about 130 bytes once its base is written in, so this keeps each set a few megabytes.
 */
const CELLS_PER_SET = 50_000;

/**
 * The audit entries of one import's change sets: the set that created its run record (the
 * record's `clock_base`) and every set that edited it. Two `?`, both the run's id.
 */
const RUN_SETS = `(SELECT l.seq FROM audit_log l JOIN import_runs r ON r.clock_base = l.hlc_id
  WHERE r.id = ? UNION SELECT seq FROM audit_edits WHERE entity_id = ? AND entity = 'importRun')`;

/** Records the import created that are still there, as `deleted` cells. */
function removals(db: ReadDb, runId: string): Cell[] {
  const kinds = (Object.keys(RECORD_KINDS) as RecordKind[]).filter((kind) => kind !== 'importRun');
  return kinds.flatMap((kind) =>
    all(
      db,
      `SELECT id FROM ${TABLES[kind]} WHERE deleted = 0 AND id IN
       (SELECT entity_id FROM audit_created WHERE entity = ? AND seq IN ${RUN_SETS})`,
      [kind, runId, runId],
    ).map((row) => ({ entity: kind, id: String(row.id), field: 'deleted', value: true })),
  );
}

interface FieldEdit {
  kind: RecordKind;
  id: string;
  field: string;
  /** The value before the import's first edit of the field, as the audit keeps it. */
  before: string | null;
  /** The value after its last edit, and that edit's timestamp. */
  after: string | null;
  hlc: string;
}

/**
 * The fields the import changed on records it did not create, oldest edit first: taking the
 * first edit's `before` and the last edit's `after` for each field is the same as inverting the
 * sets one by one, newest first.
 */
function fieldEdits(db: ReadDb, runId: string): FieldEdit[] {
  const edits = new Map<string, FieldEdit>();
  const rows = all(
    db,
    `SELECT e.entity AS entity, e.entity_id AS id, e.field AS field, e.before AS before,
       e.after AS after, h.hlc AS hlc
     FROM audit_edits e JOIN audit_log l ON l.seq = e.seq JOIN hlcs h ON h.id = l.hlc_id
     WHERE e.seq IN ${RUN_SETS} AND e.entity != 'importRun'
       AND e.entity_id NOT IN (SELECT entity_id FROM audit_created WHERE seq IN ${RUN_SETS})
     ORDER BY e.seq, e.rowid`,
    [runId, runId, runId, runId],
  );
  for (const row of rows) {
    const kind = String(row.entity) as RecordKind;
    const key = `${kind}/${String(row.id)}/${String(row.field)}`;
    const after = row.after as string | null;
    const seen = edits.get(key);
    if (seen) Object.assign(seen, { after, hlc: String(row.hlc) });
    else
      edits.set(key, {
        kind,
        id: String(row.id),
        field: String(row.field),
        before: row.before as string | null,
        after,
        hlc: String(row.hlc),
      });
  }
  return [...edits.values()];
}

/** The timestamp of a live record's field now, or null when the record has been deleted. */
function fieldTime(db: ReadDb, kind: RecordKind, id: string, field: string): string | null {
  const row = first(
    db,
    `SELECT t.clock AS clock, h.hlc AS base FROM ${TABLES[kind]} t
     LEFT JOIN hlcs h ON h.id = t.clock_base WHERE t.id = ? AND t.deleted = 0`,
    [id],
  );
  if (!row) return null;
  const clock = JSON.parse(String(row.clock)) as Record<string, string>;
  return clock[field] ?? (row.base as string | null) ?? '';
}

/**
 * The cells that give back what the import changed. A field changed again since the import
 * (by the user, or by a colleague's bundle) keeps its newer value: undo takes back the import,
 * never later work.
 */
function restorations(db: ReadDb, runId: string): { cells: Cell[]; kept: number } {
  const cells: Cell[] = [];
  let kept = 0;
  for (const edit of fieldEdits(db, runId)) {
    if (fieldTime(db, edit.kind, edit.id, edit.field) !== edit.hlc) kept++;
    else if (edit.before !== edit.after)
      cells.push({
        entity: edit.kind,
        id: edit.id,
        field: edit.field,
        value: auditValue(edit.kind, edit.field, edit.before) as Cell['value'],
      });
  }
  return { cells, kept };
}

function inGroups(cells: Cell[]): Cell[][] {
  const groups: Cell[][] = [];
  for (let start = 0; start < cells.length; start += CELLS_PER_SET)
    groups.push(cells.slice(start, start + CELLS_PER_SET));
  return groups;
}

/**
 * "Undo this import": deletes the records the import created (thesaurus terms of its value step
 * among them) and restores the fields it changed, through the write path, so the history of
 * each record shows it. The undo is one step: its change sets are committed together, all or
 * none, and the last one marks the run `undone`. Were the computer to stop while they are
 * written, the run would not be marked, and undoing it again finishes the rest.
 */
export async function undoImport(session: UndoAccess, id: string): Promise<UndoImportResult> {
  if (importProgress(session)) throw new ApiError('IMPORT_RUNNING', 'An import is under way');
  const db = (await session.readVault()).db;
  const run = readRecord(db, 'importRun', id);
  if (!run) throw new ApiError('NOT_FOUND', 'No such import');
  if (run.state === 'undone') throw new ApiError('IMPORT_ALREADY_UNDONE', 'Already undone');
  const removed = removals(db, id);
  const { cells: restored, kept } = restorations(db, id);
  const groups = inGroups([...removed, ...restored]);
  const state: Cell = { entity: 'importRun', id, field: 'state', value: 'undone' };
  if (groups.length === 0) groups.push([state]);
  else groups[groups.length - 1]!.push(state);
  await session.commitAll(groups);
  return { removed: removed.length, restored: restored.length, kept };
}
