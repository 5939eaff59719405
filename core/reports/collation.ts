import type { ReportLanguage } from '../api/reports';

/**
 * Alphabetical order per report language, without `Intl`: Chromium's and Electron's ICU have
 * no Belarusian, so `Intl.Collator('be')` in the renderer sorts as English would. This is the
 * part of the CLDR collation (root order, with the be and ru tailorings) that names, regions,
 * facilities and articles need; tests/unit/report-collation.test.ts checks it against Node's
 * full ICU.
 *
 * - en: root order, Latin before Cyrillic.
 * - ru: Cyrillic first (`[reorder Cyrl]`), then Latin; ё is е with a secondary difference
 *   ("елка" < "ёлка" < "ель"), as is ў after у.
 * - be: Cyrillic first; ё and ў are letters of their own, after е and у; і is where и would be.
 *
 * As in ICU, strings compare on three levels: the letters (primary), then their accents
 * (secondary), then their case, lower before upper (tertiary). Spaces and punctuation are not
 * ignored: they come before digits, and digits before letters, so "Ан Ба" < "Ан-Ба" < "Анна".
 * Characters outside the tables come after every letter, in code point order.
 */

const PUNCTUATION = ' _-–—,;:!?.\'"«»()[]{}@*/\\&#%`^+<=>|~$';
const DIGITS = '0123456789';
const LATIN = 'abcdefghijklmnopqrstuvwxyz';
/** Root order of the Cyrillic letters the tables know; ё and ў join it in Belarusian only. */
const CYRILLIC = 'абвгдеєжзиійклмнопрстуфхцчшщъыьэюя';

/**
 * Secondary weights, in root order: the combining accents NFD splits letters into, and the
 * differences root gives characters that have no decomposition: typographic quotes are the
 * straight ones with a difference below every accent, ł is l with a stroke, ґ is г with an
 * upturn.
 */
const OPENING = 'opening';
const CLOSING = 'closing';
const STROKE = 'stroke';
const UPTURN = 'upturn';
const ACCENTS = [
  OPENING,
  CLOSING,
  '\u0301',
  '\u0300',
  '\u0306',
  '\u0302',
  '\u030c',
  '\u030a',
  '\u0308',
  '\u030b',
  '\u0303',
  '\u0307',
  '\u0327',
  '\u0328',
  '\u0304',
  STROKE,
  '\u0323',
  UPTURN,
];

// Weights are UTF-16 code units, so a key compares as a plain string. 1 separates the levels
// and sorts before every weight, so a prefix sorts first.
const LEVEL = '\u0001';
const COMMON = 0x20;
const UPPER = 0x22;
/** № is "No" with a tertiary difference above upper case, as in root. */
const COMPAT = 0x24;
const FIRST_PRIMARY = 0x100;
/** Unknown characters: this unit and two more for the code point, after every known letter. */
const UNKNOWN = 0xf000;

interface Element {
  primary: number;
  secondary: number;
  tertiary?: number;
}

type Table = Map<string, Element[]>;

/** An accent's secondary weight; accents the list lacks share one, after all of it. */
function accent(mark: string): number {
  const index = ACCENTS.indexOf(mark);
  return COMMON + 1 + (index >= 0 ? index : ACCENTS.length);
}

function buildTable(language: ReportLanguage): Table {
  const cyrillic = language === 'be' ? CYRILLIC.replace('е', 'её').replace('у', 'уў') : CYRILLIC;
  const letters = language === 'en' ? LATIN + cyrillic : cyrillic + LATIN;
  const table: Table = new Map();
  let next = FIRST_PRIMARY;
  for (const ch of PUNCTUATION + DIGITS + letters)
    table.set(ch, [{ primary: next++, secondary: COMMON }]);
  const withMark = (base: string, mark: string): Element[] => [
    ...table.get(base)!,
    { primary: 0, secondary: accent(mark) },
  ];
  const variant = (base: string, mark: string): Element[] => [
    { primary: table.get(base)![0]!.primary, secondary: accent(mark) },
  ];
  table.set('‘', variant("'", OPENING));
  table.set('’', variant("'", CLOSING));
  table.set('“', variant('"', OPENING));
  table.set('”', variant('"', CLOSING));
  table.set('ł', withMark('l', STROKE));
  table.set('ґ', withMark('г', UPTURN));
  const n = table.get('n')![0]!;
  const o = table.get('o')![0]!;
  table.set('№', [
    { ...n, tertiary: COMPAT },
    { ...o, tertiary: COMPAT },
  ]);
  return table;
}

const TABLES: Record<ReportLanguage, Table> = {
  en: buildTable('en'),
  be: buildTable('be'),
  ru: buildTable('ru'),
};

const COMBINING = /\p{M}/u;

/**
 * The sort key of a text in a language: two keys compare (as plain strings, `<`) in the
 * language's alphabetical order.
 */
export function collationKey(language: ReportLanguage, text: string): string {
  const table = TABLES[language];
  const primary: number[] = [];
  const secondary: number[] = [];
  const tertiary: number[] = [];
  const push = (elements: Element[], upper: boolean) => {
    elements.forEach((e, i) => {
      if (e.primary > 0) primary.push(e.primary);
      secondary.push(e.secondary);
      tertiary.push(e.tertiary ?? (upper && i === 0 ? UPPER : COMMON));
    });
  };
  for (const ch of text.normalize('NFC')) {
    const lower = ch.toLowerCase();
    const whole = table.get(lower);
    if (whole) {
      push(whole, lower !== ch);
      continue;
    }
    // Not a letter of the table as it stands: a base letter and its accents.
    for (const part of ch.normalize('NFD')) {
      const partLower = part.toLowerCase();
      const known = table.get(partLower);
      if (known) push(known, partLower !== part);
      else if (COMBINING.test(part)) push([{ primary: 0, secondary: accent(part) }], false);
      else {
        const cp = part.codePointAt(0)!;
        primary.push(UNKNOWN, FIRST_PRIMARY + (cp >> 10), FIRST_PRIMARY + (cp & 0x3ff));
        secondary.push(COMMON);
        tertiary.push(COMMON);
      }
    }
  }
  const units = (weights: number[]) => String.fromCharCode(...weights);
  return units(primary) + LEVEL + units(secondary) + LEVEL + units(tertiary);
}

/** `compare(a, b)` for `Array.prototype.sort`, in the language's alphabetical order. */
export function comparer(language: ReportLanguage): (a: string, b: string) => number {
  return (a, b) => {
    const x = collationKey(language, a);
    const y = collationKey(language, b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

/**
 * `items` sorted by `text(item)` in the language's order, each key computed once. Equal texts
 * keep their order in `items`.
 */
export function sortByText<T>(
  language: ReportLanguage,
  items: readonly T[],
  text: (item: T) => string,
): T[] {
  const keyed = items.map((item, index) => ({
    item,
    index,
    key: collationKey(language, text(item)),
  }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index));
  return keyed.map((k) => k.item);
}
