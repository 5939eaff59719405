import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Settings as UserSettings } from '../api/schemas';
import { SavedImportMapping } from '../api/import';
import { SavedPivot } from '../api/figures';
import { writeFileAtomic } from '../vault/atomicFile';

const DEFAULT_AUTO_LOCK_MINUTES = 5;

/**
 * Per-installation settings: an install id (the author of its change records), the vault
 * folder used last and the user's preferences. Plaintext on purpose, so it holds no case data, no names and no keys.
 */
const Settings = UserSettings.extend({
  // Settings files from before a preference existed get its default, not a fresh install id.
  autoLockMinutes: UserSettings.shape.autoLockMinutes.default(DEFAULT_AUTO_LOCK_MINUTES),
  installId: z.string().regex(/^[0-9a-f]{16}$/),
  lastVaultFolder: z.string().nullable(),
  // Saved import mappings hold column names only. One that no longer parses is dropped, never
  // the whole file (which would cost the install id).
  importMappings: z
    .array(z.unknown())
    .default([])
    .transform((items) => items.flatMap((item) => SavedImportMapping.safeParse(item).data ?? [])),
  // Saved custom counts hold their definitions only (measure, dimensions, date, filters).
  pivots: z
    .array(z.unknown())
    .default([])
    .transform((items) => items.flatMap((item) => SavedPivot.safeParse(item).data ?? [])),
});
export type Settings = z.infer<typeof Settings>;

const FILE = 'settings.json';

async function readSettings(dataDir: string): Promise<Settings | null> {
  try {
    const parsed = Settings.safeParse(
      JSON.parse(await fs.readFile(path.join(dataDir, FILE), 'utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function loadSettings(dataDir: string): Promise<Settings> {
  const stored = await readSettings(dataDir);
  if (stored) return stored;
  // Missing or unreadable settings: start afresh; they hold nothing that cannot be rebuilt.
  const fresh: Settings = {
    installId: randomBytes(8).toString('hex'),
    lastVaultFolder: null,
    autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES,
    importMappings: [],
    pivots: [],
  };
  await saveSettings(dataDir, fresh);
  return fresh;
}

async function writeSettings(dataDir: string, settings: Settings): Promise<void> {
  await fs.mkdir(dataDir, { recursive: true });
  await writeFileAtomic(path.join(dataDir, FILE), Buffer.from(JSON.stringify(settings), 'utf8'));
}

export async function saveSettings(dataDir: string, settings: Settings): Promise<void> {
  // Import mappings and saved counts change only through their own savers; the session's
  // copy may be older.
  const stored = await readSettings(dataDir);
  await writeSettings(dataDir, {
    ...settings,
    importMappings: stored?.importMappings ?? settings.importMappings,
    pivots: stored?.pivots ?? settings.pivots,
  });
}

export async function saveImportMappings(
  dataDir: string,
  importMappings: SavedImportMapping[],
): Promise<void> {
  await writeSettings(dataDir, { ...(await loadSettings(dataDir)), importMappings });
}

export async function savePivots(dataDir: string, pivots: SavedPivot[]): Promise<void> {
  await writeSettings(dataDir, { ...(await loadSettings(dataDir)), pivots });
}
