import { COUNTRY_CODES, countryName } from '../../../core/api/countries';
import type { ReportLanguage } from '../../../core/api/reports';

export interface CountryOption {
  code: string;
  /** The name in the interface language. */
  name: string;
}

/** How many countries the picker offers at a time: typing narrows them. */
export const SHOWN_COUNTRIES = 8;

const LANGUAGES: readonly ReportLanguage[] = ['en', 'be', 'ru'];

function fold(text: string): string {
  return text.trim().toLocaleLowerCase();
}

/** The names a country is found by: in the interface language first, then the others. */
function namesOf(code: string, language: ReportLanguage): string[] {
  return [language, ...LANGUAGES.filter((other) => other !== language)].map((l) =>
    fold(countryName(l, code)),
  );
}

/**
 * Countries for what was typed, best first: the code itself ("ua"), then names that begin
 * with it ("Ukr"), then names with a word that begins with it ("Kingdom"). Names are matched
 * in all three languages, so "Украина" finds Ukraine in an English interface too.
 */
export function matchCountries(query: string, language: ReportLanguage): CountryOption[] {
  const needle = fold(query);
  if (needle === '') return [];
  const ranked: { option: CountryOption; rank: number }[] = [];
  for (const code of COUNTRY_CODES) {
    const names = namesOf(code, language);
    const rank =
      code.toLowerCase() === needle
        ? 0
        : names.some((name) => name.startsWith(needle))
          ? 1
          : names.some((name) => name.split(/[\s\-–’'(),.&]+/).some((w) => w.startsWith(needle)))
            ? 2
            : -1;
    if (rank >= 0) ranked.push({ option: { code, name: countryName(language, code) }, rank });
  }
  // Within a rank, in code order: stable, and independent of the engine's collation.
  return ranked.sort((a, b) => a.rank - b.rank).map((entry) => entry.option);
}

/** The code for a whole name or code typed in any of the languages, or null. */
export function resolveCountry(text: string): string | null {
  const needle = fold(text);
  if (needle === '') return null;
  for (const code of COUNTRY_CODES) {
    if (code.toLowerCase() === needle) return code;
  }
  for (const code of COUNTRY_CODES) {
    if (LANGUAGES.some((language) => fold(countryName(language, code)) === needle)) return code;
  }
  return null;
}
