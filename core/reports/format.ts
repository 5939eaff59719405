import type { ReportLanguage } from '../api/reports';
import { strings } from './strings';

/**
 * Numbers and dates as each report language writes them, without `Intl` (see plural.ts): the
 * same output as Node's full ICU gives for `en-GB`, `be` and `ru`, which the tests check against.
 */

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

/**
 * A stored partial date (`2024`, `2024-05`, `2024-05-06`) as the language writes it:
 * "6 May 2024" / "6 мая 2024 г.", "May 2024" / "май 2024 г.", "2024".
 */
export function formatDate(language: ReportLanguage, date: string): string {
  const [year = '', month, day] = date.split('-');
  const names = strings(language).months;
  if (month === undefined) return year;
  const m = Number(month) - 1;
  if (day === undefined)
    return names.monthYear
      .replace('{{month}}', names.nominative[m] ?? month)
      .replace('{{year}}', year);
  return names.dayMonthYear
    .replace('{{day}}', String(Number(day)))
    .replace('{{month}}', names.genitive[m] ?? month)
    .replace('{{year}}', year);
}
