import { ApiError } from '../api/errors';
import type { Cell } from '../changes/changeSet';
import { readRecord, readRecords, type StoredRecord } from '../db/records';
import { newRecordId } from '../changes/ids';
import { validateRecord } from './records';
import type { CoreSession } from './session';

/**
 * What users save while working (import mappings, custom counts, report definitions): records of the vault like any
 * other, so they are encrypted, belong to the vault they were saved in, and are written through
 * change sets. Not undoable: "undo last change" is for case records; a saved entry is deleted.
 */
export type SavedKind = 'importMapping' | 'savedCount' | 'reportDefinition';

/** Live records of a saved kind, by name. */
export async function listSaved(session: CoreSession, kind: SavedKind): Promise<StoredRecord[]> {
  const records = readRecords((await session.readVault()).db, kind, '1 = 1', []);
  return records.sort((a, b) => String(a.name).localeCompare(String(b.name)));
}

/**
 * Saves the fields as a new record, or over the record `id`. Only the fields that differ are
 * committed, so a colleague's edit of another field is not overwritten.
 */
export async function commitSaved(
  session: CoreSession,
  kind: SavedKind,
  id: string | null,
  fields: Record<string, string>,
): Promise<void> {
  const db = (await session.readVault()).db;
  const record = validateRecord(db, kind, fields);
  const current = id === null ? null : readRecord(db, kind, id);
  if (id !== null && !current) throw new ApiError('NOT_FOUND', `No such ${kind}`);
  const target = id ?? newRecordId();
  const cells: Cell[] = Object.entries(record)
    .filter(([field, value]) => current?.[field] !== value)
    .map(([field, value]) => ({ entity: kind, id: target, field, value: value as Cell['value'] }));
  if (!current) {
    // createdAt is a value in the record, so replay and sync never compute it.
    cells.push({ entity: kind, id: target, field: 'createdAt', value: new Date().toISOString() });
  }
  if (cells.length > 0) await session.commit(cells, { undoable: false });
}

/** A delete is a tombstone, as for every record. */
export async function deleteSaved(
  session: CoreSession,
  kind: SavedKind,
  id: string,
): Promise<void> {
  if (!readRecord((await session.readVault()).db, kind, id)) {
    throw new ApiError('NOT_FOUND', `No such ${kind}`);
  }
  await session.commit([{ entity: kind, id, field: 'deleted', value: true }], { undoable: false });
}

/** The value of a JSON text field, or undefined when it is not JSON. */
export function parseJsonField(value: unknown): unknown {
  try {
    return JSON.parse(String(value));
  } catch {
    return undefined;
  }
}
