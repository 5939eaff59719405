import { SERIES_STYLES, type SeriesPattern } from '../../api/releaseSeries';

/**
 * Fills of the release chart, the dashboard's series styles (core/api/releaseSeries.ts) as SVG
 * <pattern> elements drawn with presentation attributes only (the app's CSP refuses style
 * attributes in the preview). `index` is a series index from `releaseSeriesIndex`.
 */

type Mark = Exclude<SeriesPattern, 'solid'> | 'none';

interface Swatch {
  colour: string;
  mark: Mark;
  /** The colour of the marks: white on dark colours, dark on light ones. */
  ink: string;
}

const DARK = '#1c2230';
const LIGHT = '#ffffff';

const SWATCHES: readonly Swatch[] = SERIES_STYLES.map((style) => ({
  colour: style.colour,
  mark: style.pattern === 'solid' ? 'none' : style.pattern,
  ink: style.dark ? LIGHT : DARK,
}));

const SIZE = 6;

const MARKS: Record<Exclude<Mark, 'none'>, string> = {
  diagonal: `<path d="M0,${SIZE} L${SIZE},0" stroke-width="1.2"/>`,
  backDiagonal: `<path d="M0,0 L${SIZE},${SIZE}" stroke-width="1.2"/>`,
  cross: `<path d="M0,${SIZE} L${SIZE},0 M0,0 L${SIZE},${SIZE}" stroke-width="0.8"/>`,
  horizontal: `<path d="M0,3 H${SIZE}" stroke-width="1.2"/>`,
  vertical: `<path d="M3,0 V${SIZE}" stroke-width="1.2"/>`,
  grid: `<path d="M0,3 H${SIZE} M3,0 V${SIZE}" stroke-width="0.8"/>`,
  zigzag: `<path d="M0,4 L1.5,2 L3,4 L4.5,2 L6,4" fill="none" stroke-width="0.8"/>`,
  dots: `<circle cx="3" cy="3" r="1.3" stroke="none"/>`,
  sparseDots: `<circle cx="1.5" cy="1.5" r="0.9" stroke="none"/>`,
};

function swatch(index: number): Swatch {
  return SWATCHES[index % SWATCHES.length]!;
}

/** The fill attribute value of series `index`, given the id prefix of its pattern. */
export function fillOf(prefix: string, index: number): string {
  return swatch(index).mark === 'none' ? swatch(index).colour : `url(#${prefix}-${index})`;
}

/** The <pattern> of series `index` (nothing for a plain colour), to go in a <defs>. */
export function patternOf(prefix: string, index: number): string {
  const { colour, mark, ink } = swatch(index);
  if (mark === 'none') return '';
  return (
    `<pattern id="${prefix}-${index}" width="${SIZE}" height="${SIZE}" patternUnits="userSpaceOnUse">` +
    `<rect width="${SIZE}" height="${SIZE}" fill="${colour}"/>` +
    `<g stroke="${ink}" fill="${ink}">${MARKS[mark]}</g></pattern>`
  );
}

/** Releases whose date only partly falls in the year: no colour, a dashed outline. */
export const POSSIBLE = { fill: '#FFFFFF', stroke: DARK, dash: '3 2' } as const;
export const INK = DARK;
