import type { StoredRecord } from '../db/records';
import { PivotDefinition, type SavedCount, type SavedPivot } from '../api/figures';
import { commitSaved, deleteSaved, listSaved, parseJsonField } from './savedRecords';
import type { CoreSession } from './session';

/** A saved count of the vault, or null for a definition this version cannot read. */
function countOf(record: StoredRecord): SavedCount | null {
  const definition = PivotDefinition.safeParse(parseJsonField(record.definition));
  return definition.success
    ? { id: record.id, name: String(record.name), definition: definition.data }
    : null;
}

/** The custom counts saved in the open vault, by name: their questions, never their numbers. */
export async function listPivots(session: CoreSession): Promise<SavedCount[]> {
  return (await listSaved(session, 'savedCount')).flatMap((record) => countOf(record) ?? []);
}

/** Saves a custom count under its name, replacing one of the same name. */
export async function savePivot(session: CoreSession, saved: SavedPivot): Promise<SavedCount[]> {
  const same = (await listSaved(session, 'savedCount')).find((r) => r.name === saved.name);
  await commitSaved(session, 'savedCount', same?.id ?? null, {
    name: saved.name,
    definition: JSON.stringify(saved.definition),
  });
  return listPivots(session);
}

export async function deletePivot(session: CoreSession, id: string): Promise<void> {
  await deleteSaved(session, 'savedCount', id);
}
