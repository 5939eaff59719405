import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, splitWords } from '../../core/search/normalize';

/** Letters researchers meet in names: both Cyrillic alphabets, Łacinka, Polish, Czech, apostrophes. */
const NAME_LETTERS = [
  ...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяіўєїґ',
  ...'abcdefghijklmnopqrstuvwxyzčšžżłŭćśźńěř',
  "'",
  '’',
  'ʼ',
  '-',
  ' ',
];
const nameLike = fc
  .array(fc.constantFrom(...NAME_LETTERS, ...NAME_LETTERS.map((c) => c.toUpperCase())), {
    maxLength: 24,
  })
  .map((letters) => letters.join(''));
/** Any code points, and lone surrogates too, as a paste from anywhere may hold. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
);

describe('foldText', () => {
  it.each([
    ['Ёжик', 'ежик'],
    ['Дратасевіч', 'дратасевич'],
    ['Ціхамоўская', 'цихамоуская'],
    ['Їжак Євген Ґалаган', 'ижак евген галаган'],
    ["Аб'ём", 'абем'],
    ['Аб’ём', 'абем'],
    ['Объём', 'обем'],
    ['Андрей Йосиф', 'андрей йосиф'],
    ['Łupašenka', 'lupasenka'],
    ['Cichamoŭskaja', 'cichamouskaja'],
    ['Ćwikła Żaneta Źródło Ńaa', 'cwikla zaneta zrodlo naa'],
    ['Straße Søren Œuvre', 'strasse soren oeuvre'],
    ['ＤＲＡＴＡＳＥＶＩＣＨ', 'dratasevich'],
    ['е\u0308жик', 'ежик'],
    ['Ціхамоўская-Дратасевіч, 1990', 'цихамоуская-дратасевич, 1990'],
  ])('folds %s to %s', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });

  it('keeps й apart from и, whether composed or not', () => {
    expect(foldText('Андрей')).not.toBe(foldText('Андреи'));
    expect(foldText('Андре\u0438\u0306')).toBe('андрей');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(nameLike, anyText), (s) => foldText(foldText(s)) === foldText(s)),
    );
  });

  it('ignores case in names', () => {
    fc.assert(
      fc.property(nameLike, (s) => foldText(s.toUpperCase()) === foldText(s.toLowerCase())),
    );
  });

  it('leaves no combining mark but the breve of й, and no apostrophe', () => {
    fc.assert(
      fc.property(fc.oneof(nameLike, anyText), (s) => {
        const decomposed = foldText(s)
          .normalize('NFD')
          .replace(/и\u0306/g, '');
        return !/[\p{M}'’ʼ]/u.test(decomposed);
      }),
    );
  });
});

describe('splitWords', () => {
  it('splits on anything but letters, marks and digits, keeping apostrophised words whole', () => {
    expect(splitWords("Аб'ём, Ціхамоўская-Дратасевіч (1990) «Ёжик» е\u0308ж")).toEqual([
      'Абём',
      'Ціхамоўская',
      'Дратасевіч',
      '1990',
      'Ёжик',
      'ёж',
    ]);
    expect(splitWords('  *"()- ')).toEqual([]);
  });

  it('never throws and returns non-empty words of letters, marks and digits', () => {
    fc.assert(
      fc.property(anyText, (s) => splitWords(s).every((w) => /^[\p{L}\p{M}\p{N}]+$/u.test(w))),
    );
  });
});
