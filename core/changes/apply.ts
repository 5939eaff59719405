import type { Database, SqlValue } from 'sql.js';
import { ApiError } from '../api/errors';
import type { Cell, ChangeSet } from './changeSet';
import { columnFor } from './entities';
import { hlcTime } from './hlc';

/**
 * The single write path: applies a change set to the database. A cell is applied only when its
 * timestamp is newer than the one already recorded for that field (last writer wins), which
 * makes replay idempotent. The caller owns the transaction.
 */
export function applyChanges(db: Database, set: ChangeSet): void {
  const time = hlcTime(set.hlc);
  for (const cell of set.cells) applyCell(db, cell, set.hlc, time);
}

function applyCell(db: Database, cell: Cell, hlc: string, time: string): void {
  const target = columnFor(cell.entity, cell.field);
  if (!target) throw new ApiError('INVALID_INPUT', `Unknown field ${cell.entity}.${cell.field}`);
  const known = db.exec('SELECT hlc FROM field_clock WHERE entity = ? AND id = ? AND field = ?', [
    cell.entity,
    cell.id,
    cell.field,
  ])[0]?.values[0]?.[0];
  if (typeof known === 'string' && known >= hlc) return;
  db.run(`INSERT OR IGNORE INTO ${target.table} (id, created_at, updated_at) VALUES (?, ?, ?)`, [
    cell.id,
    time,
    time,
  ]);
  db.run(
    `UPDATE ${target.table} SET ${target.column} = ?, updated_at = max(updated_at, ?) WHERE id = ?`,
    [toSql(cell.value), time, cell.id],
  );
  db.run('INSERT OR REPLACE INTO field_clock (entity, id, field, hlc) VALUES (?, ?, ?, ?)', [
    cell.entity,
    cell.id,
    cell.field,
    hlc,
  ]);
}

function toSql(value: Cell['value']): SqlValue {
  if (Array.isArray(value)) return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}
