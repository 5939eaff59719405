import type { ReportLanguage } from '../api/reports';
import { strings } from './strings';

/**
 * Dates as each report language writes them, with the month names of the report strings;
 * numbers and percentages are core/api/format.ts's, shared with the interface.
 */

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
