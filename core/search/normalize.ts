/**
 * Text folding for full-text search. Researchers type names in whatever script and spelling is at
 * hand, and FTS4's `unicode61` tokenizer only lower-cases and strips Latin accents: it keeps `ё`
 * apart from `е` and Belarusian `і`/`ў` apart from Russian `и`/`у`. Both the indexed document and
 * the query therefore go through `foldText`, so that `ежик` finds `Ёжик` and `Мосик` finds `Мосік`.
 */

/**
 * Apostrophe look-alikes. Belarusian writes an apostrophe where Russian writes `ъ` (`аб'ём` /
 * `объём`), and romanisations use `'`, `ʼ`, `ʹ` or `’` for `ь` and `ъ`. Dropping them (rather than
 * treating them as separators, as unicode61 would) keeps such a word whole.
 */
const APOSTROPHES = /['`´ʹʺʻʼ‘’‛′＇]/gu;

/** Letters with no canonical decomposition, so that stripping combining marks cannot reach them. */
const LATIN_LETTERS: Readonly<Record<string, string>> = {
  ł: 'l',
  đ: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
};

/**
 * Belarusian and Ukrainian letters folded to their Russian counterparts (`ў`, `ё` and `ї` lose their
 * marks before this), and `ъ` dropped like the apostrophe that stands for it in Belarusian.
 */
const CYRILLIC_VARIANTS: Readonly<Record<string, string>> = { і: 'и', є: 'е', ґ: 'г', ъ: '' };

/** `й` is a letter of its own, typed on every Cyrillic keyboard, unlike `ё`: it keeps its breve. */
const KEEP_SHORT_I: ReadonlySet<string> = new Set(['и\u0306']);

/**
 * NFKC (full-width forms, ligatures, `ǆ` become plain letters) without apostrophes. They are removed
 * on both sides: NFKC turns `´` into a space plus an accent, and `ŉ` into `ʼn`.
 */
export function compatible(text: string): string {
  return text.replace(APOSTROPHES, '').normalize('NFKC').replace(APOSTROPHES, '');
}

/**
 * Lower case through upper case, a cheap approximation of Unicode case folding: the old Cyrillic
 * letter forms (`ᲀ`), Greek final `ς` and Turkish dotless `ı` are lower-case letters whose upper
 * case is the common letter's, so they reach its lower case, and `X` and `x` always fold alike.
 */
export function caseFold(text: string): string {
  return text.toUpperCase().toLowerCase();
}

/**
 * The words of a text: runs of letters, combining marks and digits, the units that unicode61
 * indexes (marks stay so that a decomposed `е` + `̈` is not cut in two).
 */
export function splitWords(text: string): string[] {
  return compatible(text).match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/**
 * Removes combining marks after canonical decomposition, except the base-and-mark pairs in `keep`,
 * and recomposes: `š` → `s`, `ё` → `е`, `ў` → `у`, while `keep` can spare `й`.
 */
export function stripMarks(text: string, keep: ReadonlySet<string>): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, (marks, offset: number, whole: string) =>
      [...marks].filter((mark) => keep.has(whole.charAt(offset - 1) + mark)).join(''),
    )
    .normalize('NFC');
}

/** Replaces the undecomposable Latin letters (`ł`, `ø`, `ß`…) by their usual ASCII spelling. */
export function foldLatinLetters(text: string): string {
  return text.replace(/[łđøßæœ]/g, (letter) => LATIN_LETTERS[letter] ?? letter);
}

/**
 * The canonical spelling of a text as typed: lower case, no accents or apostrophes, `ё` → `е`,
 * Belarusian `і`/`ў` → `и`/`у`, Ukrainian `ї`/`є`/`ґ` → `и`/`е`/`г`, `ъ` dropped; `й` is kept.
 * Letters stay in their script (transliteration is `searchKey`'s job) and other characters are
 * kept, so the result can still be split into words. Idempotent.
 */
export function foldText(text: string): string {
  const bare = stripMarks(caseFold(compatible(text)), KEEP_SHORT_I);
  return foldLatinLetters(bare).replace(/[ієґъ]/g, (letter) => CYRILLIC_VARIANTS[letter] ?? letter);
}
