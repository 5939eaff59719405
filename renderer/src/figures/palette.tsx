import { EARLY_RELEASE_TYPES } from '../../../core/api/figureDefinitions';

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

type PatternKind =
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
  /** The id of the pattern in <PatternDefs>: fill with `url(#id)`. */
  patternId: string;
  colour: string;
  /** Text drawn on top of the fill: dark on light colours, white on dark ones. */
  ink: string;
}

interface StyleDef {
  kind: PatternKind;
  colour: string;
  /** The colour of the pattern's lines or dots. */
  mark: string;
  ink: string;
}

const DARK_MARK = 'rgb(28 34 48 / 55%)';
const LIGHT_MARK = 'rgb(255 255 255 / 75%)';

/** Early-release types first (they stack at the bottom), then the others; then spares. */
const STYLES: readonly StyleDef[] = [
  { kind: 'solid', colour: OKABE_ITO.blue, mark: LIGHT_MARK, ink: '#ffffff' },
  { kind: 'diagonal', colour: OKABE_ITO.orange, mark: DARK_MARK, ink: '#1c2230' },
  { kind: 'dots', colour: OKABE_ITO.green, mark: LIGHT_MARK, ink: '#ffffff' },
  { kind: 'cross', colour: OKABE_ITO.purple, mark: DARK_MARK, ink: '#1c2230' },
  { kind: 'horizontal', colour: OKABE_ITO.sky, mark: DARK_MARK, ink: '#1c2230' },
  { kind: 'vertical', colour: OKABE_ITO.vermillion, mark: LIGHT_MARK, ink: '#ffffff' },
  { kind: 'backDiagonal', colour: '#c9c9c9', mark: DARK_MARK, ink: '#1c2230' },
  { kind: 'grid', colour: OKABE_ITO.yellow, mark: DARK_MARK, ink: '#1c2230' },
  { kind: 'sparseDots', colour: '#5f6675', mark: LIGHT_MARK, ink: '#ffffff' },
  { kind: 'zigzag', colour: '#ffffff', mark: 'rgb(28 34 48 / 70%)', ink: '#1c2230' },
];

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

/** The release types in the order they stack and appear in legends. */
export const RELEASE_TYPE_ORDER: readonly (string | null)[] = [
  ...EARLY_RELEASE_TYPES,
  'sentence_served',
  'acquittal',
  'other',
  null,
];

export function orderReleaseTypes(types: Iterable<string | null>): (string | null)[] {
  const known = new Set(types);
  const ordered = RELEASE_TYPE_ORDER.filter((type) => known.has(type));
  const others = [...known]
    .filter((type): type is string => type !== null && !RELEASE_TYPE_ORDER.includes(type))
    .sort();
  // Codes added by users go before "not recorded", which always comes last.
  const last = ordered.at(-1) === null ? [null] : [];
  return [...ordered.filter((type) => type !== null), ...others, ...last];
}

/** The style of a release type: fixed for the known ones, so a colour always means one type. */
export function releaseTypeStyle(type: string | null, position: number): SeriesStyle {
  const fixed = RELEASE_TYPE_ORDER.indexOf(type);
  const index = fixed >= 0 ? fixed : position % STYLES.length;
  return styleAt(index);
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

function marks(kind: PatternKind, mark: string) {
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
