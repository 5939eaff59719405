import type { TFunction } from 'i18next';
import * as written from '../../core/api/format';
import { ReportLanguage } from '../../core/api/reports';
import { formatPartialDate } from './dates';

/**
 * Numbers, percentages, moments and lists in the interface language. Nothing here uses `Intl`:
 * Chromium's ICU has no Belarusian and formats `be` as en-US would ("12,345" where Belarusian
 * writes "12 345"), so numbers come from core/api/format.ts, which the reports use too, and
 * words from the locale files.
 */

/** The language an i18next tag writes in ("be", "ru-RU"); any other tag writes English. */
export function writtenLanguage(tag: string): ReportLanguage {
  const parsed = ReportLanguage.safeParse(tag.toLowerCase().split('-')[0]);
  return parsed.success ? parsed.data : 'en';
}

/** 12345 → "12,345" (en), "12 345" (be, ru, with a no-break space). */
export function formatNumber(tag: string, value: number): string {
  return written.formatNumber(writtenLanguage(tag), value);
}

/** 0.123 → "12.3%" (en), "12,3 %" (be, ru). */
export function formatPercent(tag: string, ratio: number): string {
  return written.formatPercent(writtenLanguage(tag), ratio);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A moment the engine recorded (an ISO time) as "6 May 2024, 14:05", in the reader's time zone:
 * a timestamp, unlike a partial date, happened at a local time the reader lives in.
 */
export function formatMoment(t: TFunction, iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  return t('format.moment', { date: formatPartialDate(t, day), time });
}

/** "a", "a and b", "a, b and c", with the language's word for "and". */
export function formatList(t: TFunction, items: readonly string[]): string {
  if (items.length < 2) return items.join('');
  return t('format.listAnd', { rest: items.slice(0, -1).join(', '), last: items.at(-1) });
}
