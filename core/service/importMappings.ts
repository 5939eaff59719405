import { ApiError } from '../api/errors';
import { readRecord, type StoredRecord } from '../db/records';
import {
  applySavedColumns,
  readSavedValues,
  savedColumnsOf,
  savedSchemesOf,
} from '../import/mappings';
import {
  ImportShape,
  SavedColumns,
  type AppliedImportMapping,
  type SavedImportMapping,
  type SavedImportMappingEntry,
} from '../api/import';
import { commitSaved, deleteSaved, listSaved, parseJsonField } from './savedRecords';
import type { CoreSession } from './session';

/** A saved mapping as the list offers it, or null for one this version cannot read. */
function entryOf(record: StoredRecord): SavedImportMappingEntry | null {
  const shape = ImportShape.safeParse(record.shape);
  return shape.success && columnsOf(record)
    ? { id: record.id, name: String(record.name), shape: shape.data }
    : null;
}

/** The saved columns of a record, or null for one this version cannot read (a newer one's). */
function columnsOf(record: StoredRecord): SavedColumns | null {
  return SavedColumns.safeParse(parseJsonField(record.columns)).data ?? null;
}

/** The mappings of the open vault that this version can apply, by shape and name. */
export async function listImportMappings(session: CoreSession): Promise<SavedImportMappingEntry[]> {
  return (await listSaved(session, 'importMapping'))
    .flatMap((record) => entryOf(record) ?? [])
    .sort((a, b) => a.shape.localeCompare(b.shape));
}

/** Saves a mapping under its name, replacing one of the same name and shape. */
export async function saveImportMapping(
  session: CoreSession,
  saved: SavedImportMapping,
): Promise<SavedImportMappingEntry[]> {
  const same = (await listSaved(session, 'importMapping')).find(
    (record) => record.name === saved.name && record.shape === saved.shape,
  );
  await commitSaved(session, 'importMapping', same?.id ?? null, {
    name: saved.name,
    shape: saved.shape,
    columns: JSON.stringify(savedColumnsOf(saved.mapping)),
    valueMap: JSON.stringify(saved.values),
    schemes: JSON.stringify(savedSchemesOf(saved.schemes)),
  });
  return listImportMappings(session);
}

/** A saved mapping applied to the columns of the file being imported. */
export async function applyImportMapping(
  session: CoreSession,
  args: { id: string; columns: string[] },
): Promise<AppliedImportMapping> {
  const record = readRecord((await session.readVault()).db, 'importMapping', args.id);
  const columns = record && columnsOf(record);
  if (!columns) throw new ApiError('NOT_FOUND', 'No such import mapping');
  const schemes = parseJsonField(record.schemes);
  return applySavedColumns(
    args.columns,
    columns,
    typeof schemes === 'object' && schemes !== null ? (schemes as Record<string, string>) : {},
    readSavedValues(parseJsonField(record.valueMap)),
  );
}

export async function deleteImportMapping(session: CoreSession, id: string): Promise<void> {
  await deleteSaved(session, 'importMapping', id);
}
