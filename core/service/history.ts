import type { Database } from 'sql.js';
import { ApiError } from '../api/errors';
import type { RecordKind } from '../api/records';
import { auditHash } from '../changes/apply';
import type { Cell, ChangeSet } from '../changes/changeSet';
import { codecOf } from '../changes/entities';
import { hlcTime } from '../changes/hlc';
import { all, first } from '../db/statements';
import { SEED_AUTHOR } from '../model/seed';
import type { CoreSession } from './session';

export interface HistoryEntry {
  time: string;
  author: string;
  authorName: string | null;
  field: string;
  before: unknown;
  after: unknown;
}

/** The install record that carries an installation's display name. */
export function installRecordId(installId: string): string {
  return installId.padEnd(32, '0');
}

/** Audit values are JSON of the stored column; turn them back into field values. */
function fieldValue(kind: RecordKind, field: string, stored: string | null): unknown {
  if (stored === null) return null;
  const value = JSON.parse(stored) as unknown;
  const codec = codecOf(kind, field);
  if (codec === 'json') return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (codec === 'bool') return value === 1;
  return value;
}

function authorName(db: Database, author: string): string | null {
  if (author === SEED_AUTHOR) return 'Vigil';
  const row = first(db, 'SELECT name FROM installs WHERE id = ? AND deleted = 0', [
    installRecordId(author),
  ]);
  return row ? String(row.name) : null;
}

/** Every change to a record, oldest first, each field's previous value beside its new one. */
export function recordHistory(db: Database, kind: RecordKind, id: string): HistoryEntry[] {
  const last = new Map<string, unknown>();
  return all(
    db,
    'SELECT hlc, author, field, value FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY seq',
    [kind, id],
  ).map((row) => {
    const field = String(row.field);
    const after = fieldValue(kind, field, row.value as string | null);
    const before = last.has(field) ? last.get(field) : null;
    last.set(field, after);
    return {
      time: hlcTime(String(row.hlc)),
      author: String(row.author),
      authorName: authorName(db, String(row.author)),
      field,
      before,
      after,
    };
  });
}

export interface AuditCheck {
  intact: boolean;
  entries: number;
  firstBadEntry: number | null;
}

const CHUNK = 5000;

/**
 * Recomputes the audit log's hash chain in chunks, yielding between them so that commits and
 * reads go on while a large vault is checked. A break means an entry was changed or removed
 * other than through the write path.
 */
export async function verifyAuditChain(db: Database): Promise<AuditCheck> {
  let previous = '';
  let entries = 0;
  let after = 0;
  for (;;) {
    const rows = all(
      db,
      'SELECT seq, hlc, author, entity, entity_id, field, value, hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?',
      [after, CHUNK],
    );
    for (const row of rows) {
      entries++;
      const cell = {
        entity: String(row.entity),
        id: String(row.entity_id),
        field: String(row.field),
      };
      const expected = auditHash(
        previous,
        String(row.hlc),
        String(row.author),
        cell,
        row.value as string | null,
      );
      if (expected !== row.hash) return { intact: false, entries, firstBadEntry: Number(row.seq) };
      previous = expected;
      after = Number(row.seq);
    }
    if (rows.length < CHUNK) return { intact: true, entries, firstBadEntry: null };
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Reverses a change set this session committed: a new change set puts back each field's
 * previous value, and a record the set created is deleted. It is a new edit, journaled and
 * synced like any other, and the history shows both.
 */
export async function undoChangeSet(session: CoreSession, set: ChangeSet): Promise<void> {
  const db = (await session.readVault()).db;
  const created = new Set(
    set.cells.filter((c) => c.field === 'createdAt').map((c) => `${c.entity}/${c.id}`),
  );
  const cells: Cell[] = [...created].map((key) => {
    const [entity, id] = key.split('/') as [string, string];
    return { entity, id, field: 'deleted', value: true };
  });
  for (const cell of set.cells) {
    if (created.has(`${cell.entity}/${cell.id}`)) continue;
    const previous = first(
      db,
      `SELECT value FROM audit_log WHERE entity = ? AND entity_id = ? AND field = ?
         AND seq < (SELECT min(seq) FROM audit_log WHERE hlc = ? AND entity = ? AND entity_id = ? AND field = ?)
       ORDER BY seq DESC LIMIT 1`,
      [cell.entity, cell.id, cell.field, set.hlc, cell.entity, cell.id, cell.field],
    );
    if (!previous) continue;
    cells.push({
      ...cell,
      value: fieldValue(
        cell.entity as RecordKind,
        cell.field,
        previous.value as string | null,
      ) as Cell['value'],
    });
  }
  if (cells.length === 0) throw new ApiError('NOT_FOUND', 'Nothing to undo');
  await session.commit(cells, { undoable: false });
}
