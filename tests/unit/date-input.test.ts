import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDateInput, type DateReading } from '../../core/api/dateInput';
import { daysInMonth } from '../../core/api/dates';
import { MAX_DATE_YEAR, MIN_DATE_YEAR, PartialDate } from '../../core/api/schemas';

const read = (text: string, language = 'be', needDay = false): DateReading =>
  readDateInput(text, { language, needDay });

/** The stored value of a certain reading, or what else the reading was. */
function value(text: string, language = 'be'): string {
  const reading = read(text, language);
  switch (reading.kind) {
    case 'certain':
      return reading.value;
    case 'ambiguous':
      return `ambiguous:${reading.choices.map((c) => c.value).join('|')}`;
    case 'refused':
      return `refused:${reading.problem}`;
    case 'empty':
      return 'empty';
  }
}

describe('numeric dates', () => {
  it('reads ISO dates, months and years as themselves', () => {
    expect(value('2024-05-06')).toBe('2024-05-06');
    expect(value('2024-05')).toBe('2024-05');
    expect(value('2024')).toBe('2024');
    expect(value(' 2024-5-6 ')).toBe('2024-05-06');
    expect(value('2024.05.06')).toBe('2024-05-06');
    expect(value('20240506')).toBe('2024-05-06');
  });

  it('reads numbers day first, whatever the separator, in Belarusian and Russian', () => {
    for (const language of ['be', 'ru']) {
      expect(value('06.05.2024', language)).toBe('2024-05-06');
      expect(value('6.5.2024', language)).toBe('2024-05-06');
      expect(value('6/5/2024', language)).toBe('2024-05-06');
      expect(value('6-5-2024', language)).toBe('2024-05-06');
      expect(value('6 5 2024', language)).toBe('2024-05-06');
      expect(value('06052024', language)).toBe('2024-05-06');
      expect(value('05.2024', language)).toBe('2024-05');
      expect(value('5/2024', language)).toBe('2024-05');
      expect(value('052024', language)).toBe('2024-05');
    }
  });

  it('says how it read the input, part by part', () => {
    expect(read('6.5.2024')).toEqual({
      kind: 'certain',
      value: '2024-05-06',
      parts: { year: 2024, month: 5, day: 6 },
    });
    expect(read('05.2024')).toMatchObject({ parts: { year: 2024, month: 5 } });
  });

  it('asks back in English when both numbers could be the month, and never guesses', () => {
    const reading = read('05/06/2024', 'en');
    expect(reading).toEqual({
      kind: 'ambiguous',
      choices: [
        { value: '2024-06-05', parts: { year: 2024, month: 6, day: 5 } },
        { value: '2024-05-06', parts: { year: 2024, month: 5, day: 6 } },
      ],
    });
    // Either order gives the same day: nothing to ask.
    expect(value('05/05/2024', 'en')).toBe('2024-05-05');
    // A day over 12 leaves one reading, day first.
    expect(value('25/05/2024', 'en')).toBe('2024-05-25');
    // Month first with a day over 12 is refused by the rule, not swapped silently.
    expect(value('05/25/2024', 'en')).toBe('refused:month');
    expect(value('05-06-2024', 'en')).toMatch(/^ambiguous:/);
    expect(value('05 06 2024', 'en')).toMatch(/^ambiguous:/);
    // ISO, dots and eight digits are never asked back: the first is ISO, the others day first.
    expect(value('2024-06-05', 'en')).toBe('2024-06-05');
    expect(value('05.06.2024', 'en')).toBe('2024-06-05');
    expect(value('05062024', 'en')).toBe('2024-06-05');
  });

  it('does not ask back in Belarusian or Russian: day first is the rule', () => {
    expect(value('05/06/2024', 'be')).toBe('2024-06-05');
    expect(value('05/06/2024', 'ru')).toBe('2024-06-05');
  });

  it('refuses impossible dates, two-digit years and junk with a reason', () => {
    expect(read('31.02.2024')).toEqual({
      kind: 'refused',
      problem: 'day',
      parts: { year: 2024, month: 2, day: 31 },
    });
    expect(value('29.02.2023')).toBe('refused:day');
    expect(value('29.02.2024')).toBe('2024-02-29');
    expect(value('01.13.2024')).toBe('refused:month');
    expect(value('2024-13')).toBe('refused:month');
    expect(value('00.05.2024')).toBe('refused:day');
    expect(value('6.5.24')).toBe('refused:twoDigitYear');
    expect(value('6 May 24')).toBe('refused:twoDigitYear');
    expect(value('6.5')).toBe('refused:noYear');
    expect(value('6 мая')).toBe('refused:noYear');
    expect(value('1700')).toBe('refused:year');
    expect(value('2024-05-06T10:00')).toBe('refused:unreadable');
    expect(value('yesterday')).toBe('refused:unreadable');
    expect(value('2024 2025')).toBe('refused:unreadable');
    expect(value('12345')).toBe('refused:unreadable');
    expect(value('6 May June 2024')).toBe('refused:unreadable');
    expect(value('')).toBe('empty');
    expect(value('   ')).toBe('empty');
  });

  it('wants a day when told to', () => {
    expect(read('05.2024', 'be', true)).toMatchObject({ kind: 'refused', problem: 'needDay' });
    expect(read('6.5.2024', 'be', true)).toMatchObject({ kind: 'certain', value: '2024-05-06' });
  });
});

describe('month names', () => {
  it('reads English names, full and abbreviated, in any order and case', () => {
    expect(value('6 May 2024', 'en')).toBe('2024-05-06');
    expect(value('May 6, 2024', 'en')).toBe('2024-05-06');
    expect(value('6th of May 2024', 'en')).toBe('2024-05-06');
    expect(value('15 SEPT 2021', 'en')).toBe('2021-09-15');
    expect(value('15 Aug 2021', 'en')).toBe('2021-08-15');
    expect(value('august 2021', 'en')).toBe('2021-08');
    expect(value('2021 Dec', 'en')).toBe('2021-12');
  });

  it('reads Russian names in the nominative and genitive, with or without "г."', () => {
    expect(value('6 мая 2024', 'ru')).toBe('2024-05-06');
    expect(value('6 мая 2024 г.', 'ru')).toBe('2024-05-06');
    expect(value('6 мая 2024 года', 'ru')).toBe('2024-05-06');
    expect(value('май 2024', 'ru')).toBe('2024-05');
    expect(value('Март 2024', 'ru')).toBe('2024-03');
    expect(value('1 февр. 2024', 'ru')).toBe('2024-02-01');
    expect(value('31 ДЕКАБРЯ 2024', 'ru')).toBe('2024-12-31');
    expect(value('1 сент 2021', 'ru')).toBe('2021-09-01');
    expect(value('3 июня 2020', 'ru')).toBe('2020-06-03');
    expect(value('3 июля 2020', 'ru')).toBe('2020-07-03');
  });

  it('reads Belarusian names in the nominative and genitive, abbreviated too', () => {
    expect(value('6 траўня 2024', 'be')).toBe('2024-05-06');
    expect(value('траўень 2024', 'be')).toBe('2024-05');
    expect(value('травень 2024', 'be')).toBe('2024-05');
    expect(value('1 студзеня 2020', 'be')).toBe('2020-01-01');
    expect(value('14 лютага 2020 г.', 'be')).toBe('2020-02-14');
    expect(value('2 ліпеня 2020', 'be')).toBe('2020-07-02');
    expect(value('2 лiпеня 2020', 'be')).toBe('2020-07-02');
    expect(value('9 ліст. 2020', 'be')).toBe('2020-11-09');
    expect(value('9 жн. 2020', 'be')).toBe('2020-08-09');
    expect(value('снежань 2020', 'be')).toBe('2020-12');
  });

  it('refuses a name that could be two months, and a day the month does not have', () => {
    expect(value('6 ma 2024', 'en')).toBe('refused:unreadable');
    expect(value('6 ию 2024', 'ru')).toBe('refused:unreadable');
    expect(value('31 June 2024', 'en')).toBe('refused:day');
    expect(value('30 февраля 2024', 'ru')).toBe('refused:day');
  });

  it('reads back the names the interface shows', () => {
    const monthNames = [
      'Sty',
      'Lut',
      'Sak',
      'Kra',
      'Tra',
      'Che',
      'Lip',
      'Zhn',
      'Ver',
      'Kas',
      'Lis',
      'Sne',
    ].map((name) => [name, `${name}ya`]);
    expect(readDateInput('6 Traya 2024', { language: 'be', monthNames })).toMatchObject({
      kind: 'certain',
      value: '2024-05-06',
    });
  });
});

/** Every partial date a record may hold, as stored. */
const storedDate = fc
  .record({
    year: fc.integer({ min: MIN_DATE_YEAR, max: MAX_DATE_YEAR }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    precision: fc.constantFrom('year', 'month', 'day'),
  })
  .map(({ year, month, day, precision }) => {
    const y = String(year);
    const m = String(month).padStart(2, '0');
    const d = String(Math.min(day, daysInMonth(year, month))).padStart(2, '0');
    return precision === 'year' ? y : precision === 'month' ? `${y}-${m}` : `${y}-${m}-${d}`;
  });

/** A stored date written day first, as a Belarusian or Russian user would. */
function dayFirst(stored: string, separator: string, zeros: boolean): string {
  const parts = stored.split('-').reverse();
  return parts
    .map((part) => (zeros || part.length === 4 ? part : String(Number(part))))
    .join(separator);
}

describe('properties', () => {
  it('every stored date, written day first and read again, gives back itself', () => {
    fc.assert(
      fc.property(
        storedDate,
        fc.constantFrom('.', '/', '-', ' ', '. '),
        fc.boolean(),
        fc.constantFrom('en', 'be', 'ru'),
        (stored, separator, zeros, language) => {
          const reading = read(dayFirst(stored, separator, zeros), language);
          if (reading.kind === 'ambiguous') {
            // English asks back unless dotted; the day-first reading is listed first.
            expect(language).toBe('en');
            expect(separator).not.toContain('.');
            expect(reading.choices[0].value).toBe(stored);
          } else {
            expect(reading).toMatchObject({ kind: 'certain', value: stored });
          }
        },
      ),
    );
  });

  it('every stored date written as digits only, day first, reads as itself', () => {
    fc.assert(
      fc.property(storedDate, fc.constantFrom('en', 'be', 'ru'), (stored, language) => {
        expect(read(dayFirst(stored, '', true), language)).toMatchObject({ value: stored });
      }),
    );
  });

  it('ISO always reads as itself, in every language', () => {
    fc.assert(
      fc.property(storedDate, fc.constantFrom('en', 'be', 'ru'), (stored, language) => {
        expect(read(stored, language)).toMatchObject({ kind: 'certain', value: stored });
      }),
    );
  });

  it('whatever is typed, a certain reading is a date the contract accepts', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9./\- ]{0,12}$/),
        fc.constantFrom('en', 'be', 'ru'),
        (text, language) => {
          const reading = read(text, language);
          if (reading.kind === 'certain')
            expect(PartialDate.safeParse(reading.value).success).toBe(true);
          if (reading.kind === 'ambiguous') {
            for (const choice of reading.choices) {
              expect(PartialDate.safeParse(choice.value).success).toBe(true);
            }
          }
        },
      ),
    );
  });
});
