import {
  REPEATABLE_TARGETS,
  REQUIRED_TARGETS,
  SHAPE_TARGETS,
  type ImportMapping,
  type ImportShape,
  type ImportTarget,
} from '../../../core/api/import';

/** The fields a column of a table of this shape can fill, in the order the select offers them. */
export function targetsFor(shape: ImportShape): readonly Exclude<ImportTarget, 'ignore'>[] {
  return SHAPE_TARGETS[shape].filter(
    (target): target is Exclude<ImportTarget, 'ignore'> => target !== 'ignore',
  );
}

export type MappingNeed = 'name' | 'person' | 'type' | 'twice';

/** Targets that more than one column fills; the core refuses such a mapping. */
export function targetsTwice(mapping: ImportMapping): Set<ImportTarget> {
  const seen = new Set<ImportTarget>();
  const twice = new Set<ImportTarget>();
  for (const target of Object.values(mapping)) {
    if (REPEATABLE_TARGETS.has(target)) continue;
    if (seen.has(target)) twice.add(target);
    seen.add(target);
  }
  return twice;
}

/**
 * What the mapping still lacks before the rows can be checked: the same groups the core
 * requires (a name; a person and an event type or risk category), and one column per field.
 */
export function mappingNeeds(shape: ImportShape, mapping: ImportMapping): MappingNeed[] {
  const mapped = new Set(Object.values(mapping));
  const needs: MappingNeed[] = [];
  const missing = REQUIRED_TARGETS[shape].filter(
    (group) => !group.some((target) => mapped.has(target)),
  );
  for (const group of missing) {
    needs.push(group.includes('name') ? 'name' : group.includes('type') ? 'type' : 'person');
  }
  if (targetsTwice(mapping).size > 0) needs.push('twice');
  return needs;
}

/** The contract allows 500 columns in a mapping; left-out columns need not be named. */
const MAX_MAPPED = 500;

/** The mapping as sent to the core: every column, or only the used ones for very wide files. */
export function mappingForCore(mapping: ImportMapping): ImportMapping {
  const entries = Object.entries(mapping);
  if (entries.length <= MAX_MAPPED) return mapping;
  return Object.fromEntries(entries.filter(([, target]) => target !== 'ignore'));
}

/** Up to `count` non-blank values of a column from the sample rows. */
export function columnSamples(sample: string[][], index: number, count = 3): string[] {
  const values: string[] = [];
  for (const row of sample) {
    const value = (row[index] ?? '').trim();
    if (value !== '') values.push(value.length > 40 ? `${value.slice(0, 39)}…` : value);
    if (values.length === count) break;
  }
  return values;
}
