import { describe, expect, it } from 'vitest';
import { ReportLanguage } from '../../core/api/reports';
import { formatNumber, formatPercent, pluralCategory } from '../../core/api/format';
import { formatDate } from '../../core/reports/format';
import { REPORT_STRINGS, translator } from '../../core/reports/strings';

// Node's ICU has Belarusian (Chromium's has not), so it checks our own rules independently.
const LOCALE = { en: 'en-GB', be: 'be', ru: 'ru' } as const;
const LANGUAGES = ReportLanguage.options;
const SUFFIX = /_(one|few|many|other)$/;

describe('report strings in English, Belarusian and Russian', () => {
  it('picks the plural category CLDR gives, for every count up to 2,000', () => {
    for (const language of LANGUAGES) {
      const rules = new Intl.PluralRules(LOCALE[language]);
      for (let n = 0; n <= 2000; n++)
        expect(pluralCategory(language, n), `${language} ${n}`).toBe(rules.select(n));
    }
  });

  it('has every key of English in every language, with each plural form the language uses', () => {
    for (const [part, byLanguage] of Object.entries(REPORT_STRINGS)) {
      const english = Object.keys(byLanguage.en);
      const bases = new Set(english.map((k) => k.replace(SUFFIX, '')));
      const plurals = new Set(
        english.filter((k) => SUFFIX.test(k)).map((k) => k.replace(SUFFIX, '')),
      );
      for (const language of LANGUAGES) {
        const keys = Object.keys(byLanguage[language]);
        const forms = new Intl.PluralRules(LOCALE[language]).resolvedOptions().pluralCategories;
        for (const base of bases) {
          if (plurals.has(base)) {
            for (const form of forms)
              expect(keys, `${part}.${base}_${form} (${language})`).toContain(`${base}_${form}`);
          } else expect(keys, `${part}.${base} (${language})`).toContain(base);
        }
        for (const key of keys)
          expect(bases, `${part}.${key} (${language}) unknown`).toContain(key.replace(SUFFIX, ''));
      }
    }
  });

  it('writes the count in the plural form: 1 асоба, 2 асобы, 5 асоб', () => {
    const t = translator('common', 'be');
    expect([1, 2, 5, 11, 21, 22].map((count) => t('persons', { count }))).toEqual([
      '1 асоба',
      '2 асобы',
      '5 асоб',
      '11 асоб',
      '21 асоба',
      '22 асобы',
    ]);
    expect(translator('common', 'ru')('persons', { count: 3 })).toBe('3 человека');
  });

  it('writes dates as Node’s full ICU does, for every month, day and month-only', () => {
    for (const language of LANGUAGES) {
      for (let month = 1; month <= 12; month++) {
        const mm = String(month).padStart(2, '0');
        const date = new Date(Date.UTC(2024, month - 1, 6));
        const day = new Intl.DateTimeFormat(LOCALE[language], {
          day: 'numeric',
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        });
        const monthOnly = new Intl.DateTimeFormat(LOCALE[language], {
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        });
        expect(formatDate(language, `2024-${mm}-06`)).toBe(day.format(date));
        expect(formatDate(language, `2024-${mm}`)).toBe(monthOnly.format(date));
      }
      expect(formatDate(language, '2024')).toBe('2024');
    }
  });

  it('writes numbers and percentages as Node’s full ICU does', () => {
    for (const language of LANGUAGES) {
      const number = new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: 1 });
      const percent = new Intl.NumberFormat(LOCALE[language], {
        style: 'percent',
        maximumFractionDigits: 1,
      });
      for (const n of [0, 7, 254, 1000, 1234567, 12.5, 99999.9])
        expect(formatNumber(language, n, 1)).toBe(number.format(n));
      for (const r of [0, 0.123, 0.5, 1])
        expect(formatPercent(language, r)).toBe(percent.format(r));
    }
  });
});
