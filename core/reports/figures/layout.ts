import type { AtRiskResult } from '../../api/figures';
import { sortByText } from '../../search/collation';
import type { FiguresData } from './compute';
import { releaseGrid, type ReleaseGrid } from './grid';
import type { Words } from './words';

export type LabelledCategory = AtRiskResult['categories'][number] & { label: string };

/** How the figures are laid out, worked out once for the body, the tables and the appendix. */
export interface Layout {
  grid: ReleaseGrid;
  /** The labels of `grid.types`, in the same order. */
  typeLabels: string[];
  /** The risk categories with their labels, the largest first, ties in alphabetical order. */
  categories: LabelledCategory[];
}

export function typeLabel(w: Words, type: string | null): string {
  return w.context.label('release_type', type);
}

export function layoutOf(w: Words, data: FiguresData): Layout {
  const grid = releaseGrid(data.releases);
  const labelled = data.atRisk.categories.map((c) => ({
    ...c,
    label: w.context.label('risk_category', c.category),
  }));
  return {
    grid,
    typeLabels: grid.types.map((type) => typeLabel(w, type)),
    categories: sortByText(w.context.language, labelled, (c) => c.label).sort(
      (a, b) => b.figure.value - a.figure.value,
    ),
  };
}
