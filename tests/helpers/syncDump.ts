import { LOCAL_KINDS, type RecordKind } from '../../core/api/records';
import { fieldsOf, TABLES } from '../../core/changes/entities';
import type { Conflict } from '../../core/api/sync';
import { compareConflicts, type ExpectedConflict } from './syncModel';
import type { TestCore } from './session';

/** The record kinds that travel between vaults; the others are each vault's own. */
const SHARED_KINDS = (Object.keys(TABLES) as RecordKind[]).filter((kind) => !LOCAL_KINDS.has(kind));

type Row = Record<string, unknown>;

/**
 * Every shared record table of the open vault, rows ordered by id, in a form that must be the
 * same in every vault holding the same change sets:
 * - every field column and `deleted`: the merged values themselves;
 * - `created_at` and `updated_at`: the earliest and latest time of the sets that touched the
 *   record, which do not depend on the order the sets arrived in;
 * - `clock`, resolved to timestamps: for each field, the timestamp of the value it holds (an
 *   entry missing from the JSON means the record's first set, `clock_base`); it decides which
 *   later edit wins, so vaults that disagreed on it would diverge on the next edit;
 * - `bases`, with its keys sorted: the value the winning edit was made over, which decides
 *   whether a later, older value is a conflict.
 * `clock_base` itself is left out: it is a row number in this vault's own `hlcs` table.
 */
export async function canonicalDump(core: TestCore): Promise<Record<string, Row[]>> {
  const db = (await core.session.readVault()).db;
  const dump: Record<string, Row[]> = {};
  for (const kind of SHARED_KINDS) {
    const result = db.exec(
      `SELECT t.*, h.hlc AS base_hlc FROM ${TABLES[kind]} t
       LEFT JOIN hlcs h ON h.id = t.clock_base ORDER BY t.id`,
    )[0];
    const columns = result?.columns ?? [];
    dump[kind] = (result?.values ?? []).map((values) => {
      const row: Row = Object.fromEntries(columns.map((c, i) => [c, values[i]]));
      const clock = JSON.parse(String(row.clock)) as Record<string, string>;
      const bases = JSON.parse(String(row.bases)) as Record<string, string>;
      const timestamps = Object.fromEntries(
        ['deleted', ...fieldsOf(kind)].map((field) => [field, clock[field] ?? row.base_hlc]),
      );
      // clock_base and the timestamp it names are covered by the resolved clock.
      const kept = columns.filter((c) => !['clock_base', 'base_hlc', 'clock', 'bases'].includes(c));
      return {
        ...Object.fromEntries(kept.map((c) => [c, row[c]])),
        clock: timestamps,
        bases: Object.fromEntries(Object.entries(bases).sort(([a], [b]) => (a < b ? -1 : 1))),
      };
    });
  }
  return dump;
}

/** The conflict queue without the names this vault gives authors, in a fixed order. */
export async function conflictQueue(core: TestCore): Promise<ExpectedConflict[]> {
  const listed: Conflict[] = await core.call('listConflicts', {});
  const side = ({ value, author, time }: Conflict['winner']) => ({ value, author, time });
  return listed
    .map((c) => ({
      kind: c.kind,
      entity: c.entity,
      id: c.id,
      field: c.field,
      personId: c.personId,
      personName: c.personName,
      winner: side(c.winner),
      other: side(c.other),
    }))
    .sort(compareConflicts);
}
