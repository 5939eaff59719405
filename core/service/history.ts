import type { ReadDb } from '../db/handle';
import { ApiError } from '../api/errors';
import type { RecordKind } from '../api/records';
import { auditHash, auditValue, type AuditEdit } from '../db/apply';
import type { Cell, ChangeSet } from '../changes/changeSet';
import { TABLES } from '../changes/entities';
import { hlcTime, parseHlc } from '../changes/hlc';
import { all, first } from '../db/statements';
import { SEED_AUTHOR } from '../model/seed';
import { installRecordId } from '../changes/ids';
import type { CoreSession } from './session';

export interface HistoryEntry {
  time: string;
  author: string;
  authorName: string | null;
  /** `created` for the change set that made the record; otherwise the field it changed. */
  field: string;
  before: unknown;
  after: unknown;
}

export { installRecordId };

/** The name an installation gave itself, or else the name it has in this vault's contacts. */
export function authorName(db: ReadDb, author: string): string | null {
  if (author === SEED_AUTHOR) return 'Vigil';
  const row =
    first(db, 'SELECT name FROM installs WHERE id = ? AND deleted = 0', [
      installRecordId(author),
    ]) ?? first(db, 'SELECT name FROM contacts WHERE install_id = ? AND deleted = 0', [author]);
  return row ? String(row.name) : null;
}

function entry(
  db: ReadDb,
  hlc: string,
  author: string,
  field: string,
  before: unknown,
  after: unknown,
): HistoryEntry {
  return { time: hlcTime(hlc), author, authorName: authorName(db, author), field, before, after };
}

/** Who created a record and when, then every later change to its fields with before and after. */
export function recordHistory(db: ReadDb, kind: RecordKind, id: string): HistoryEntry[] {
  const creation = first(
    db,
    `SELECT h.hlc AS hlc FROM ${TABLES[kind]} t JOIN hlcs h ON h.id = t.clock_base WHERE t.id = ?`,
    [id],
  );
  if (!creation) return [];
  const createdHlc = String(creation.hlc);
  const history = [
    entry(db, createdHlc, parseHlc(createdHlc)?.installId ?? '', 'created', null, null),
  ];
  const edits = all(
    db,
    `SELECT h.hlc AS hlc, l.author AS author, e.field AS field, e.before AS before, e.after AS after
     FROM audit_edits e JOIN audit_log l ON l.seq = e.seq JOIN hlcs h ON h.id = l.hlc_id
     WHERE e.entity_id = ? AND e.entity = ? ORDER BY e.seq`,
    [id, kind],
  );
  for (const row of edits) {
    const field = String(row.field);
    history.push(
      entry(
        db,
        String(row.hlc),
        String(row.author),
        field,
        auditValue(kind, field, row.before as string | null),
        auditValue(kind, field, row.after as string | null),
      ),
    );
  }
  return history;
}

export interface AuditCheck {
  intact: boolean;
  entries: number;
  firstBadEntry: number | null;
}

const CHUNK = 2000;

/**
 * Recomputes the audit log's hash chain in chunks, yielding between them so that commits and
 * reads go on while a large vault is checked. A break means an entry was changed or removed
 * other than through the write path.
 */
export async function verifyAuditChain(db: ReadDb): Promise<AuditCheck> {
  let previous = '';
  let entries = 0;
  let after = 0;
  for (;;) {
    const rows = all(
      db,
      'SELECT l.seq AS seq, h.hlc AS hlc, l.author AS author, l.hash AS hash FROM audit_log l JOIN hlcs h ON h.id = l.hlc_id WHERE l.seq > ? ORDER BY l.seq LIMIT ?',
      [after, CHUNK],
    );
    for (const row of rows) {
      entries++;
      const seq = Number(row.seq);
      const created = all(
        db,
        'SELECT entity, entity_id FROM audit_created WHERE seq = ? ORDER BY entity_id',
        [seq],
      );
      const edits = all(
        db,
        'SELECT entity, entity_id, field, before, after FROM audit_edits WHERE seq = ? ORDER BY rowid',
        [seq],
      );
      const expected = auditHash(
        previous,
        String(row.hlc),
        String(row.author),
        created.map((c) => [String(c.entity), String(c.entity_id)]),
        edits.map((e): AuditEdit => ({
          entity: String(e.entity),
          id: String(e.entity_id),
          field: String(e.field),
          before: e.before as string | null,
          after: String(e.after),
        })),
      );
      if (expected !== row.hash) return { intact: false, entries, firstBadEntry: seq };
      previous = expected;
      after = seq;
    }
    if (rows.length < CHUNK) return { intact: true, entries, firstBadEntry: null };
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Reverses a change set this session committed: records it created are deleted, and fields it
 * overwrote get their previous values back. It is a new edit, journaled and synced like any
 * other, and the history shows both.
 */
export async function undoChangeSet(session: CoreSession, set: ChangeSet): Promise<void> {
  const db = (await session.readVault()).db;
  const audit = first(
    db,
    'SELECT l.seq AS seq FROM audit_log l JOIN hlcs h ON h.id = l.hlc_id WHERE h.hlc = ?',
    [set.hlc],
  );
  if (!audit) throw new ApiError('NOT_FOUND', 'Nothing to undo');
  const cells: Cell[] = [
    ...all(db, 'SELECT entity, entity_id FROM audit_created WHERE seq = ?', [audit.seq!]).map(
      (row) => ({
        entity: String(row.entity),
        id: String(row.entity_id),
        field: 'deleted',
        value: true,
      }),
    ),
    ...all(db, 'SELECT entity, entity_id, field, before FROM audit_edits WHERE seq = ?', [
      audit.seq!,
    ]).map((row) => ({
      entity: String(row.entity),
      id: String(row.entity_id),
      field: String(row.field),
      value: auditValue(
        String(row.entity) as RecordKind,
        String(row.field),
        row.before as string | null,
      ) as Cell['value'],
    })),
  ];
  if (cells.length === 0) throw new ApiError('NOT_FOUND', 'Nothing to undo');
  await session.commit(cells, { undoable: false });
}
