import { PartialDate } from '../api/schemas';

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
