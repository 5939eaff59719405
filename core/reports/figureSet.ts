import type { Figure } from '../api/figures';
import type { FiguresReportParams, ReportFigure } from '../api/reports';
import type { ReadDb } from '../db/handle';
import { computeFigures, type FiguresData } from './figures/compute';

/**
 * Every headline figure a figures report states, each under a key that stays the same from one
 * version of the data to the next, so that a snapshot taken today can be compared with the
 * figures of a later day. The keys, in the order they come:
 *
 * - `in_custody`: in custody as of the as-of date;
 * - `at_risk`: at special risk as of that date, distinct persons;
 * - `at_risk.category.<code>`: each risk category, by code (they overlap);
 * - `releases.total`: release events in the release window;
 * - `releases.<year>.<type>`: each cell of the year x type table, `<type>` the release type
 *   code or `none` where no type is recorded;
 * - `releases.type.<type>`: each release type over the window, `none` as above;
 * - `early_releases`: releases of the early-release types in the window;
 * - `early_release_share.numerator` and `early_release_share.denominator`: persons released
 *   early, and persons convicted, since `earlySince` (the window's start when not given); left
 *   out when there is neither, since the share has no start then;
 * - `rearrests`: persons re-arrested after a release, the re-arrest in the release window.
 *
 * Within a group, categories and types are ordered by code (`none` last) and cells by year
 * then type, as the figure functions order them. Each entry's `personIds` are the persons
 * certainly in the figure; `value` and `upperBound` are the figure's own (release figures
 * count events, so their value may exceed their number of persons). Definitions:
 * docs/methodology.md.
 */

/** The key segment of a release type that is not recorded. */
const NO_TYPE = 'none';

function entry(key: string, figure: Figure): ReportFigure {
  return {
    key,
    value: figure.value,
    upperBound: figure.upperBound,
    personIds: figure.personIds,
  };
}

function typeKey(releaseType: string | null): string {
  return releaseType ?? NO_TYPE;
}

/**
 * The headline figures of a figures report with these parameters; a pure function of the data.
 * They come from the same computation as the printed report (figures/compute.ts), so a
 * snapshot records exactly the numbers the report states.
 */
export function reportFigures(db: ReadDb, params: FiguresReportParams): ReportFigure[] {
  return figuresOf(computeFigures(db, params));
}

/** The headline figures of figures already computed: what the report states, keyed. */
export function figuresOf(data: FiguresData): ReportFigure[] {
  const { inCustody, atRisk, releases, share, rearrests } = data;
  const figures: ReportFigure[] = [
    entry('in_custody', inCustody),
    entry('at_risk', atRisk.total),
    ...atRisk.categories.map((c) => entry(`at_risk.category.${c.category}`, c.figure)),
    entry('releases.total', releases.total),
    ...releases.cells.map((c) => entry(`releases.${c.period}.${typeKey(c.releaseType)}`, c.figure)),
    ...releases.byType.map((t) => entry(`releases.type.${typeKey(t.releaseType)}`, t.figure)),
    entry('early_releases', releases.early),
  ];
  if (share !== null) {
    figures.push(
      entry('early_release_share.numerator', share.numerator),
      entry('early_release_share.denominator', share.denominator),
    );
  }
  figures.push(entry('rearrests', rearrests));
  return figures;
}

/** The groups of keys in their order; `*` stands for the rest of the key. */
const ORDER = [
  'in_custody',
  'at_risk',
  'at_risk.category.*',
  'releases.total',
  'releases.*',
  'releases.type.*',
  'early_releases',
  'early_release_share.numerator',
  'early_release_share.denominator',
  'rearrests',
] as const;

/** A key's group (the longest pattern it matches) and the text that orders it within. */
function placeOf(key: string): [number, string] {
  let group: number = ORDER.length;
  let matched = -1;
  let rest = key;
  ORDER.forEach((pattern, i) => {
    const prefix = pattern.endsWith('*') ? pattern.slice(0, -1) : null;
    const matches = prefix === null ? key === pattern : key.startsWith(prefix);
    if (!matches || pattern.length <= matched) return;
    group = i;
    matched = pattern.length;
    rest = prefix === null ? '' : key.slice(prefix.length);
  });
  // A release type not recorded sorts after every code, as figureReleases orders it.
  const parts = rest.split('.');
  if (ORDER[group]?.startsWith('releases.') && parts[parts.length - 1] === NO_TYPE) {
    parts[parts.length - 1] = '\uffff';
  }
  return [group, parts.join('.')];
}

/**
 * Orders figure keys as `reportFigures` lists them, so that the figures of a snapshot and of
 * today merge into one list in that order. Keys this version does not know go last.
 */
export function compareFigureKeys(a: string, b: string): number {
  const [ga, ra] = placeOf(a);
  const [gb, rb] = placeOf(b);
  if (ga !== gb) return ga - gb;
  return ra < rb ? -1 : ra > rb ? 1 : 0;
}
