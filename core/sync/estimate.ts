import type { RecordKind } from '../api/records';
import type { ChangeSet } from '../changes/changeSet';
import { cellProblem } from '../changes/changeSet';
import { TABLES, isRecordKind } from '../changes/entities';
import { conflicts } from '../db/conflicts';
import type { ReadDb } from '../db/handle';
import { first } from '../db/statements';

/**
 * How many fields a bundle would put in conflict, judged against the vault as it is (the rule
 * of core/db/conflicts.ts, without the sets of the bundle meeting each other): for the preview
 * before applying, which says it is an estimate.
 */
interface StoredClock {
  clock: Record<string, string>;
  bases: Record<string, string>;
  base: string | null;
}

function storedClock(db: ReadDb, kind: RecordKind, id: string): StoredClock | null {
  const row = first(
    db,
    `SELECT t.clock AS clock, t.bases AS bases, h.hlc AS base FROM ${TABLES[kind]} t
     LEFT JOIN hlcs h ON h.id = t.clock_base WHERE t.id = ?`,
    [id],
  );
  if (!row) return null;
  return {
    clock: JSON.parse(String(row.clock)) as Record<string, string>,
    bases: JSON.parse(String(row.bases)) as Record<string, string>,
    base: row.base as string | null,
  };
}

export function estimateConflicts(db: ReadDb, sets: ChangeSet[]): number {
  const fields = new Set<string>();
  // A record's row is read once, however many of its cells the bundle carries.
  const stored = new Map<string, StoredClock | null>();
  for (const set of sets) {
    for (const cell of set.cells) {
      if (!isRecordKind(cell.entity) || cellProblem(cell) !== null || cell.field === 'createdAt')
        continue;
      const key = `${cell.entity}/${cell.id}`;
      let row = stored.get(key);
      if (row === undefined) {
        row = storedClock(db, cell.entity, cell.id);
        stored.set(key, row);
      }
      if (!row) continue;
      const { clock, bases } = row;
      const current = clock[cell.field] ?? row.base ?? '';
      if (conflicts(set.hlc, cell.base ?? '', current, bases[cell.field] ?? ''))
        fields.add(`${cell.entity}/${cell.id}/${cell.field}`);
    }
  }
  return fields.size;
}
