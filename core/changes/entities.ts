import { z } from 'zod';
import { RECORD_KINDS, type RecordKind } from '../api/records';

/**
 * The allowlist of what a change record may touch: record kind -> table, field -> column.
 * Fields come from the record schemas (plus `createdAt` and `deleted`, which every record has);
 * SQL identifiers come only from here, never from input.
 */
export const TABLES: { [K in RecordKind]: string } = {
  person: 'persons',
  statusEvent: 'status_events',
  proceeding: 'proceedings',
  custodyEvent: 'custody_events',
  riskAssignment: 'risk_assignments',
  source: 'sources',
  citation: 'citations',
  thesaurusTerm: 'thesaurus_terms',
  install: 'installs',
  importMapping: 'import_mappings',
  importRun: 'import_runs',
  savedCount: 'saved_counts',
  reportDefinition: 'report_definitions',
  figureSnapshot: 'figure_snapshots',
  syncIdentity: 'sync_identities',
  contact: 'contacts',
  syncAttestation: 'sync_attestations',
  syncReceipt: 'sync_receipts',
};

const META_FIELDS = ['createdAt', 'deleted'] as const;

export function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export function isRecordKind(entity: string): entity is RecordKind {
  return Object.prototype.hasOwnProperty.call(TABLES, entity);
}

/**
 * Answers about the schemas, worked out once per kind and field: the write path asks them for
 * every cell, and reading a zod schema's shape each time was a tenth of a bulk load.
 */
const fieldLists = new Map<RecordKind, readonly string[]>();
const columns = new Map<string, { table: string; column: string } | null>();
const codecs = new Map<string, Codec>();

export function fieldsOf(kind: RecordKind): readonly string[] {
  let fields = fieldLists.get(kind);
  if (!fields) {
    fields = Object.freeze(Object.keys(RECORD_KINDS[kind].shape));
    fieldLists.set(kind, fields);
  }
  return fields;
}

export function columnFor(entity: string, field: string): { table: string; column: string } | null {
  const key = `${entity}.${field}`;
  let column = columns.get(key);
  if (column === undefined) {
    column = findColumn(entity, field);
    // Only known fields are kept: input names an unbounded number of unknown ones.
    if (column) columns.set(key, column);
  }
  return column;
}

function findColumn(entity: string, field: string): { table: string; column: string } | null {
  if (!isRecordKind(entity)) return null;
  const known =
    (META_FIELDS as readonly string[]).includes(field) || fieldsOf(entity).includes(field);
  return known ? { table: TABLES[entity], column: snakeCase(field) } : null;
}

/** The meta fields every record has, with the values they take. */
const META_SCHEMAS: Record<(typeof META_FIELDS)[number], z.ZodType> = {
  createdAt: z.iso.datetime(),
  deleted: z.boolean(),
};

/** The schema a cell's value must satisfy, or null when the entity or field is not known. */
export function fieldSchema(entity: string, field: string): z.ZodType | null {
  if (!isRecordKind(entity)) return null;
  if (Object.prototype.hasOwnProperty.call(META_SCHEMAS, field))
    return META_SCHEMAS[field as (typeof META_FIELDS)[number]];
  const shape = RECORD_KINDS[entity].shape as Record<string, z.ZodType>;
  return Object.prototype.hasOwnProperty.call(shape, field) ? shape[field]! : null;
}

/** How a field's value is stored in its column: arrays as JSON text, booleans as 0/1. */
export type Codec = 'json' | 'bool' | 'plain';

export function codecOf(kind: RecordKind, field: string): Codec {
  const key = `${kind}.${field}`;
  let codec = codecs.get(key);
  if (codec === undefined) {
    codec = findCodec(kind, field);
    // Only fields of the kind are kept (the write path asks only about those).
    if (columnFor(kind, field)) codecs.set(key, codec);
  }
  return codec;
}

function findCodec(kind: RecordKind, field: string): Codec {
  if (field === 'deleted') return 'bool';
  let schema = (RECORD_KINDS[kind].shape as Record<string, z.ZodType>)[field];
  while (
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodDefault
  ) {
    schema = schema.unwrap() as z.ZodType;
  }
  if (schema instanceof z.ZodArray) return 'json';
  if (schema instanceof z.ZodBoolean) return 'bool';
  return 'plain';
}
