import { isCountryCode } from '../../../core/api/countries';
import type { FigureFilters } from '../../../core/api/figures';
import { Sex } from '../../../core/api/records';

/** What every figure of the dashboard is computed for. */
export interface FigureParams {
  /** A full date, YYYY-MM-DD. */
  asOf: string;
  /** The release window, in whole years; it never runs past the as-of date. */
  fromYear: number;
  toYear: number;
  filters: FigureFilters;
}

/** The controls as typed, before they are checked. */
export interface ParamsDraft {
  asOf: string;
  fromYear: string;
  toYear: string;
  region: string;
  citizenship: string;
  sex: string;
}

export type DraftError =
  'asOf' | 'fromYear' | 'toYear' | 'windowOrder' | 'windowAfterAsOf' | 'citizenship';

/** How many years the release window covers by default, the as-of year included. */
const DEFAULT_WINDOW_YEARS = 6;

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR = /^\d{4}$/;

function pad(value: number, length: number): string {
  return String(value).padStart(length, '0');
}

/**
 * Today on the local calendar, YYYY-MM-DD. Built from the local date parts: toISOString()
 * gives the UTC date, which is tomorrow or yesterday for part of the day in most places.
 */
export function localToday(now: Date = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1, 2)}-${pad(now.getDate(), 2)}`;
}

/** A real calendar day: 2024-02-30 is refused. */
export function isFullDate(value: string): boolean {
  const match = FULL_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days && year >= 1;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export function defaultDraft(today: string = localToday()): ParamsDraft {
  const year = yearOf(today);
  return {
    asOf: today,
    fromYear: String(year - DEFAULT_WINDOW_YEARS + 1),
    toYear: String(year),
    region: '',
    citizenship: '',
    sex: '',
  };
}

/** The checked parameters, or what is wrong with the draft. */
export function parseDraft(
  draft: ParamsDraft,
): { ok: true; params: FigureParams } | { ok: false; errors: DraftError[] } {
  const errors: DraftError[] = [];
  const asOf = draft.asOf.trim();
  const fromText = draft.fromYear.trim();
  const toText = draft.toYear.trim();
  const citizenship = draft.citizenship.trim().toUpperCase();
  if (!isFullDate(asOf)) errors.push('asOf');
  if (!YEAR.test(fromText)) errors.push('fromYear');
  if (!YEAR.test(toText)) errors.push('toYear');
  const fromYear = Number(fromText);
  const toYear = Number(toText);
  if (!errors.includes('fromYear') && !errors.includes('toYear') && fromYear > toYear) {
    errors.push('windowOrder');
  }
  if (!errors.includes('asOf') && !errors.includes('fromYear') && fromYear > yearOf(asOf)) {
    errors.push('windowAfterAsOf');
  }
  if (citizenship !== '' && !isCountryCode(citizenship)) errors.push('citizenship');
  if (errors.length > 0) return { ok: false, errors };

  const filters: FigureFilters = {};
  if (draft.region !== '') filters.region = draft.region;
  if (citizenship !== '') filters.citizenship = citizenship;
  const sex = Sex.safeParse(draft.sex);
  if (sex.success) filters.sex = sex.data;
  return { ok: true, params: { asOf, fromYear, toYear, filters } };
}

/** The release window as the figure methods take it: from 1 January, to the as-of date at most. */
export interface ReleaseWindow {
  from: string;
  to: string;
  /** True when the window ends on the as-of date rather than on 31 December. */
  cutAtAsOf: boolean;
  /** Every year the window touches, in order. */
  years: number[];
}

export function releaseWindow(params: FigureParams): ReleaseWindow {
  const asOfYear = yearOf(params.asOf);
  const cutAtAsOf = params.toYear >= asOfYear;
  const lastYear = Math.min(params.toYear, asOfYear);
  const years: number[] = [];
  for (let year = params.fromYear; year <= lastYear; year++) years.push(year);
  return {
    from: String(params.fromYear),
    to: cutAtAsOf ? params.asOf : String(params.toYear),
    cutAtAsOf,
    years,
  };
}

export function hasFilters(filters: FigureFilters): boolean {
  return (
    filters.region !== undefined || filters.citizenship !== undefined || filters.sex !== undefined
  );
}
