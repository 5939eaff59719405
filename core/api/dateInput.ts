import { daysInMonth } from './dates';
import { isFillerWord, monthOfWord } from './monthNames';
import { MAX_DATE_YEAR, MIN_DATE_YEAR } from './schemas';

/**
 * Reads a date as people type it into the stored partial date (`YYYY`, `YYYY-MM`,
 * `YYYY-MM-DD`), or says why it cannot.
 *
 * The rule for numbers: **day first, in every interface language** (the users are in Belarus,
 * where 06.05.2024 is 6 May). A reading that starts with a four-digit year is year, month, day
 * (ISO 2024-05-06, also 2024.05.06), and always reads as itself. When the interface is English
 * and a numeric date written with slashes, dashes or spaces could also be the month-first form
 * of the United States (05/06/2024: both numbers 12 or less, and different), the field asks
 * which was meant instead of guessing. Dots (06.05.2024) and digits alone (06052024) are the
 * day-first forms of Belarus and Russia, and are never asked back. A
 * month-first date whose first number cannot be a month (05/25/2024) is refused with the rule,
 * not silently swapped. Two-digit years are refused: 6.5.24 could be 1924 or 2024, both within
 * the years a record may hold. Month names (English, Russian and Belarusian, any case, full or
 * abbreviated, nominative or genitive) make the order plain, so "May 6, 2024" and "6 мая 2024 г."
 * are both read.
 */
export function readDateInput(text: string, options: DateInputOptions): DateReading {
  const tokens = tokenize(text);
  if (tokens === null) return refused('unreadable');
  if (tokens.numbers.length === 0 && tokens.words.length === 0) return { kind: 'empty' };
  const reading =
    tokens.words.length === 0
      ? readNumbers(tokens, options.language.startsWith('en') && !tokens.dotted)
      : readWithMonthName(tokens, options.monthNames ?? []);
  if (options.needDay === true && reading.kind === 'certain' && reading.parts.day === undefined) {
    return refused('needDay', reading.parts);
  }
  return reading;
}

export interface DateInputOptions {
  /** The interface language: only English asks back about month-first numeric dates. */
  language: string;
  /** The names the interface shows for each month, January first, read back as well. */
  monthNames?: readonly (readonly string[])[];
  /** Only a full day will do (the as-of date of figures). */
  needDay?: boolean;
}

/** What the input was read as: the year, and the month and day when they were given. */
export interface DateParts {
  year: number;
  month?: number;
  day?: number;
}

/** A reading of the input: the stored text and the parts it came from. */
export interface DateChoice {
  value: string;
  parts: DateParts;
}

/** Why an input cannot be read; each has an English sentence under `dateInput.problems`. */
export type DateProblem =
  'unreadable' | 'noYear' | 'twoDigitYear' | 'year' | 'month' | 'day' | 'needDay';

export type DateReading =
  | { kind: 'empty' }
  | ({ kind: 'certain' } & DateChoice)
  /** Two dates it could be, day-first first: the user picks one. */
  | { kind: 'ambiguous'; choices: readonly [DateChoice, DateChoice] }
  /** `parts` holds what was read, so the sentence can name the month with no such day. */
  | { kind: 'refused'; problem: DateProblem; parts?: DateParts };

interface Tokens {
  /** Runs of digits, as typed (a leading zero tells 06 from 6 only in length). */
  numbers: string[];
  /** Words other than filler ("г.", "of"), without a trailing full stop. */
  words: string[];
  /** Whether a full stop separates anything: the day-first form of Belarus and Russia. */
  dotted: boolean;
}

/** Digit runs, letter runs and separators; null if anything else is in the text. */
function tokenize(text: string): Tokens | null {
  const tokens: Tokens = { numbers: [], words: [], dotted: false };
  const pattern = /(\d+)|(\p{L}+)|([\s.,/-]+)/uy;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < text.length && (match = pattern.exec(text)) !== null) {
    if (match[1] !== undefined) tokens.numbers.push(match[1]);
    else if (match[2] !== undefined && !isFillerWord(match[2])) tokens.words.push(match[2]);
    else if (match[3]?.includes('.') === true) tokens.dotted = true;
  }
  return pattern.lastIndex === text.length || text.length === 0 ? tokens : null;
}

function refused(problem: DateProblem, parts?: DateParts): DateReading {
  return parts === undefined ? { kind: 'refused', problem } : { kind: 'refused', problem, parts };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** The stored text of checked parts, or what is wrong with them. */
function check(
  parts: DateParts,
): { ok: true; choice: DateChoice } | { ok: false; reading: DateReading } {
  const { year, month, day } = parts;
  if (year < MIN_DATE_YEAR || year > MAX_DATE_YEAR)
    return { ok: false, reading: refused('year', parts) };
  if (month === undefined) return { ok: true, choice: { value: pad(year, 4), parts } };
  if (month < 1 || month > 12) return { ok: false, reading: refused('month', parts) };
  const yearMonth = `${pad(year, 4)}-${pad(month, 2)}`;
  if (day === undefined) return { ok: true, choice: { value: yearMonth, parts } };
  if (day < 1 || day > daysInMonth(year, month))
    return { ok: false, reading: refused('day', parts) };
  return { ok: true, choice: { value: `${yearMonth}-${pad(day, 2)}`, parts } };
}

/**
 * The first readable candidate, in order of preference, or the problem of the first one. Two
 * readable candidates that differ are asked back.
 */
function pick(candidates: readonly DateParts[]): DateReading {
  const checked = candidates.map(check);
  const good = checked.flatMap((c) => (c.ok ? [c.choice] : []));
  const [first, second] = good;
  if (first === undefined) {
    const firstChecked = checked[0]!;
    return firstChecked.ok ? { kind: 'certain', ...firstChecked.choice } : firstChecked.reading;
  }
  if (second !== undefined && second.value !== first.value) {
    return { kind: 'ambiguous', choices: [first, second] };
  }
  return { kind: 'certain', ...first };
}

const isYear = (digits: string) => digits.length === 4;
const isShort = (digits: string) => digits.length <= 2;

/** `mayBeMonthFirst`: an English interface, and no dots: 05/06/2024 may be 6 May. */
function readNumbers({ numbers }: Tokens, mayBeMonthFirst: boolean): DateReading {
  const n = numbers.map(Number);
  const lengths = numbers.map((digits) => digits.length).join(',');
  switch (lengths) {
    case '4':
      return pick([{ year: n[0]! }]);
    case '6': {
      // 052024 or 202405, the month with the year.
      const [s] = numbers as [string];
      const yearFirst = { year: Number(s.slice(0, 4)), month: Number(s.slice(4)) };
      const monthFirst = { year: Number(s.slice(2)), month: Number(s.slice(0, 2)) };
      return pick(startsWithYear(s) ? [yearFirst, monthFirst] : [monthFirst, yearFirst]);
    }
    case '8': {
      // 06052024 day first, or 20240506 year first: the year range tells them apart.
      const [s] = numbers as [string];
      const yearFirst = {
        year: Number(s.slice(0, 4)),
        month: Number(s.slice(4, 6)),
        day: Number(s.slice(6)),
      };
      const dayFirst = {
        year: Number(s.slice(4)),
        month: Number(s.slice(2, 4)),
        day: Number(s.slice(0, 2)),
      };
      return pick(startsWithYear(s) ? [yearFirst, dayFirst] : [dayFirst, yearFirst]);
    }
  }
  if (numbers.length === 2 && isYear(numbers[0]!) && isShort(numbers[1]!)) {
    return pick([{ year: n[0]!, month: n[1]! }]);
  }
  if (numbers.length === 2 && isShort(numbers[0]!) && isYear(numbers[1]!)) {
    return pick([{ year: n[1]!, month: n[0]! }]);
  }
  if (numbers.length === 3 && isYear(numbers[0]!) && isShort(numbers[1]!) && isShort(numbers[2]!)) {
    return pick([{ year: n[0]!, month: n[1]!, day: n[2]! }]);
  }
  if (numbers.length === 3 && isShort(numbers[0]!) && isShort(numbers[1]!) && isYear(numbers[2]!)) {
    const dayFirst = { year: n[2]!, month: n[1]!, day: n[0]! };
    const monthFirst = { year: n[2]!, month: n[0]!, day: n[1]! };
    const asksBack = mayBeMonthFirst && n[0]! <= 12 && n[1]! <= 12;
    return pick(asksBack ? [dayFirst, monthFirst] : [dayFirst]);
  }
  return refused(shortProblem(numbers));
}

function startsWithYear(digits: string): boolean {
  const year = Number(digits.slice(0, 4));
  return year >= MIN_DATE_YEAR && year <= MAX_DATE_YEAR;
}

/** Day and month with no year, or a year of two digits, or something else. */
function shortProblem(numbers: readonly string[]): DateProblem {
  if (numbers.some((digits) => digits.length === 3 || digits.length > 4)) return 'unreadable';
  if (numbers.length >= 2 && numbers.length <= 3 && numbers.every(isShort)) {
    return numbers.length === 3 ? 'twoDigitYear' : 'noYear';
  }
  return numbers.length === 1 && isShort(numbers[0]!) ? 'noYear' : 'unreadable';
}

/** One month name with a year and perhaps a day, in any order: "6 May 2024", "May 6, 2024". */
function readWithMonthName(tokens: Tokens, extra: readonly (readonly string[])[]): DateReading {
  if (tokens.words.length !== 1) return refused('unreadable');
  const month = monthOfWord(tokens.words[0]!, extra);
  if (month === null) return refused('unreadable');
  const years = tokens.numbers.filter(isYear);
  const short = tokens.numbers.filter(isShort);
  if (years.length + short.length !== tokens.numbers.length || years.length > 1) {
    return refused('unreadable');
  }
  if (short.length > 1) return refused('twoDigitYear');
  const [year] = years;
  if (year === undefined) return refused('noYear');
  const [day] = short;
  return pick([
    day === undefined
      ? { year: Number(year), month }
      : { year: Number(year), month, day: Number(day) },
  ]);
}
