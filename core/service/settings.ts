import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Settings as UserSettings } from '../api/schemas';
import { writeFileAtomic } from '../vault/atomicFile';

const DEFAULT_AUTO_LOCK_MINUTES = 5;

/**
 * Per-installation facts: an install id (the author of its change records), the vault folder
 * used last and the user's preferences. The file is plaintext, so it holds nothing about cases:
 * anything a user names or saves while working (import mappings, custom counts) lives in the
 * vault. Strict, so a field added here later has to be declared, and is seen in review.
 */
const Settings = UserSettings.extend({
  // Settings files from before a preference existed get its default, not a fresh install id.
  autoLockMinutes: UserSettings.shape.autoLockMinutes.default(DEFAULT_AUTO_LOCK_MINUTES),
  // A missing, unknown or damaged language is no choice at all, so the system language applies
  // and the install id and the other settings survive it.
  language: UserSettings.shape.language.catch(null),
  installId: z.string().regex(/^[0-9a-f]{16}$/),
  lastVaultFolder: z.string().nullable(),
}).strict();
export type Settings = z.infer<typeof Settings>;

const FILE = 'settings.json';
const KNOWN_FIELDS = new Set(Object.keys(Settings.shape));

interface Stored {
  settings: Settings;
  /** The file held fields that are not installation facts. */
  extra: boolean;
}

async function readSettings(dataDir: string): Promise<Stored | null> {
  try {
    const raw: unknown = JSON.parse(await fs.readFile(path.join(dataDir, FILE), 'utf8'));
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
    const fields = Object.entries(raw);
    const known = fields.filter(([field]) => KNOWN_FIELDS.has(field));
    const parsed = Settings.safeParse(Object.fromEntries(known));
    return parsed.success ? { settings: parsed.data, extra: known.length < fields.length } : null;
  } catch {
    return null;
  }
}

export async function loadSettings(dataDir: string): Promise<Settings> {
  const stored = await readSettings(dataDir);
  if (stored) {
    // Older versions kept saved import mappings and custom counts here, in plaintext, and a
    // mapping of a sheet without a header row held a person's name and birth date. Rewriting the
    // file drops them. They are not carried into a vault when one is unlocked: they were never
    // safe here, and a colleague's vault unlocked on this computer must not receive them either.
    if (stored.extra) await saveSettings(dataDir, stored.settings);
    return stored.settings;
  }
  // Missing or unreadable settings: start afresh; they hold nothing that cannot be rebuilt.
  const fresh: Settings = {
    installId: randomBytes(8).toString('hex'),
    lastVaultFolder: null,
    autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES,
    language: null,
  };
  await saveSettings(dataDir, fresh);
  return fresh;
}

export async function saveSettings(dataDir: string, settings: Settings): Promise<void> {
  // Parsed again so that nothing outside the schema reaches the disk, whatever the caller built.
  const checked = Settings.parse(settings);
  await fs.mkdir(dataDir, { recursive: true });
  await writeFileAtomic(path.join(dataDir, FILE), Buffer.from(JSON.stringify(checked), 'utf8'));
}
