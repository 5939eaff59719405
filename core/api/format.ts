import type { ReportLanguage } from './reports';

/**
 * Counts, numbers and percentages as each language Vigil writes (en, be, ru) writes them, for
 * the interface and the reports alike, without `Intl`: Chromium's ICU (Electron's too) has no
 * Belarusian, so `Intl.NumberFormat('be')` there answers as en-US would ("12,345.5"), and
 * `Intl.PluralRules` cannot be trusted for it either. The output is what Node's full ICU gives
 * for `en-GB`, `be` and `ru`, which the tests check against.
 */

export type PluralCategory = 'one' | 'few' | 'many' | 'other';

/**
 * The plural category of a count, from the CLDR rules of each language. Only counts are asked
 * for, so only whole numbers matter; anything else is `other`, as CLDR says for fractions.
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

const NBSP = '\u00a0';
const GROUP: Record<ReportLanguage, string> = { en: ',', be: NBSP, ru: NBSP };
const DECIMAL: Record<ReportLanguage, string> = { en: '.', be: ',', ru: ',' };

/** 1234567 → "1,234,567" (en) or "1 234 567" (be, ru); fractions to at most `digits` places. */
export function formatNumber(language: ReportLanguage, value: number, digits = 0): string {
  const fixed = Math.abs(value).toFixed(digits);
  const [whole = '0', fraction = ''] = fixed.split('.');
  // CLDR's minimum grouping digits is 2 for Belarusian: "1000", but "12 345".
  const groups = language !== 'be' || whole.length > 4;
  const grouped = groups ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP[language]) : whole;
  const trimmed = fraction.replace(/0+$/, '');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${grouped}${trimmed ? DECIMAL[language] + trimmed : ''}`;
}

/** 0.123 → "12.3%" (en) or "12,3 %" (be, ru). */
export function formatPercent(language: ReportLanguage, ratio: number): string {
  const number = formatNumber(language, ratio * 100, 1);
  return language === 'en' ? `${number}%` : `${number}${NBSP}%`;
}
