/**
 * Phonetic search keys. A person is recorded as `Дратасевіч` and searched as `Drotasevich`,
 * `Dratasevich`, `Drotasiewicz` or `Дратасевич`: every spelling of a name, Belarusian or Russian,
 * Cyrillic or Latin, should reduce to the same ASCII key. The key first romanises the word in an
 * English style (the common ground of passports, BGN/PCGN and the press), then merges what the
 * spellings disagree on: vowel reduction (akanye), soft vowels (`я`/`ia`/`ya`/`ja`), `ў`/`в`,
 * Belarusian `ц`/`дз` for Russian `т`/`д`, `г`/`h`/`х`. Keys accept more matches, never fewer:
 * `Голод` and `Холод` share one. The rules are in docs/search.md.
 */
import { caseFold, compatible, foldLatinLetters, splitWords, stripMarks } from './normalize';

/**
 * Letters that keep their marks until the romanisation reads them: `й`, and the letters of the
 * Central European spellings (`č`, `š`, `ž`, `ż`, `ŭ`), which tell how to read `c` and `ch`.
 */
const KEPT_MARKS: ReadonlySet<string> = new Set([
  'и\u0306',
  'c\u030c',
  's\u030c',
  'z\u030c',
  'z\u0307',
  'u\u0306',
]);

/**
 * Cyrillic (Belarusian, Russian, Ukrainian; `ё`, `ў`, `ї` have lost their marks) in an English-style
 * romanisation. Soft vowels carry a `y` glide and `ь` an `'` that the rules below resolve; `ъ` is
 * dropped like the Belarusian apostrophe it corresponds to.
 */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'ye',
  є: 'ye',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: "'",
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/**
 * Latin spellings are read either as English-style romanisations (`ch` = `ч`, `kh` = `х`) or as
 * Central European ones: Belarusian Łacinka, Polish, Czech-style (`č` = `ч`, `ch` = `х`, `c` = `ц`).
 */
type Spelling = 'english' | 'central';

/**
 * What betrays a Central European spelling: letters English romanisations never use, the Polish
 * digraphs `cz`/`sz`, or a `c` that can only be `ц` (`Cichanouska`).
 */
const CENTRAL_SIGNAL = /[čšžżłŭ]|cz|sz|c(?=[eiy])/;

/** Central European letters and digraphs rewritten in the English style. */
const CENTRAL: Readonly<Record<string, string>> = {
  ch: 'kh',
  cz: 'ch',
  sz: 'sh',
  c: 'ts',
  č: 'ch',
  š: 'sh',
  ž: 'zh',
  ż: 'zh',
  ł: 'l',
  ŭ: 'u',
};

/**
 * English-style digraphs with another usual spelling. `ch` maps to itself so that its `c` is not
 * read alone; a lone `c` is `k` (`Victor`), since one that reads `ts` makes the word Central European.
 */
const ENGLISH: Readonly<Record<string, string>> = { tch: 'ch', sch: 'sh', ch: 'ch', c: 'k' };

/** Latin letters no Slavic romanisation needs, in either kind of spelling. */
const FOREIGN: Readonly<Record<string, string>> = { ph: 'f', x: 'ks', q: 'k', w: 'v' };

/**
 * One key letter per sound, so the rules below can be plain regular expressions and no two sounds
 * can spell a third (`з` + `г` is `zh` in letters, not `ж`). `щ` is merged with `ш` (`Shcherbakov`
 * is often `Sherbakov`), `г` with `х` (`Hleb`/`Gleb`, `Khadasevich`/`Hadasevich`), `дз` with `д`
 * (`Dzmitry`/`Dmitry`).
 */
const SOUNDS: Readonly<Record<string, string>> = {
  shch: 'w',
  sh: 'w',
  ch: 'q',
  zh: 'x',
  kh: 'h',
  gh: 'h',
  g: 'h',
  ts: 'c',
  dzh: 'dx',
  dz: 'd',
};

function spellingOf(word: string): Spelling {
  return CENTRAL_SIGNAL.test(word) ? 'central' : 'english';
}

/** Lower case, NFKC, no apostrophes, and no marks except those `KEPT_MARKS` needs. */
function prepare(word: string): string {
  return stripMarks(caseFold(compatible(word)), KEPT_MARKS);
}

/** The word in the English-style romanisation, Latin letters first so Cyrillic output is not re-read. */
function romanise(word: string, spelling: Spelling): string {
  const latin =
    spelling === 'central'
      ? word.replace(/ch|cz|sz|[cčšžżłŭ]/g, (m) => CENTRAL[m] ?? m)
      : word.replace(/tch|sch|ch|c/g, (m) => ENGLISH[m] ?? m);
  return foldLatinLetters(latin)
    .replace(/ph|[xqw]/g, (m) => FOREIGN[m] ?? m)
    .replace(/[а-яіґє]/g, (m) => CYRILLIC[m] ?? '')
    .replace(/[^a-z0-9']/g, '');
}

/**
 * The phonetic rules, on one letter per sound:
 * 1. doubled letters are one (`Жанна`/`Zhanna`/`Žanna`, `Таццяна`/`Tatsiana`), digits are not;
 * 2. a glide run (`i`, `y`, `j`, `'`) before `a`/`e`/`o` is a soft vowel, spelt `e` (`Пяляцкі`/
 *    `Pelyatsky`, `Пётр`/`Piotr`, `Ягор`/`Yegor`, `Мария`/`Maria`); before `u` it disappears
 *    (`Yury`/`Juri`/`Iury`, `Lyuba`/`Luba`); elsewhere it is `i` (`Юрый`/`Jurij`/`Yuriy` end in `i`),
 *    unless it was only a soft sign (`Ольга`/`Olga`);
 * 3. `o` is `a`: Belarusian writes the reduced vowel (`Дратасевіч`/`Дротасевич`);
 * 4. `ц` before `i`/`e` is `т` (Belarusian `Ціхамоўская`/Russian `Тихамовская`);
 * 5. `v` that is not before a vowel is `u`, as Belarusian `ў` (`Іваноў`/`Ivanov`,
 *    `Уладзімір`/`Vladimir`);
 * 6. doubled letters made by the rules are one (`Andreyev`/`Andreev`).
 */
function applyRules(sounds: string): string {
  return sounds
    .replace(/([a-z])\1+/g, '$1')
    .replace(/[ijy']+([aeou]?)/g, (run: string, vowel: string) => {
      if (vowel === 'u') return 'u';
      if (vowel !== '') return 'e';
      return /[ijy]/.test(run) ? 'i' : '';
    })
    .replace(/o/g, 'a')
    .replace(/c(?=[ie])/g, 't')
    .replace(/v(?![aeiu])/g, 'u')
    .replace(/([a-z])\1+/g, '$1');
}

function keyOf(prepared: string, spelling: Spelling): string {
  const sounds = romanise(prepared, spelling).replace(
    /shch|dzh|sh|ch|zh|kh|gh|ts|dz|g/g,
    (m) => SOUNDS[m] ?? m,
  );
  return applyRules(sounds);
}

/**
 * The phonetic keys of the words of `text`, separated by single spaces (`[a-z0-9 ]` only). Words
 * with no Latin, Cyrillic or digit content have no key.
 */
export function searchKey(text: string): string {
  return splitWords(text)
    .map((word) => {
      const prepared = prepare(word);
      return keyOf(prepared, spellingOf(prepared));
    })
    .filter((key) => key !== '')
    .join(' ');
}

/**
 * Continuations that can change the key of what is typed so far: a vowel after a glide, `v`, `ц`
 * or `c`; the rest of a digraph (`kh`, `ts`, `dz`, `cz`, `sch`, `tch`); and `si`, where a `ts`
 * merges with a `ц` typed before it and the vowel then turns both into `т` (`цт` + `се`).
 */
const PROBES = ['a', 'u', 'i', 'h', 's', 'z', 'ch', 'si'];

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/**
 * The key of a word being typed, cut to the part that letters typed next cannot change, so that a
 * prefix query on it finds the full word: `Bely` gives `bel`, a prefix of `Pelyatsky`'s `pelecki`,
 * where the key of `Bely` itself, `beli`, is not. The spelling is read from `word` alone.
 */
export function searchKeyPrefix(word: string): string {
  const prepared = prepare(word);
  const spelling = spellingOf(prepared);
  return PROBES.reduce(
    (prefix, probe) => commonPrefix(prefix, keyOf(prepared + probe, spelling)),
    keyOf(prepared, spelling),
  );
}
