/**
 * Dates as whole days since 1970-01-01 (UTC), so the generator adds days and months without
 * any time zone, and writes them as the partial dates of the data model.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function day(iso: string): Day {
  const [y, m = 1, d = 1] = iso.split('-').map(Number) as [number, number?, number?];
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export function isoDay(value: Day): string {
  return new Date(value * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The same day of the month `months` later, or the month's last day when it is shorter. */
export function addMonths(value: Day, months: number): Day {
  const date = new Date(value * MS_PER_DAY);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(date.getUTCDate(), last)) / MS_PER_DAY;
}

/** How precisely a date is known: the data model's `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
export type Precision = 'day' | 'month' | 'year';

export function partialDate(value: Day, precision: Precision): string {
  const iso = isoDay(value);
  return precision === 'day' ? iso : precision === 'month' ? iso.slice(0, 7) : iso.slice(0, 4);
}

/** The first and the last day a partial date can mean. */
export function dateBounds(date: string): [Day, Day] {
  const first = day(date);
  if (date.length === 4) return [first, day(`${date}-12-31`)];
  if (date.length === 7) return [first, addMonths(first, 1) - 1];
  return [first, first];
}
