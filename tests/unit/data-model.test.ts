import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AGE_BANDS, STAGES } from '../../core/api/figureDefinitions';
import { BreakdownDimension } from '../../core/api/figures';
import {
  CitableEntity,
  Confidentiality,
  Consent,
  CustodyEventType,
  ProceedingKind,
  RECORD_DEFAULTS,
  RECORD_KINDS,
  Reliability,
  Sex,
  SourceKind,
  StatusKind,
  THESAURI,
  type RecordKind,
} from '../../core/api/records';
import { codecOf, fieldsOf, snakeCase, TABLES } from '../../core/changes/entities';
import { writableDb, type WriteDb } from '../../core/db/handle';
import { migrate } from '../../core/db/schema';
import { loadSqlJs } from '../../core/db/sqlite';
import { EVENT_TYPES } from '../../core/stats/custody';
import en from '../../resources/locales/en/translation.json';

/**
 * The zod schemas of core/api/records.ts are the data model. Everything else that lists the
 * same facts (the DDL, the kind -> table map, the figures' event types, the labels of the
 * renderer) is checked against them here, so a field added to a schema and forgotten elsewhere
 * fails a test instead of a user's save.
 */

/** Columns every record table has besides its fields (see core/db/schema.ts). */
const RECORD_META_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'deleted',
  'clock_base',
  'clock',
  'bases',
];

interface Column {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
}

let db: WriteDb;
const KINDS = Object.keys(RECORD_KINDS) as RecordKind[];

beforeAll(async () => {
  const SQL = await loadSqlJs();
  db = writableDb(new SQL.Database());
  migrate(db);
});

function columns(table: string): Map<string, Column> {
  const result = db.exec(`PRAGMA table_info(${table})`)[0];
  const rows = (result?.values ?? []).map(
    (row) => Object.fromEntries(result!.columns.map((c, i) => [c, row[i]])) as unknown as Column,
  );
  return new Map(rows.map((column) => [column.name, column]));
}

function fieldSchema(kind: RecordKind, field: string): z.ZodType {
  return (RECORD_KINDS[kind].shape as Record<string, z.ZodType>)[field]!;
}

function unwrapped(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (inner instanceof z.ZodNullable || inner instanceof z.ZodOptional) {
    inner = inner.unwrap() as z.ZodType;
  }
  return inner;
}

/** The SQL type a field's values are stored as (see `codecOf`). */
function sqlType(kind: RecordKind, field: string): string {
  const codec = codecOf(kind, field);
  if (codec === 'json') return 'TEXT';
  if (codec === 'bool' || unwrapped(fieldSchema(kind, field)) instanceof z.ZodNumber) {
    return 'INTEGER';
  }
  return 'TEXT';
}

/** A default value as `PRAGMA table_info` spells it. */
function sqlDefault(kind: RecordKind, field: string, value: unknown): string | null {
  if (value === null) return null;
  const codec = codecOf(kind, field);
  if (codec === 'json') return `'${JSON.stringify(value)}'`;
  if (codec === 'bool') return value ? '1' : '0';
  return typeof value === 'number' ? String(value) : `'${String(value)}'`;
}

describe('the data model and its other copies', () => {
  it('maps every kind to its own table, and the table exists', () => {
    expect(Object.keys(TABLES).sort()).toEqual([...KINDS].sort());
    expect(new Set(Object.values(TABLES)).size).toBe(KINDS.length);
    for (const kind of KINDS) expect(columns(TABLES[kind]).size, kind).toBeGreaterThan(0);
  });

  it.each(KINDS)('gives a %s a column per field, snake_cased, and the record columns', (kind) => {
    // Besides them, a person has the sort keys of their name, derived data (core/db/sortKeys.ts).
    const derived = kind === 'person' ? ['sort_en', 'sort_be', 'sort_ru'] : [];
    const expected = [...RECORD_META_COLUMNS, ...fieldsOf(kind).map(snakeCase), ...derived];
    expect([...columns(TABLES[kind]).keys()].sort()).toEqual(expected.sort());
  });

  it.each(KINDS)('stores each field of a %s as its schema says', (kind) => {
    const table = columns(TABLES[kind]);
    for (const field of fieldsOf(kind)) {
      const column = table.get(snakeCase(field))!;
      const nullable = fieldSchema(kind, field).safeParse(null).success;
      expect({ field, type: column.type, nullable: column.notnull === 0 }).toEqual({
        field,
        type: sqlType(kind, field),
        nullable,
      });
    }
  });

  it.each(KINDS)("uses a new %s's defaults as its column defaults", (kind) => {
    const table = columns(TABLES[kind]);
    for (const [field, value] of Object.entries(RECORD_DEFAULTS[kind])) {
      expect({ field, default: table.get(snakeCase(field))!.dflt_value }).toEqual({
        field,
        default: sqlDefault(kind, field, value),
      });
    }
  });

  it('cites only kinds of record', () => {
    for (const entity of CitableEntity.options) expect(KINDS).toContain(entity);
  });

  it('orders every custody event type for the figures, and no other', () => {
    expect([...EVENT_TYPES].sort()).toEqual([...CustodyEventType.options].sort());
  });

  it('has a label for every value the schemas allow, and none for others', () => {
    const keys = (labels: object) => Object.keys(labels).sort();
    const values = (options: readonly string[]) => [...options].sort();
    expect(keys(en.person.sexes)).toEqual(values(Sex.options));
    expect(keys(en.person.consents)).toEqual(values(Consent.options));
    expect(keys(en.timeline.proceedingKinds)).toEqual(values(ProceedingKind.options));
    expect(keys(en.timeline.statuses)).toEqual(values(StatusKind.options));
    expect(keys(en.sources.kinds)).toEqual(values(SourceKind.options));
    expect(keys(en.sources.reliability)).toEqual(values(Reliability.options));
    expect(keys(en.sources.confidentiality)).toEqual(values(Confidentiality.options));
    expect(keys(en.thesauri.names)).toEqual(values(THESAURI));
    expect(keys(en.figures.breakdown.dimensions)).toEqual(values(BreakdownDimension.options));
    expect(keys(en.figures.ageBands)).toEqual(values(AGE_BANDS));
    expect(keys(en.figures.stages)).toEqual(values(STAGES));
    // The timeline labels custody events by type and other records by kind.
    expect(keys(en.timeline.types)).toEqual(
      values([...CustodyEventType.options, 'proceeding', 'statusEvent', 'riskAssignment']),
    );
  });

  it('names every field of every kind in the history', () => {
    // `kind` is labelled by the record it belongs to (renderer/src/history/historyValue.ts).
    const fields = new Set(KINDS.flatMap(fieldsOf).filter((field) => field !== 'kind'));
    for (const field of fields) expect(Object.keys(en.history.fields)).toContain(field);
  });
});
