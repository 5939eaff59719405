/**
 * Calendar arithmetic for figures, on whole days counted from 1970-01-01 (proleptic Gregorian,
 * no time of day, no time zone): a `Date` in local time would move a release on 31 December
 * into the next year for a user east or west of UTC. Partial dates of the data model are
 * intervals of days: `2022` is [2022-01-01, 2022-12-31], `2022-05` is May 2022.
 */
export type Day = number;

/** Sentinels for "since always" and "for ever", inside the small-integer range V8 packs. */
export const MIN_DAY: Day = -100_000_000;
export const MAX_DAY: Day = 100_000_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** Days from 1970-01-01 to year-month-day (H. Hinnant's `days_from_civil`). */
export function dayFromCivil(year: number, month: number, dayOfMonth: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + dayOfMonth - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The inverse of `dayFromCivil`: [year, month, day of month]. */
export function civilFromDay(value: Day): [number, number, number] {
  const z = value + 719_468;
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
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfMonth];
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function isoFromDay(value: Day): string {
  const [y, m, d] = civilFromDay(value);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/** The first and last day a partial date may mean; written by `parseInterval`. */
export interface DayInterval {
  lo: Day;
  hi: Day;
}

/**
 * Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into `out` and returns true, or returns false for
 * anything else (no date, or text that is not a date: such a record cannot be placed). Writes
 * into a caller's object because the figure engine reads a million dates in a row.
 */
export function parseInterval(text: string | null | undefined, out: DayInterval): boolean {
  if (typeof text !== 'string') return false;
  const length = text.length;
  if (length !== 4 && length !== 7 && length !== 10) return false;
  const year = digits(text, 0, 4);
  if (year < 0) return false;
  if (length === 4) {
    out.lo = dayFromCivil(year, 1, 1);
    out.hi = dayFromCivil(year, 12, 31);
    return true;
  }
  const month = text.charCodeAt(4) === 45 ? digits(text, 5, 2) : -1;
  if (month < 1 || month > 12) return false;
  if (length === 7) {
    out.lo = dayFromCivil(year, month, 1);
    out.hi = out.lo + daysInMonth(year, month) - 1;
    return true;
  }
  const dayOfMonth = text.charCodeAt(7) === 45 ? digits(text, 8, 2) : -1;
  if (dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month)) return false;
  out.lo = out.hi = dayFromCivil(year, month, dayOfMonth);
  return true;
}

/** The interval of a partial date, or null when it cannot be placed. */
export function intervalOf(text: string | null | undefined): DayInterval | null {
  const out = { lo: 0, hi: 0 };
  return parseInterval(text, out) ? out : null;
}

/**
 * The day a person born on year-month-day reaches `years` full years: the same day of the month
 * `years` later; for a 29 February birth in a year without one, 1 March (the person has
 * completed the years only once 28 February is over).
 */
export function birthdayDay(year: number, month: number, dayOfMonth: number, years: number): Day {
  const y = year + years;
  if (month === 2 && dayOfMonth === 29 && !isLeapYear(y)) return dayFromCivil(y, 3, 1);
  return dayFromCivil(y, month, dayOfMonth);
}

/** Full years of age on `on` of a person born on `birth` (both exact days). */
export function ageOn(birth: Day, on: Day): number {
  const [by, bm, bd] = civilFromDay(birth);
  const [y] = civilFromDay(on);
  let age = y - by;
  if (on < birthdayDay(by, bm, bd, age)) age--;
  return age;
}

/** The day on which someone born on `birth` (an exact day) turns `years`. */
export function turnsOn(birth: Day, years: number): Day {
  const [y, m, d] = civilFromDay(birth);
  return birthdayDay(y, m, d, years);
}
