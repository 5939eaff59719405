import { createHash } from 'node:crypto';
import type { Database, SqlValue } from 'sql.js';
import { ApiError } from '../api/errors';
import { first, run } from '../db/statements';
import type { Cell, ChangeSet } from './changeSet';
import { codecOf, columnFor, isRecordKind } from './entities';
import { hlcTime } from './hlc';

/**
 * The single write path: applies a change set to the database. A cell is applied only when its
 * timestamp is newer than the one already recorded for that field (last writer wins), which
 * makes replay idempotent. Every applied cell appends its new value to the hash-chained audit
 * log; a field's value before an edit is the value of its previous entry.
 */
export function applyChanges(db: Database, set: ChangeSet): void {
  const time = hlcTime(set.hlc);
  let previousHash: string | null = null;
  for (const cell of set.cells) {
    const stored = applyCell(db, cell, set.hlc, time);
    if (stored === undefined) continue;
    previousHash ??= String(
      first(db, 'SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1')?.hash ?? '',
    );
    const value = JSON.stringify(stored);
    const hash = auditHash(previousHash, set.hlc, set.author, cell, value);
    run(
      db,
      'INSERT INTO audit_log (hlc, author, entity, entity_id, field, value, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [set.hlc, set.author, cell.entity, cell.id, cell.field, value, hash],
    );
    previousHash = hash;
  }
}

/** Applies one cell; returns the stored value, or undefined when a newer edit already won. */
function applyCell(db: Database, cell: Cell, hlc: string, time: string): SqlValue | undefined {
  const target = columnFor(cell.entity, cell.field);
  if (!target || !isRecordKind(cell.entity)) {
    throw new ApiError('INVALID_INPUT', `Unknown field ${cell.entity}.${cell.field}`);
  }
  const known = first(db, 'SELECT hlc FROM field_clock WHERE entity = ? AND id = ? AND field = ?', [
    cell.entity,
    cell.id,
    cell.field,
  ])?.hlc;
  if (typeof known === 'string' && known >= hlc) return undefined;
  run(db, `INSERT OR IGNORE INTO ${target.table} (id, created_at, updated_at) VALUES (?, ?, ?)`, [
    cell.id,
    time,
    time,
  ]);
  const value = toSql(cell.value, codecOf(cell.entity, cell.field));
  run(
    db,
    `UPDATE ${target.table} SET ${target.column} = ?, updated_at = max(updated_at, ?) WHERE id = ?`,
    [value, time, cell.id],
  );
  run(db, 'INSERT OR REPLACE INTO field_clock (entity, id, field, hlc) VALUES (?, ?, ?, ?)', [
    cell.entity,
    cell.id,
    cell.field,
    hlc,
  ]);
  return value;
}

function toSql(value: Cell['value'], codec: ReturnType<typeof codecOf>): SqlValue {
  if (codec === 'json') return JSON.stringify(value ?? []);
  if (codec === 'bool' || typeof value === 'boolean') return value ? 1 : 0;
  return value as SqlValue;
}

/** Each entry's hash covers the one before it, so an entry changed or removed breaks the chain. */
export function auditHash(
  previous: string,
  hlc: string,
  author: string,
  cell: Pick<Cell, 'entity' | 'id' | 'field'>,
  value: string | null,
): string {
  return createHash('sha256')
    .update(JSON.stringify([previous, hlc, author, cell.entity, cell.id, cell.field, value]))
    .digest('hex');
}
