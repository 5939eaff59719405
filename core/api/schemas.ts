import { z } from 'zod';
import { Language } from './language';
import { PickedPath } from './pickers';

export { Language };

/** The years a recorded date may fall in: older or later ones are typing mistakes. */
export const MIN_DATE_YEAR = 1850;
export const MAX_DATE_YEAR = 2200;

/** A date known to the year, the month or the day: `2021`, `2021-08`, `2021-08-15`. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'date must be YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isValidPartialDate, 'no such date');

function isValidPartialDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number?, number?];
  if (y < MIN_DATE_YEAR || y > MAX_DATE_YEAR) return false;
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  // Day 0 of the next month is the last day of this one; UTC avoids any time-zone shift.
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d >= 1 && d <= daysInMonth;
}

export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'use two-letter country codes');

export const Id = z.string().regex(/^[0-9a-f]{32}$/, 'not an id');

export const VaultState = z.enum(['none', 'locked', 'unlocked']);

/** The vault's state as the core knows it, with the folder's path; it never leaves the host. */
export const CoreVaultStatus = z.object({
  state: VaultState,
  /** True when the vault was opened past damage: it can be read and backed up, not edited. */
  readOnly: z.boolean(),
  /** The vault folder this installation last used, if any. */
  folder: z.string().nullable(),
  /** This installation's id: the author of its edits, so history can say "this computer". */
  installId: z.string(),
});
export type CoreVaultStatus = z.infer<typeof CoreVaultStatus>;

/**
 * The vault's state as the renderer sees it: instead of the folder's path, a token for it
 * (purpose `openVault`) and its name, so "open the last vault" works without a picker.
 */
export const VaultStatus = CoreVaultStatus.omit({ folder: true }).extend({
  folder: PickedPath.nullable(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

export const Passphrase = z.string().max(1024);
/** The shortest new passphrase the core accepts, in characters; the interface asks for it too. */
export const MIN_PASSPHRASE_LENGTH = 12;

/** Twelve words; checked word by word in the core, so typing mistakes get their own error. */
export const RecoveryKey = z.string().max(400);

/** A passphrase or the recovery key: exactly one of the two opens a key slot. */
export const SecretArgs = z.object({
  passphrase: Passphrase.optional(),
  recoveryKey: RecoveryKey.optional(),
});

/** Where damage was found, so the UI can say which file and record, never what they held. */
export const DamageDetails = z.object({
  file: z.string(),
  /** 1-based record number inside a journal file; 0 for the journal's own prefix. */
  record: z.number().int().optional(),
  /** Whether an earlier generation or the readable records can rebuild the vault. */
  repairable: z.boolean(),
  /**
   * What was found: a file that fails authentication or its format (`damaged`), a file that is
   * gone (`missing`), files older than the vault's own record of its last commit (`behind`:
   * records removed or an older copy put back), or an authentic record this version cannot
   * apply (`unapplied`, kept for a later version). Absent means `damaged`.
   */
  kind: z.enum(['damaged', 'missing', 'behind', 'unapplied']).optional(),
});
export type DamageDetails = z.infer<typeof DamageDetails>;

export const Settings = z.object({
  /** Minutes without keyboard or pointer input before the vault locks itself. */
  autoLockMinutes: z.number().int().min(1).max(240),
  /**
   * The interface language the user chose; null until they choose, when the system language
   * decides. An installation setting, not a vault one: it must apply before any vault is open.
   */
  language: Language.nullable(),
});
export type Settings = z.infer<typeof Settings>;
