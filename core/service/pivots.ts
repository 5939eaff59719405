import path from 'node:path';
import { loadSettings, savePivots } from './settings';
import type { CoreSession } from './session';
import type { SavedPivot } from '../api/figures';

/** The folder of the settings file (the session's default vault folder lies inside it). */
function dataDirOf(session: CoreSession): string {
  return path.dirname(session.status().defaultFolder);
}

/** Saved custom counts live in the settings, like import mappings: definitions only. */
export async function listPivots(session: CoreSession): Promise<SavedPivot[]> {
  return (await loadSettings(dataDirOf(session))).pivots;
}

/** Saves a custom count under its name, replacing one of the same name. */
export async function savePivot(session: CoreSession, saved: SavedPivot): Promise<SavedPivot[]> {
  const others = (await listPivots(session)).filter((p) => p.name !== saved.name);
  const list = [...others, saved].sort((a, b) => a.name.localeCompare(b.name));
  await savePivots(dataDirOf(session), list);
  return list;
}
