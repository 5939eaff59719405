import type { SqlValue } from 'sql.js';
import type { WriteDb } from './handle';
import { first, run } from './statements';

/**
 * Whether a write at `hlc`, made over `base`, meets the field in conflict, when the field's
 * newest write is `current`, made over `currentBase`: as the new winner, the value it beats is
 * newer than what it saw; as a loser, it is newer than what the winner saw.
 */
export function conflicts(
  hlc: string,
  base: string,
  current: string,
  currentBase: string,
): boolean {
  if (hlc > current) return current !== '' && current > base;
  return hlc < current && hlc > currentBase;
}

/** The record a conflict is about. */
interface Target {
  kind: string;
  id: string;
}

/**
 * The conflict queue (docs/sync.md), kept as sets are applied and the same whatever order they
 * arrive in: a field is in conflict when the second-newest value written to it is newer than
 * the value the newest edit was made over, i.e. the winner's author had not seen it. The row
 * names the winner (the field's timestamp) and that runner-up, with its value.
 */
export function noteWinner(
  db: WriteDb,
  target: Target,
  field: string,
  winner: string,
  winnerBase: string,
  previous: string,
  previousValue: SqlValue,
): void {
  if (conflicts(winner, winnerBase, previous, '')) {
    upsert(db, target, field, winner, previous, previousValue);
  } else {
    run(db, 'DELETE FROM sync_conflicts WHERE entity = ? AND entity_id = ? AND field = ?', [
      target.kind,
      target.id,
      field,
    ]);
  }
}

/** A value older than the field's: a conflict when the winner was made without seeing it. */
export function noteLoser(
  db: WriteDb,
  target: Target,
  field: string,
  winner: string,
  winnerBase: string,
  loser: string,
  loserValue: SqlValue,
): void {
  if (!conflicts(loser, '', winner, winnerBase)) return;
  const existing = first(
    db,
    'SELECT other FROM sync_conflicts WHERE entity = ? AND entity_id = ? AND field = ?',
    [target.kind, target.id, field],
  );
  if (existing && String(existing.other) >= loser) return;
  upsert(db, target, field, winner, loser, loserValue);
}

function upsert(
  db: WriteDb,
  target: Target,
  field: string,
  winner: string,
  other: string,
  otherValue: SqlValue,
): void {
  run(
    db,
    `INSERT OR REPLACE INTO sync_conflicts (entity, entity_id, field, winner, other, other_value)
     VALUES (?, ?, ?, ?, ?, ?)`,
    [target.kind, target.id, field, winner, other, JSON.stringify(otherValue)],
  );
}
