import { ApiError } from '../api/errors';
import { LOCAL_KINDS, type RecordKind } from '../api/records';
import type { Conflict } from '../api/sync';
import { TABLES, isRecordKind, snakeCase } from '../changes/entities';
import { hlcTime, parseHlc } from '../changes/hlc';
import type { ReadDb } from '../db/handle';
import { all, first } from '../db/statements';
import { fromSql } from '../db/syncLog';
import type { SyncAccess } from './access';

/** The review queue: field conflicts kept by the write path, and edits made over a delete. */
export function listConflicts(db: ReadDb, names: (author: string) => string | null): Conflict[] {
  const side = (hlc: string, value: unknown) => {
    const author = parseHlc(hlc)?.installId ?? '';
    return { value, author, authorName: names(author), time: hlcTime(hlc) };
  };
  const out: Conflict[] = [];
  for (const row of all(db, 'SELECT * FROM sync_conflicts ORDER BY entity, entity_id, field')) {
    const entity = String(row.entity);
    if (!isRecordKind(entity)) continue;
    const id = String(row.entity_id);
    const field = String(row.field);
    const current = first(
      db,
      `SELECT ${snakeCase(field)} AS value FROM ${TABLES[entity]} WHERE id = ?`,
      [id],
    );
    if (!current) continue;
    const other = JSON.parse(String(row.other_value ?? 'null')) as string | number | null;
    out.push({
      kind: 'field',
      entity,
      id,
      field,
      ...personOf(db, entity, id),
      winner: side(String(row.winner), fromSql(entity, field, current.value ?? null)),
      other: side(String(row.other), fromSql(entity, field, other)),
    });
  }
  for (const kind of Object.keys(TABLES) as RecordKind[]) {
    if (LOCAL_KINDS.has(kind)) continue;
    out.push(...editedAfterDelete(db, kind, side));
  }
  return out;
}

/**
 * A deleted record with a field written after the delete: someone edited it without having
 * seen the delete. It stays deleted (a delete is never undone silently) until the user chooses.
 */
function editedAfterDelete(
  db: ReadDb,
  kind: RecordKind,
  side: (hlc: string, value: unknown) => Conflict['winner'],
): Conflict[] {
  const rows = all(
    db,
    `SELECT t.id AS id, t.clock AS clock, h.hlc AS base FROM ${TABLES[kind]} t
     LEFT JOIN hlcs h ON h.id = t.clock_base WHERE t.deleted = 1`,
  );
  return rows.flatMap((row) => {
    const clock = JSON.parse(String(row.clock)) as Record<string, string>;
    const deletedAt = clock.deleted ?? String(row.base ?? '');
    // The latest field, and of fields one set wrote together the first by name: the order of
    // the clock's keys is the order sets arrived in here, which differs between vaults.
    const later = Object.entries(clock)
      .filter(([field, hlc]) => field !== 'deleted' && hlc > deletedAt)
      .sort(([fa, a], [fb, b]) => (a !== b ? (a < b ? 1 : -1) : fa < fb ? -1 : 1))[0];
    if (!later) return [];
    const id = String(row.id);
    return [
      {
        kind: 'deleted' as const,
        entity: kind,
        id,
        field: 'deleted',
        ...personOf(db, kind, id),
        winner: side(deletedAt, true),
        other: side(later[1], later[0]),
      },
    ];
  });
}

function personOf(
  db: ReadDb,
  kind: RecordKind,
  id: string,
): { personId: string | null; personName: string | null } {
  const personId =
    kind === 'person'
      ? id
      : ['statusEvent', 'proceeding', 'custodyEvent', 'riskAssignment'].includes(kind)
        ? ((first(db, `SELECT person_id AS p FROM ${TABLES[kind]} WHERE id = ?`, [id])?.p as
            string | undefined) ?? null)
        : null;
  const name = personId
    ? first(db, 'SELECT name FROM persons WHERE id = ?', [personId])?.name
    : null;
  return { personId, personName: name ? String(name) : null };
}

/**
 * Settles a conflict by a new edit made over the applied value, which every vault receiving it
 * takes as seen: keeping the winner writes it again, the other value is written instead; for an
 * edit over a delete, the record is deleted again or restored.
 */
export async function resolveConflict(
  access: SyncAccess,
  args: { entity: string; id: string; field: string; keep: 'winner' | 'other' },
  names: (author: string) => string | null,
): Promise<{ remaining: number }> {
  const db = (await access.readVault()).db;
  const conflict = listConflicts(db, names).find(
    (c) => c.entity === args.entity && c.id === args.id && c.field === args.field,
  );
  if (!conflict) throw new ApiError('NOT_FOUND', 'No such conflict');
  const value =
    conflict.kind === 'deleted'
      ? args.keep === 'winner'
      : ((args.keep === 'winner' ? conflict.winner.value : conflict.other.value) as never);
  await access.commit([{ entity: args.entity, id: args.id, field: args.field, value }]);
  return { remaining: listConflicts((await access.readVault()).db, names).length };
}
