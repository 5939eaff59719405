import type { ReportLanguage } from '../api/reports';

export type PluralCategory = 'one' | 'few' | 'many' | 'other';

/**
 * The plural category of a count, from the CLDR rules of each report language, written out
 * because Chromium's ICU (Electron's too) has no Belarusian: `Intl.PluralRules('be')` there
 * answers as English would. Only counts are asked for, so only whole numbers matter; anything
 * else is `other`, as CLDR says for fractions.
 */
export function pluralCategory(language: ReportLanguage, n: number): PluralCategory {
  if (!Number.isInteger(n) || n < 0) return 'other';
  if (language === 'en') return n === 1 ? 'one' : 'other';
  const last = n % 10;
  const lastTwo = n % 100;
  if (last === 1 && lastTwo !== 11) return 'one';
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return 'few';
  return 'many';
}
