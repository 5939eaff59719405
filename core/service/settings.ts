import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Settings as UserSettings } from '../api/schemas';
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
});
export type Settings = z.infer<typeof Settings>;

const FILE = 'settings.json';

export async function loadSettings(dataDir: string): Promise<Settings> {
  try {
    const parsed = Settings.safeParse(
      JSON.parse(await fs.readFile(path.join(dataDir, FILE), 'utf8')),
    );
    if (parsed.success) return parsed.data;
  } catch {
    // Missing or unreadable settings: start afresh; they hold nothing that cannot be rebuilt.
  }
  const fresh: Settings = {
    installId: randomBytes(8).toString('hex'),
    lastVaultFolder: null,
    autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES,
  };
  await saveSettings(dataDir, fresh);
  return fresh;
}

export async function saveSettings(dataDir: string, settings: Settings): Promise<void> {
  await fs.mkdir(dataDir, { recursive: true });
  await writeFileAtomic(path.join(dataDir, FILE), Buffer.from(JSON.stringify(settings), 'utf8'));
}
