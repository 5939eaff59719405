import type { Figure } from '../../../core/api/figures';

/**
 * Several disjoint figures of one kind as one (the releases of every type in one year): counts
 * add up, and each person is listed once, as certain if certain in any of them.
 */
export function combineFigures(figures: readonly Figure[], template: Figure): Figure {
  const certain = new Set<string>();
  const possible = new Set<string>();
  const unplaced = new Set<string>();
  let value = 0;
  let upperBound = 0;
  let unplacedCount = 0;
  for (const figure of figures) {
    value += figure.value;
    upperBound += figure.upperBound;
    unplacedCount += figure.unplaced.count;
    for (const id of figure.personIds) certain.add(id);
    for (const id of figure.uncertainIds) possible.add(id);
    for (const id of figure.unplaced.personIds) unplaced.add(id);
  }
  for (const id of certain) possible.delete(id);
  return {
    ...template,
    value,
    upperBound,
    personIds: [...certain].sort(),
    uncertainIds: [...possible].sort(),
    eventIds: undefined,
    uncertainEventIds: undefined,
    unplaced: { count: unplacedCount, personIds: [...unplaced].sort() },
  };
}

/** Only the possible members of some figures: what a hatched "may belong" segment stands for. */
export function possibleOnly(figures: readonly Figure[], template: Figure): Figure {
  const combined = combineFigures(figures, template);
  const possible = combined.upperBound - combined.value;
  // A person certain through one release may still have another, uncertain one here.
  const uncertainIds = [...new Set(figures.flatMap((figure) => figure.uncertainIds))].sort();
  return {
    ...combined,
    value: 0,
    upperBound: possible,
    personIds: [],
    uncertainIds,
    unplaced: { count: 0, personIds: [] },
  };
}
