import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReportLanguage } from '../../core/api/reports';
import { comparer, sortByText } from '../../core/search/collation';

// Node's ICU is full (Chromium's lacks Belarusian), so its collators are the independent check.
const icu = (language: ReportLanguage) => new Intl.Collator(language).compare;

const BELARUSIAN = 'абвгдеёжзійклмнопрстуўфхцчшыьэюя';
const RUSSIAN = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
const UKRAINIAN = 'ґєї';
const LATIN = 'abcdefghijklmnopqrstuvwxyz';
/** Letters of Belarusian Łacinka, passports and neighbouring languages. */
const LATIN_ACCENTED = 'čćšśžźłńŭáéóüñ';
const JOINERS = [' ', '-', '’', "'", '.', ',', '‘', '“', '”', '"', '«', '»', '–', '(', ')'];

const letter = (alphabet: string) =>
  fc
    .tuple(fc.constantFrom(...alphabet), fc.boolean())
    .map(([ch, upper]) => (upper ? ch.toUpperCase() : ch));

const word = (alphabet: string) =>
  fc.array(letter(alphabet), { minLength: 1, maxLength: 5 }).map((l) => l.join(''));

/** A name: one to three words of one alphabet (or a mix), joined by spaces, hyphens, quotes. */
const name = fc
  .constantFrom(
    BELARUSIAN,
    RUSSIAN,
    RUSSIAN + UKRAINIAN,
    LATIN,
    LATIN + LATIN_ACCENTED,
    BELARUSIAN + LATIN,
  )
  .chain((alphabet) =>
    fc
      .tuple(
        word(alphabet),
        fc.array(fc.tuple(fc.constantFrom(...JOINERS), word(alphabet)), { maxLength: 2 }),
        fc.option(fc.constantFrom(' 1', ' 17', ' № 2', ' 10'), { nil: '' }),
      )
      .map(([first, rest, number]) => first + rest.map(([j, w]) => j + w).join('') + number),
  );

describe('alphabetical order of report languages', () => {
  for (const language of ReportLanguage.options) {
    it(`sorts generated names as Node’s ICU does in ${language}`, () => {
      fc.assert(
        fc.property(fc.uniqueArray(name, { minLength: 2, maxLength: 200 }), (names) => {
          expect(sortByText(language, names, (n) => n)).toEqual([...names].sort(icu(language)));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('puts ё after е and ў after у in Belarusian, and і where и would be', () => {
    const be = ['Ёлка', 'ель', 'Еўка', 'ўзор', 'узор', 'фота', 'ізюм', 'ймавер', 'жыта', 'Іна'];
    const sorted = sortByText('be', be, (n) => n);
    expect(sorted).toEqual([
      'ель',
      'Еўка',
      'Ёлка',
      'жыта',
      'ізюм',
      'Іна',
      'ймавер',
      'узор',
      'ўзор',
      'фота',
    ]);
    expect(sorted).toEqual([...be].sort(icu('be')));
  });

  it('files Russian ё with е: е before ё only when all else is equal', () => {
    const ru = ['ель', 'Ёлка', 'ёлка', 'Елка', 'елка', 'ежевика'];
    const sorted = sortByText('ru', ru, (n) => n);
    expect(sorted).toEqual(['ежевика', 'елка', 'Елка', 'ёлка', 'Ёлка', 'ель']);
    expect(sorted).toEqual([...ru].sort(icu('ru')));
  });

  it('puts Cyrillic before Latin in be and ru, and Latin first in en', () => {
    const mixed = ['Zaleski', 'Абрамчык', 'Łabanovič', 'Яраш', 'Adamovič'];
    expect(sortByText('be', mixed, (n) => n)).toEqual([
      'Абрамчык',
      'Яраш',
      'Adamovič',
      'Łabanovič',
      'Zaleski',
    ]);
    expect(sortByText('ru', mixed, (n) => n)).toEqual(sortByText('be', mixed, (n) => n));
    expect(sortByText('en', mixed, (n) => n)).toEqual([
      'Adamovič',
      'Łabanovič',
      'Zaleski',
      'Абрамчык',
      'Яраш',
    ]);
  });

  it('orders facility labels with numbers and № as ICU does', () => {
    const labels = ['Калонія № 2', 'Калонія № 17', 'Калонія №1', 'СІЗА-1', 'СІЗА 1', 'Калонія'];
    for (const language of ReportLanguage.options)
      expect(sortByText(language, labels, (n) => n)).toEqual([...labels].sort(icu(language)));
  });

  it('compares equal texts as equal and keeps their order', () => {
    expect(comparer('be')('Мінск', 'Мінск')).toBe(0);
    const people = [
      { id: 'b', name: 'Ала' },
      { id: 'a', name: 'Ала' },
    ];
    expect(sortByText('be', people, (p) => p.name).map((p) => p.id)).toEqual(['b', 'a']);
  });
});
