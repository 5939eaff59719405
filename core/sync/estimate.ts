import type { ChangeSet } from '../changes/changeSet';
import { cellProblem } from '../changes/changeSet';
import { TABLES, isRecordKind } from '../changes/entities';
import type { ReadDb } from '../db/handle';
import { first } from '../db/statements';

/**
 * How many fields a bundle would put in conflict, judged against the vault as it is (the rule
 * of core/db/conflicts.ts, without the sets of the bundle meeting each other): for the preview
 * before applying, which says it is an estimate.
 */
export function estimateConflicts(db: ReadDb, sets: ChangeSet[]): number {
  const fields = new Set<string>();
  for (const set of sets) {
    for (const cell of set.cells) {
      if (!isRecordKind(cell.entity) || cellProblem(cell) !== null || cell.field === 'createdAt')
        continue;
      const row = first(
        db,
        `SELECT t.clock AS clock, t.bases AS bases, h.hlc AS base FROM ${TABLES[cell.entity]} t
         LEFT JOIN hlcs h ON h.id = t.clock_base WHERE t.id = ?`,
        [cell.id],
      );
      if (!row) continue;
      const clock = JSON.parse(String(row.clock)) as Record<string, string>;
      const bases = JSON.parse(String(row.bases)) as Record<string, string>;
      const current = clock[cell.field] ?? (row.base as string | null) ?? '';
      const base = cell.base ?? '';
      const conflict =
        set.hlc > current
          ? current !== '' && current > base
          : set.hlc < current && set.hlc > (bases[cell.field] ?? '');
      if (conflict) fields.add(`${cell.entity}/${cell.id}/${cell.field}`);
    }
  }
  return fields.size;
}
