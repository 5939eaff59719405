import { EARLY_RELEASE_TYPES } from './figureDefinitions';

/**
 * How release types look in every chart, the dashboard's and the printed report's alike, so a
 * colour means one type wherever a reader meets it. Colours of the Okabe-Ito palette, told apart
 * with any common colour-vision deficiency, each with a pattern of its own so that a greyscale
 * print still reads. Browser-safe: the renderer and the core draw from this one list.
 */
export type SeriesPattern =
  | 'solid'
  | 'diagonal'
  | 'dots'
  | 'cross'
  | 'horizontal'
  | 'vertical'
  | 'backDiagonal'
  | 'grid'
  | 'sparseDots'
  | 'zigzag';

export interface SeriesStyle {
  colour: string;
  pattern: SeriesPattern;
  /** A dark fill: marks and text on it are light. */
  dark: boolean;
}

/** Early-release types take the first six (they stack at the bottom), then the others. */
export const SERIES_STYLES: readonly SeriesStyle[] = [
  { colour: '#0072B2', pattern: 'solid', dark: true },
  { colour: '#E69F00', pattern: 'diagonal', dark: false },
  { colour: '#009E73', pattern: 'dots', dark: true },
  { colour: '#CC79A7', pattern: 'cross', dark: false },
  { colour: '#56B4E9', pattern: 'horizontal', dark: false },
  { colour: '#D55E00', pattern: 'vertical', dark: true },
  { colour: '#C9C9C9', pattern: 'backDiagonal', dark: false },
  { colour: '#F0E442', pattern: 'grid', dark: false },
  { colour: '#5F6675', pattern: 'sparseDots', dark: true },
  { colour: '#FFFFFF', pattern: 'zigzag', dark: false },
];

/** The release types in the order they stack and appear in legends and tables. */
export const RELEASE_TYPE_ORDER: readonly (string | null)[] = [
  ...EARLY_RELEASE_TYPES,
  'sentence_served',
  'acquittal',
  'other',
  null,
];

/** The given types in that order; codes added by users before "not recorded", which is last. */
export function orderReleaseTypes(types: Iterable<string | null>): (string | null)[] {
  const known = new Set(types);
  const ordered = RELEASE_TYPE_ORDER.filter((type) => known.has(type));
  const others = [...known]
    .filter((type): type is string => type !== null && !RELEASE_TYPE_ORDER.includes(type))
    .sort();
  const last = ordered.at(-1) === null ? [null] : [];
  return [...ordered.filter((type) => type !== null), ...others, ...last];
}

/** The style of a release type: fixed for the known ones; a user's code by its position. */
export function releaseSeriesIndex(type: string | null, position: number): number {
  const fixed = RELEASE_TYPE_ORDER.indexOf(type);
  return (fixed >= 0 ? fixed : position) % SERIES_STYLES.length;
}
