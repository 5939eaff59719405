import { PartialDate } from '../api/schemas';

/**
 * The calendar date of a day count since 1970-01-01, as YYYY-MM-DD (Howard Hinnant's
 * days-to-civil algorithm). Pure arithmetic: no Date object, so no time zone is involved.
 */
export function civilFromDays(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function pad(n: number | string): string {
  return String(n).padStart(2, '0');
}

/** The written forms a date cell may take, each turned into the stored form. */
const FORMS: [RegExp, (m: RegExpExecArray) => string][] = [
  // 2021, 2021-08, 2021-08-15 (also 2021-8-5): the stored forms.
  [/^(\d{4})$/, (m) => m[1]!],
  [/^(\d{4})-(\d{1,2})$/, (m) => `${m[1]}-${pad(m[2]!)}`],
  [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, (m) => `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`],
  // A date and time, as some tools write dates: the date as written, the time dropped.
  [/^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}/, (m) => `${m[1]}-${m[2]}-${m[3]}`],
  // 15.08.2021 and 08.2021, as dates are written in Belarus and Russia.
  [/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, (m) => `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`],
  [/^(\d{1,2})\.(\d{4})$/, (m) => `${m[2]}-${pad(m[1]!)}`],
];

/**
 * A cell as a partial date: null when blank, undefined when it is no date Vigil accepts.
 * Slashed dates (08/05/2021) are refused: day-month and month-day orders cannot be told apart.
 */
export function parseDateCell(cell: string): string | null | undefined {
  const text = cell.trim();
  if (text === '') return null;
  for (const [pattern, build] of FORMS) {
    const match = pattern.exec(text);
    if (match) {
      const date = build(match);
      return PartialDate.safeParse(date).success ? date : undefined;
    }
  }
  return undefined;
}
