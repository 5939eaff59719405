import { daysInMonth } from '../../api/dates';
import type { DefinitionKey } from '../../api/figureDefinitions';
import type { Figure, FigureFilters } from '../../api/figures';
import { formatNumber } from '../../api/format';
import { formatDate } from '../format';
import { esc } from '../html';
import { translator, type Translate } from '../strings';
import type { ReportContext } from '../types';
import type { FiguresData } from './compute';
import { DEFINITION_TEXT } from './definitions';

/** What every part of the figures report writes with: its words, numbers and dates. */
export interface Words {
  context: ReportContext;
  t: Translate<'figures'>;
  number(value: number): string;
  date(date: string): string;
  /** A start date ("since …"), a month as its first day (see windowEnd). */
  start(date: string): string;
  /** The release window as a phrase: "from 2019 to 6 May 2024". */
  window: string;
}

export function wordsFor(context: ReportContext, data: FiguresData): Words {
  const { language } = context;
  const t = translator('figures', language);
  const date = (d: string) => formatDate(language, d);
  return {
    context,
    t,
    number: (value) => formatNumber(language, value),
    date,
    start: (d) => date(windowEnd(d, 'first')),
    window: windowPhrase(t, date, data.window),
  };
}

/**
 * A window's end known to the month as its first or last day: "from 1 March 2022", since
 * "з сакавік 2022" would need the genitive the month-only form does not have. Years stay years.
 */
function windowEnd(date: string, end: 'first' | 'last'): string {
  if (date.length !== 7) return date;
  const day = end === 'first' ? 1 : daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5)));
  return `${date}-${String(day).padStart(2, '0')}`;
}

function windowPhrase(
  t: Translate<'figures'>,
  date: (d: string) => string,
  window: FiguresData['window'],
): string {
  const from = window.from === undefined ? undefined : date(windowEnd(window.from, 'first'));
  const to = window.to === undefined ? undefined : date(windowEnd(window.to, 'last'));
  if (from !== undefined && to !== undefined) return t('windowFromTo', { from, to });
  if (from !== undefined) return t('windowFrom', { from });
  if (to !== undefined) return t('windowTo', { to });
  return t('windowAll');
}

const SEX_KEYS = { female: 'sexFemale', male: 'sexMale', other: 'sexOther' } as const;

/** The filters set, named ("region Minsk (city), citizenship UA"); empty when none is. */
export function filterNames(w: Words, filters: FigureFilters | undefined): string[] {
  const names: string[] = [];
  if (filters?.region !== undefined)
    names.push(w.t('filterRegion', { region: w.context.label('region', filters.region) }));
  if (filters?.citizenship !== undefined)
    names.push(w.t('filterCitizenship', { country: filters.citizenship }));
  if (filters?.sex !== undefined) names.push(w.t('filterSex', { sex: w.t(SEX_KEYS[filters.sex]) }));
  return names;
}

/** A count worded as published: the figure's key picks the noun and its plural form. */
export type CountKey = 'inCustody' | 'atRisk' | 'releases' | 'early' | 'rearrests';

/**
 * A headline figure as published, "At least 254 …", then its "up to" bound where partial dates
 * leave it open and the records that could not be placed.
 */
export function headline(w: Words, key: CountKey, figure: Figure): string {
  const text = w.t(key, { count: figure.value, number: w.number(figure.value), window: w.window });
  return `<p class="figures-headline">${esc(text)}</p>${bounds(w, figure)}`;
}

/** The "up to" and "not placed" sentences of a figure; nothing when both are nil. */
export function bounds(w: Words, figure: Figure): string {
  const open = figure.upperBound - figure.value;
  const lines: string[] = [];
  if (open > 0)
    lines.push(
      w.t('upTo', { count: open, number: w.number(open), upper: w.number(figure.upperBound) }),
    );
  const unplaced = figure.unplaced.count;
  if (unplaced > 0) lines.push(w.t('unplaced', { count: unplaced, number: w.number(unplaced) }));
  return lines.map((line) => `<p>${esc(line)}</p>`).join('');
}

/** A definition under a section; `label` names the figure when the section has several. */
export interface DefinitionLine {
  key: DefinitionKey;
  label?: string;
}

/** The definitions of a section's figures, as the dashboard gives them. */
export function definitions(w: Words, lines: DefinitionLine[]): string {
  const texts = DEFINITION_TEXT[w.context.language];
  return lines
    .map(({ key, label }) => {
      const lead = label === undefined ? w.t('definition') : `${label}.`;
      return `<p class="note figures-definition"><strong>${esc(lead)}</strong> ${esc(texts[key])}</p>`;
    })
    .join('');
}

/** A number in a table cell, with its upper bound when that differs. */
export function cellText(w: Words, count: { value: number; upperBound: number }): string {
  return count.upperBound > count.value
    ? w.t('cellUpTo', { value: w.number(count.value), upper: w.number(count.upperBound) })
    : w.number(count.value);
}
