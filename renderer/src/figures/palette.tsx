import {
  releaseSeriesIndex,
  SERIES_STYLES,
  type SeriesPattern,
} from '../../../core/api/releaseSeries';

/**
 * Colours of the Okabe-Ito palette, told apart by people with any common colour-vision
 * deficiency; each series also has its own pattern, so that a greyscale print still reads.
 */
export const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  purple: '#CC79A7',
  sky: '#56B4E9',
  vermillion: '#D55E00',
  yellow: '#F0E442',
  grey: '#999999',
  black: '#000000',
} as const;

export interface SeriesStyle {
  /** The id of the pattern in <PatternDefs>: fill with `url(#id)`. */
  patternId: string;
  colour: string;
  /** Text drawn on top of the fill: dark on light colours, white on dark ones. */
  ink: string;
}

interface StyleDef {
  kind: SeriesPattern;
  colour: string;
  /** The colour of the pattern's lines or dots. */
  mark: string;
  ink: string;
}

const DARK_MARK = 'rgb(28 34 48 / 55%)';
const LIGHT_MARK = 'rgb(255 255 255 / 75%)';

const STYLES: readonly StyleDef[] = SERIES_STYLES.map((style) => ({
  kind: style.pattern,
  colour: style.colour,
  mark: style.dark ? LIGHT_MARK : DARK_MARK,
  ink: style.dark ? '#ffffff' : '#1c2230',
}));

/** Possible (not certain) members: hatched, light, and never mistaken for a series. */
const POSSIBLE: StyleDef = {
  kind: 'dots',
  colour: '#ffffff',
  mark: 'rgb(28 34 48 / 70%)',
  ink: '#1c2230',
};

/** The outline of possible members: dashed, as the upper-bound line is. */
export const POSSIBLE_DASH = '3 2';

const PREFIX = 'vigil-figure-pattern';

/** The style of a release type: fixed for the known ones, so a colour always means one type. */
export function releaseTypeStyle(type: string | null, position: number): SeriesStyle {
  return styleAt(releaseSeriesIndex(type, position));
}

export function styleAt(index: number): SeriesStyle {
  const def = STYLES[index % STYLES.length]!;
  return { patternId: `${PREFIX}-${index % STYLES.length}`, colour: def.colour, ink: def.ink };
}

export const POSSIBLE_STYLE: SeriesStyle = {
  patternId: `${PREFIX}-possible`,
  colour: POSSIBLE.colour,
  ink: POSSIBLE.ink,
};

const SIZE = 8;

function marks(kind: SeriesPattern, mark: string) {
  const line = { stroke: mark, strokeWidth: 1.6 };
  switch (kind) {
    case 'solid':
      return null;
    case 'diagonal':
      return (
        <path d={`M-2,2 l4,-4 M0,${SIZE} l${SIZE},-${SIZE} M${SIZE - 2},10 l4,-4`} {...line} />
      );
    case 'backDiagonal':
      return <path d={`M-2,6 l4,4 M0,0 l${SIZE},${SIZE} M${SIZE - 2},-2 l4,4`} {...line} />;
    case 'dots':
      return (
        <>
          <circle cx={2} cy={2} r={1.4} fill={mark} />
          <circle cx={6} cy={6} r={1.4} fill={mark} />
        </>
      );
    case 'sparseDots':
      return <circle cx={4} cy={4} r={1.5} fill={mark} />;
    case 'cross':
      return <path d={`M0,0 l${SIZE},${SIZE} M${SIZE},0 l-${SIZE},${SIZE}`} {...line} />;
    case 'horizontal':
      return <path d={`M0,2 h${SIZE} M0,6 h${SIZE}`} {...line} />;
    case 'vertical':
      return <path d={`M2,0 v${SIZE} M6,0 v${SIZE}`} {...line} />;
    case 'grid':
      return <path d={`M0,4 h${SIZE} M4,0 v${SIZE}`} {...line} />;
    case 'zigzag':
      return <path d={`M0,6 l2,-4 l2,4 l2,-4 l2,4`} fill="none" {...line} />;
  }
}

function Pattern({ id, def }: { id: string; def: StyleDef }) {
  return (
    <pattern id={id} width={SIZE} height={SIZE} patternUnits="userSpaceOnUse">
      <rect width={SIZE} height={SIZE} fill={def.colour} />
      {marks(def.kind, def.mark)}
    </pattern>
  );
}

/**
 * The patterns every chart and legend fills with. Rendered once by the dashboard: a fragment
 * reference (`url(#id)`) finds them anywhere in the document, print included.
 */
export function PatternDefs() {
  return (
    <svg className="figures-patterns" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        {STYLES.map((def, index) => (
          <Pattern key={index} id={`${PREFIX}-${index}`} def={def} />
        ))}
        <Pattern id={POSSIBLE_STYLE.patternId} def={POSSIBLE} />
      </defs>
    </svg>
  );
}

/** A small filled square for a legend or a table, the same fill as the chart. */
export function Swatch({ style, dashed }: { style: SeriesStyle; dashed?: boolean }) {
  return (
    <svg className="figures-swatch" width="16" height="16" aria-hidden="true" focusable="false">
      <rect
        x="0.5"
        y="0.5"
        width="15"
        height="15"
        fill={`url(#${style.patternId})`}
        stroke="#1c2230"
        strokeDasharray={dashed ? POSSIBLE_DASH : undefined}
      />
    </svg>
  );
}
