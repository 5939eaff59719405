import type { TFunction } from 'i18next';

const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;

/**
 * The names the interface shows for each month, January first, alone and after a day: the date
 * field reads back whatever it shows.
 */
export function monthNames(t: TFunction): string[][] {
  return MONTHS.map((id) => [t(`dates.months.${id}`), t(`format.monthsOfDay.${id}`)]);
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * "2021", "Aug 2021" or "15 Aug 2021" ("жнівень 2021", "15 жніўня 2021"), built from the parts
 * of the stored text. A Date object would read "2021-08" as midnight UTC and show the previous
 * day or month west of Greenwich, and would invent a day or month that nobody recorded. After a
 * day the month has its own names (`format.monthsOfDay`): Belarusian and Russian put it in the
 * genitive there, and so after a preposition ("since", "until"): pass `afterPreposition` for
 * "з жніўня 2021" rather than "з жнівень 2021".
 */
export function formatPartialDate(t: TFunction, value: string, afterPreposition = false): string {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  const monthId = month === undefined ? undefined : MONTHS[Number(month) - 1];
  if (monthId === undefined) return t('dates.year', { year });
  const genitive = t(`format.monthsOfDay.${monthId}`);
  if (day === undefined) {
    const name = afterPreposition ? genitive : t(`dates.months.${monthId}`);
    return t('dates.month', { month: name, year });
  }
  return t('dates.day', { day: String(Number(day)), month: genitive, year });
}

/** A date that may be missing, as shown in the timeline. */
export function formatOptionalDate(t: TFunction, value: string | null): string {
  return value ? formatPartialDate(t, value) : t('dates.unknown');
}

/**
 * Orders partial dates as their text sorts ("2021" before "2021-08" before "2021-08-15"), with
 * unknown dates last, since a fact without a date is usually recorded after the dated ones.
 */
export function comparePartialDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * True when `end` is certainly before `start`. Only the parts both dates have are compared:
 * "2021" may end within "2021-08", so it is not "before" it.
 */
export function endsBeforeStart(start: string, end: string): boolean {
  const length = Math.min(start.length, end.length);
  return end.slice(0, length) < start.slice(0, length);
}
