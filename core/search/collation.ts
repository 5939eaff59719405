import type { Language } from '../api/schemas';

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
 *
 * The same key orders the person list: core/db/sortKeys.ts stores it per language and SQLite
 * compares it as bytes (docs/search.md, "Order of the list").
 */

/**
 * The version of these tables and of the key's encoding. Keys stored in a vault (core/db/sortKeys.ts)
 * are rebuilt on unlock when they were made by another version: change it with any rule below.
 */
export const COLLATION_VERSION = 1;

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

// Weights are code units below 0x80, so a key compares the same as a JavaScript string (`<`) and
// as the UTF-8 bytes SQLite stores (BINARY, memcmp), one byte a weight. 1 separates the levels
// and sorts before every weight, so a prefix sorts first.
const LEVEL = '\u0001';
const COMMON = 0x20;
const UPPER = 0x22;
/** № is "No" with a tertiary difference above upper case, as in root. */
const COMPAT = 0x24;
const FIRST_PRIMARY = 0x02;
/**
 * Unknown characters: this unit and two more for the code point (each below 0x442), after every
 * known letter.
 */
const UNKNOWN = 0x7f;

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

function buildTable(language: Language): Table {
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
  // Every primary must stay below UNKNOWN, and so one byte in UTF-8.
  if (next > UNKNOWN) throw new Error('Collation table has more letters than one-byte weights');
  return table;
}

const TABLES: Record<Language, Table> = {
  en: buildTable('en'),
  be: buildTable('be'),
  ru: buildTable('ru'),
};

const COMBINING = /\p{M}/u;

/**
 * The sort key of a text in a language: two keys compare (as plain strings, `<`) in the
 * language's alphabetical order.
 */
export function collationKey(language: Language, text: string): string {
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
  return (
    units(primary) +
    LEVEL +
    units(withoutTrailingCommon(secondary)) +
    LEVEL +
    units(withoutTrailingCommon(tertiary))
  );
}

/**
 * A level without its trailing common weights, as ICU compresses them: most names have no
 * accent and a capital only at the start of each word, so their keys are about half as long.
 * The order stays the same: COMMON is the lowest weight of both levels, and two texts with the
 * same primary weights have as many primary-bearing elements, each with a secondary weight of
 * its own (COMMON or a typographic variant) that no ignorable accent shares, so their secondary
 * levels cannot differ by trailing commons alone; their tertiary levels are as long as each other.
 */
function withoutTrailingCommon(weights: number[]): number[] {
  let end = weights.length;
  while (end > 0 && weights[end - 1] === COMMON) end--;
  return weights.slice(0, end);
}

/** `compare(a, b)` for `Array.prototype.sort`, in the language's alphabetical order. */
export function comparer(language: Language): (a: string, b: string) => number {
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
  language: Language,
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
