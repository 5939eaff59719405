import type { ReportLanguage } from '../api/reports';
import COUNTRIES from './locales/countries.json';

const NAMES: Record<string, Record<ReportLanguage, string> | undefined> = COUNTRIES;

/**
 * A country's name in the report's language, from ICU's names written out by
 * scripts/make-country-names.ts (Electron's ICU has no Belarusian); a code ICU does not name
 * stays a code.
 */
export function countryName(language: ReportLanguage, code: string): string {
  return NAMES[code]?.[language] ?? code;
}
