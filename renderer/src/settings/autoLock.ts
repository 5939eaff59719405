import { Settings } from '../../../core/api/schemas';

/** Used until the saved setting has loaded, and if it cannot be read: the core's default. */
export const DEFAULT_AUTO_LOCK_MINUTES = 5;
export const MIN_AUTO_LOCK_MINUTES = 1;
export const MAX_AUTO_LOCK_MINUTES = 240;

/** The minutes typed, checked with the API's own schema, or null when they are not valid. */
export function parseAutoLockMinutes(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const parsed = Settings.shape.autoLockMinutes.safeParse(Number(text));
  return parsed.success ? parsed.data : null;
}
