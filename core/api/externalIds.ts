import { z } from 'zod';

/**
 * The ids an organisation gives a person in its own registers ("list number 1042"), kept in
 * the person's `externalIds` field as `scheme:value`. A scheme names the register; within one
 * scheme an id names one person. Zod only: the renderer reads this file too.
 */
export const ExternalIdScheme = z
  .string()
  .trim()
  .min(1, 'a scheme name is required')
  .max(60)
  .regex(/^[^:\n]+$/, 'a scheme name has no colon');
export type ExternalIdScheme = z.infer<typeof ExternalIdScheme>;

/** The scheme a column's ids belong to when the user names none. */
export const DEFAULT_SCHEME = 'list';

export const ExternalId = z
  .string()
  .max(261)
  .regex(/^[^:\n]{1,60}:[^\n]{1,200}$/, 'an external id is written scheme:value')
  .refine((text) => {
    const parsed = parseExternalId(text);
    return parsed !== null && parsed.scheme === parsed.scheme.trim() && parsed.value !== '';
  }, 'an external id is written scheme:value');
export type ExternalId = z.infer<typeof ExternalId>;

export function formatExternalId(scheme: string, value: string): string {
  return `${scheme.trim()}:${value.trim()}`;
}

export function parseExternalId(text: string): { scheme: string; value: string } | null {
  const colon = text.indexOf(':');
  if (colon <= 0) return null;
  return { scheme: text.slice(0, colon), value: text.slice(colon + 1).trim() };
}

/**
 * The key two ids are compared by: case and spacing of the scheme do not matter, nor case of
 * the value ("ab-12" and "AB-12" are one id); leading zeros do ("007" is not "7").
 */
export function externalIdKey(scheme: string, value: string): string {
  const folded = (text: string) => text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  return `${folded(scheme)}:${folded(value)}`;
}
