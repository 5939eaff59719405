import { describe, expect, it } from 'vitest';
import { useTranslators } from '../helpers/translators';
import { formatPartialDate } from '../../renderer/src/dates';
import {
  formatList,
  formatMoment,
  formatNumber,
  formatPercent,
  writtenLanguage,
} from '../../renderer/src/format';

// Dates, numbers and lists as the interface shows them, per interface language. Node has full
// ICU, so where Intl has the answer it is the oracle; in Chromium it has none for Belarusian.
const NBSP = '\u00a0';
const translators = useTranslators();

describe('numbers in the interface language', () => {
  it('groups thousands with a comma in English and a no-break space in Belarusian and Russian', () => {
    expect(formatNumber('en', 1234567)).toBe('1,234,567');
    expect(formatNumber('be', 1234567)).toBe(`1${NBSP}234${NBSP}567`);
    expect(formatNumber('ru', 1234567)).toBe(`1${NBSP}234${NBSP}567`);
    // Belarusian leaves four digits whole, as CLDR's minimum grouping says; Russian does not.
    expect(formatNumber('be', 1000)).toBe('1000');
    expect(formatNumber('ru', 1000)).toBe(`1${NBSP}000`);
  });

  it('writes what Node’s full ICU writes for every count it is checked against', () => {
    for (const [tag, locale] of [
      ['en', 'en-GB'],
      ['be', 'be'],
      ['ru', 'ru'],
    ] as const) {
      const icu = new Intl.NumberFormat(locale);
      for (const n of [0, 7, 999, 1000, 12345, 100000, 2000000])
        expect(formatNumber(tag, n), `${tag} ${n}`).toBe(icu.format(n));
    }
  });

  it('writes percentages with a decimal comma and a spaced sign in Belarusian and Russian', () => {
    expect(formatPercent('en', 0.123)).toBe('12.3%');
    expect(formatPercent('be', 0.123)).toBe(`12,3${NBSP}%`);
    expect(formatPercent('ru', 0.5)).toBe(`50${NBSP}%`);
  });

  it('reads regional tags as their language and writes any other language as English', () => {
    expect(writtenLanguage('be-BY')).toBe('be');
    expect(writtenLanguage('RU')).toBe('ru');
    expect(writtenLanguage('de')).toBe('en');
    expect(formatNumber('be-BY', 12345)).toBe(`12${NBSP}345`);
    expect(formatNumber('de-DE', 12345)).toBe('12,345');
  });
});

describe('dates in the interface language', () => {
  it('writes a day with the month in the genitive in Belarusian', () => {
    const t = translators.be;
    expect(formatPartialDate(t, '2024-05-06')).toBe('6 траўня 2024');
    expect(formatPartialDate(t, '2021-08-15')).toBe('15 жніўня 2021');
    expect(formatPartialDate(t, '2023-12-01')).toBe('1 снежня 2023');
  });

  it('writes a month alone in the nominative in Belarusian, and a year as itself', () => {
    const t = translators.be;
    expect(formatPartialDate(t, '2024-05')).toBe('травень 2024');
    expect(formatPartialDate(t, '2022-02')).toBe('люты 2022');
    expect(formatPartialDate(t, '2024')).toBe('2024');
  });

  it('writes a day with the month in the genitive in Russian, and a month alone in the nominative', () => {
    const t = translators.ru;
    expect(formatPartialDate(t, '2024-05-06')).toBe('6 мая 2024');
    expect(formatPartialDate(t, '2021-08-15')).toBe('15 августа 2021');
    expect(formatPartialDate(t, '2024-05')).toBe('май 2024');
    expect(formatPartialDate(t, '2024')).toBe('2024');
  });

  it('puts a month alone in the genitive after a preposition, in Belarusian and Russian', () => {
    expect(
      translators.be('summary.custodySince', {
        date: formatPartialDate(translators.be, '2021-08', true),
      }),
    ).toBe('Пад вартай з жніўня 2021');
    expect(
      translators.ru('dates.until', { end: formatPartialDate(translators.ru, '2021-08', true) }),
    ).toBe('до августа 2021');
    expect(formatPartialDate(translators.be, '2021-08-15', true)).toBe('15 жніўня 2021');
    expect(formatPartialDate(translators.ru, '2021', true)).toBe('2021');
    expect(formatPartialDate(translators.en, '2021-08', true)).toBe('Aug 2021');
  });

  it('keeps the English short forms', () => {
    const t = translators.en;
    expect(formatPartialDate(t, '2024-05-06')).toBe('6 May 2024');
    expect(formatPartialDate(t, '2024-08')).toBe('Aug 2024');
  });

  it('writes a recorded moment in the reader’s time zone, 24-hour', () => {
    const iso = new Date(2024, 4, 6, 14, 5).toISOString();
    expect(formatMoment(translators.be, iso)).toBe('6 траўня 2024, 14:05');
    expect(formatMoment(translators.en, iso)).toBe('6 May 2024, 14:05');
    expect(formatMoment(translators.ru, iso)).toBe('6 мая 2024, 14:05');
  });
});

describe('words that depend on the language', () => {
  it('joins a list with the language’s “and”', () => {
    expect(formatList(translators.en, ['a record was added', 'the person was deleted'])).toBe(
      'a record was added and the person was deleted',
    );
    expect(formatList(translators.be, ['адзін', 'два', 'тры'])).toBe('адзін, два і тры');
    expect(formatList(translators.be, ['адзін'])).toBe('адзін');
    expect(formatList(translators.ru, ['один', 'два'])).toBe('один и два');
  });

  it('picks the Belarusian plural form a count needs', () => {
    const t = translators.be;
    expect(t('people.count', { count: 1 })).toBe('1 асоба');
    expect(t('people.count', { count: 3 })).toBe('3 асобы');
    expect(t('people.count', { count: 5 })).toBe('5 асоб');
    expect(t('people.count', { count: 21 })).toBe('21 асоба');
    expect(t('people.count', { count: 12 })).toBe('12 асоб');
  });
});
