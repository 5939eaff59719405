import type { ImportTarget } from '../api/import';
import type { ImportCounts } from '../api/importRuns';
import { RECORD_DEFAULTS, RECORD_KINDS, type RecordKind } from '../api/records';
import type { Cell } from '../changes/changeSet';
import { newRecordId } from '../changes/ids';
import type { RowReader } from './rowReader';

export interface PlannedRecord {
  kind: RecordKind;
  fields: Record<string, unknown>;
  /** Person table: the record belongs to the person created from the same row. */
  ofRowPerson: boolean;
  /** Set when the row updates this record: `fields` are then only the fields that change. */
  existingId?: string;
  /** The id a new record takes, when the file gives one; a random one otherwise. */
  newId?: string;
}

/** What importing a row does: adds, changes or leaves a record, or nothing (a skipped duplicate). */
export type RowOutcome = 'new' | 'changed' | 'unchanged' | 'skipped';

export interface PlannedRow {
  row: number;
  records: PlannedRecord[];
  valid: boolean;
  outcome: RowOutcome;
  /** The row's person looks like one in the vault, by name and birth year. */
  duplicate: boolean;
}

/** Stands in for the id of a person not created yet, so dependent records can be checked. */
export const PLACEHOLDER_ID = '0'.repeat(32);

/**
 * Checks a record against its kind's schema, the same one every write through the API obeys.
 * `targetOf` says which column a field came from, for the message. `base` is the record as
 * the vault has it, for an update.
 */
export function validate(
  r: RowReader,
  kind: RecordKind,
  fields: Record<string, unknown>,
  targetOf: (field: string) => ImportTarget | null,
  ofRowPerson: boolean,
  base: Record<string, unknown> = RECORD_DEFAULTS[kind],
): PlannedRecord {
  const record = { ...base, ...fields };
  const checked = ofRowPerson ? { ...record, personId: PLACEHOLDER_ID } : record;
  const parsed = RECORD_KINDS[kind].safeParse(checked);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      // A cell already reported (a blank name, say) needs no second message.
      if (!r.hasError(targetOf(field)))
        r.error('INVALID', targetOf(field), `${field}: ${issue.message}`);
    }
    return { kind, fields: record, ofRowPerson };
  }
  const data = parsed.data as Record<string, unknown>;
  if (ofRowPerson) delete data.personId;
  return { kind, fields: data, ofRowPerson };
}

const COUNTED: Partial<Record<RecordKind, keyof ImportCounts>> = {
  person: 'personsCreated',
  proceeding: 'proceedingsCreated',
  statusEvent: 'statusesCreated',
  custodyEvent: 'eventsCreated',
  riskAssignment: 'eventsCreated',
};

function bump(counts: Partial<ImportCounts>, key: keyof ImportCounts): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/**
 * The cells of a row: new records with fresh random ids (and their creation time, a value in
 * the record so replay and sync never compute it), or the changed fields of existing ones.
 */
export function rowCells(
  row: PlannedRow,
  createdAt: string,
  counts: Partial<ImportCounts>,
): Cell[] {
  if (row.outcome === 'unchanged') bump(counts, 'unchanged');
  if (row.outcome === 'changed' && row.records.some((r) => r.kind === 'person' && r.existingId)) {
    bump(counts, 'personsUpdated');
  }
  const cells: Cell[] = [];
  let personId: string | null = null;
  for (const record of row.records) {
    const id = record.existingId ?? record.newId ?? newRecordId();
    const fields = record.ofRowPerson ? { ...record.fields, personId } : record.fields;
    if (record.kind === 'person') personId = id;
    for (const [field, value] of Object.entries(fields)) {
      cells.push({ entity: record.kind, id, field, value: value as Cell['value'] });
    }
    if (record.existingId) continue;
    cells.push({ entity: record.kind, id, field: 'createdAt', value: createdAt });
    const counted = COUNTED[record.kind];
    if (counted) bump(counts, counted);
  }
  return cells;
}
