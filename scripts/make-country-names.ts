// `npx tsx scripts/make-country-names.ts`: rewrites core/api/countries.json, the
// names of countries in the report languages, from Node's full ICU. Reports cannot ask `Intl`
// at run time: Electron's ICU, like Chromium's, has no Belarusian.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const LANGUAGES = ['en', 'be', 'ru'] as const;
/** Codes ICU names that are not a country a person holds citizenship of. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const names = Object.fromEntries(
  LANGUAGES.map((l) => [l, new Intl.DisplayNames([l], { type: 'region', fallback: 'none' })]),
);
const countries: Record<string, Record<string, string>> = {};
for (const a of LETTERS) {
  for (const b of LETTERS) {
    const code = a + b;
    if (NOT_COUNTRIES.has(code) || !names.en!.of(code)) continue;
    countries[code] = Object.fromEntries(LANGUAGES.map((l) => [l, names[l]!.of(code) ?? code]));
  }
}
const file = path.join(__dirname, '..', 'core', 'api', 'countries.json');
writeFileSync(file, `${JSON.stringify(countries, null, 2)}\n`);
console.error(`${Object.keys(countries).length} countries written to ${file}`);
