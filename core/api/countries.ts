import COUNTRIES from './countries.json';
import type { ReportLanguage } from './reports';

/**
 * Country names in the interface and report languages, from ICU's names written out by
 * scripts/make-country-names.ts: neither Electron's nor Chromium's ICU has Belarusian, so
 * neither reports nor the renderer can ask `Intl` at run time.
 */
const NAMES: Record<string, Record<ReportLanguage, string> | undefined> = COUNTRIES;

/** Every code the list names, in code order. */
export const COUNTRY_CODES: readonly string[] = Object.keys(COUNTRIES);

/** True for a code the list names: what a citizenship filter may hold. */
export function isCountryCode(code: string): boolean {
  return NAMES[code] !== undefined;
}

/** A country's name in the language; a code the list does not name stays a code. */
export function countryName(language: ReportLanguage, code: string): string {
  return NAMES[code]?.[language] ?? code;
}
