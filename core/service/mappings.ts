import path from 'node:path';
import { loadSettings, saveImportMappings } from './settings';
import type { CoreSession } from './session';
import type { SavedImportMapping } from '../api/import';

/**
 * The folder of the settings file. The session puts its default vault folder inside it and
 * does not say where it is otherwise.
 */
function dataDirOf(session: CoreSession): string {
  return path.dirname(session.status().defaultFolder);
}

/** Saved mappings live in the settings, beside the vault, and work for any vault. */
export async function listImportMappings(session: CoreSession): Promise<SavedImportMapping[]> {
  return (await loadSettings(dataDirOf(session))).importMappings;
}

/** Saves a mapping under its name, replacing one of the same name and shape. */
export async function saveImportMapping(
  session: CoreSession,
  saved: SavedImportMapping,
): Promise<SavedImportMapping[]> {
  const others = (await listImportMappings(session)).filter(
    (m) => m.name !== saved.name || m.shape !== saved.shape,
  );
  const list = [...others, saved].sort(
    (a, b) => a.shape.localeCompare(b.shape) || a.name.localeCompare(b.name),
  );
  await saveImportMappings(dataDirOf(session), list);
  return list;
}
