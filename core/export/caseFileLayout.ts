import { z } from 'zod';
import { RECORD_KINDS } from '../api/records';

/**
 * The layout of a case file, shared by its writer (core/export/caseFile.ts) and its reader
 * (core/import/caseFile.ts): the tables, their columns and how a field's value is written in a
 * cell. Every column but the labels is a field of the record schemas, so the file holds each
 * record whole and import gives it back.
 */

/** The kinds a case file holds, in the order they are written and imported. */
export const CASE_KINDS = [
  'person',
  'proceeding',
  'custodyEvent',
  'riskAssignment',
  'statusEvent',
  'source',
  'citation',
  'thesaurusTerm',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

type FieldName<K extends CaseKind> = keyof z.infer<(typeof RECORD_KINDS)[K]> & string;

interface TableLayout<K extends CaseKind> {
  /** The sheet's name in a workbook. */
  sheet: string;
  /** The file's name in a folder of CSV files. */
  file: string;
  /** Every field of the kind with its header, in the order of the columns. */
  headers: Record<FieldName<K>, string>;
}

export const ID_HEADER = 'Vigil ID';
export const PERSON_HEADER = 'Person Vigil ID';

/**
 * A citation's person, beside the record it cites: not a field (the record says whose it is),
 * but it lets a reader filter the table by person, and the import checks it.
 */
export const CITED_PERSON_HEADER = PERSON_HEADER;

/** Headers are the import's English names where the single-table export has them. */
export const CASE_TABLES: { [K in CaseKind]: TableLayout<K> } = {
  person: {
    sheet: 'Persons',
    file: 'persons.csv',
    headers: {
      externalIds: 'External ids',
      name: 'Name',
      nameLatin: 'Name (Latin)',
      nameVariants: 'Name variants',
      sex: 'Sex',
      birthDate: 'Birth date',
      citizenship: 'Citizenship',
      region: 'Region',
      occupation: 'Occupation',
      notes: 'Notes',
      consent: 'Consent',
    },
  },
  proceeding: {
    sheet: 'Proceedings',
    file: 'proceedings.csv',
    headers: {
      personId: PERSON_HEADER,
      kind: 'Kind',
      articles: 'Articles',
      court: 'Court',
      judge: 'Judge',
      caseNumber: 'Case number',
      openedDate: 'Opened date',
      verdictDate: 'Verdict date',
      sentenceType: 'Sentence type',
      sentenceMonths: 'Sentence (months)',
      sentenceDays: 'Sentence (days)',
      regime: 'Regime',
      appealDate: 'Appeal date',
      appealOutcome: 'Appeal outcome',
      notes: 'Notes',
    },
  },
  custodyEvent: {
    sheet: 'Custody events',
    file: 'custody-events.csv',
    headers: {
      personId: PERSON_HEADER,
      type: 'Type',
      date: 'Date',
      facility: 'Facility',
      releaseType: 'Release type',
      detentionType: 'Detention type',
      proceedingId: 'Proceeding Vigil ID',
      notes: 'Notes',
    },
  },
  riskAssignment: {
    sheet: 'Risk categories',
    file: 'risk-categories.csv',
    headers: {
      personId: PERSON_HEADER,
      category: 'Category',
      startDate: 'Start date',
      endDate: 'End date',
      notes: 'Notes',
    },
  },
  statusEvent: {
    sheet: 'Status history',
    file: 'status-history.csv',
    headers: {
      personId: PERSON_HEADER,
      status: 'Status',
      date: 'Date',
      recognisedBy: 'Recognised by',
      notes: 'Notes',
    },
  },
  source: {
    sheet: 'Sources',
    file: 'sources.csv',
    headers: {
      title: 'Title',
      kind: 'Kind',
      reliability: 'Reliability',
      confidentiality: 'Confidentiality',
      reference: 'Reference',
      date: 'Date',
      notes: 'Notes',
    },
  },
  citation: {
    sheet: 'Citations',
    file: 'citations.csv',
    headers: {
      sourceId: 'Source Vigil ID',
      entity: 'Cited record kind',
      entityId: 'Cited record Vigil ID',
      field: 'Cited field',
      notes: 'Notes',
    },
  },
  thesaurusTerm: {
    sheet: 'Terms',
    file: 'terms.csv',
    headers: {
      thesaurus: 'Thesaurus',
      code: 'Code',
      labelEn: 'Label (en)',
      labelBe: 'Label (be)',
      labelRu: 'Label (ru)',
      address: 'Address',
      deprecated: 'Deprecated',
      sort: 'Sort',
    },
  },
};

/** The fields of a kind in column order. */
export function caseFields<K extends CaseKind>(kind: K): FieldName<K>[] {
  return Object.keys(CASE_TABLES[kind].headers) as FieldName<K>[];
}

type Codec = { type: 'text' | 'list' | 'number' | 'boolean'; nullable: boolean };

const codecs = new Map<string, Codec>();

/** How a field's value is written: read off its schema, so a new field needs no entry here. */
export function codecOf(kind: CaseKind, field: string): Codec {
  const key = `${kind}.${field}`;
  let codec = codecs.get(key);
  if (!codec) {
    let schema = (RECORD_KINDS[kind].shape as Record<string, z.ZodType>)[field]!;
    const nullable = schema instanceof z.ZodNullable;
    if (schema instanceof z.ZodNullable) schema = schema.unwrap() as z.ZodType;
    const type =
      schema instanceof z.ZodArray
        ? 'list'
        : schema instanceof z.ZodNumber
          ? 'number'
          : schema instanceof z.ZodBoolean
            ? 'boolean'
            : 'text';
    codec = { type, nullable };
    codecs.set(key, codec);
  }
  return codec;
}

/**
 * The items of a list cell are joined with `; `, as in the single-table export; a `;` or `\`
 * inside an item is written `\;` or `\\`, so a name variant may hold a semicolon.
 */
const escapeItem = (item: string) => item.replace(/[\\;]/g, (c) => `\\${c}`);

function splitItems(cell: string): string[] {
  const items: string[] = [];
  let item = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i]!;
    if (c === '\\' && i + 1 < cell.length) item += cell[++i];
    else if (c === ';') {
      items.push(item);
      item = '';
    } else item += c;
  }
  items.push(item);
  return items.map((text) => text.trim());
}

/** A field's value as the text of its cell: null and an empty list are an empty cell. */
export function encodeCell(kind: CaseKind, field: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  const { type } = codecOf(kind, field);
  if (type === 'list') return (value as string[]).map(escapeItem).join('; ');
  if (type === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/**
 * The value a cell holds, for the record schema to check; a string saying what is wrong when the
 * cell cannot be one. An empty cell is null where the field may be null: so a citation's
 * field, which may also be '', comes back null.
 */
export function decodeCell(
  kind: CaseKind,
  field: string,
  cell: string,
): { value: unknown } | { problem: string } {
  const { type, nullable } = codecOf(kind, field);
  if (cell === '' && nullable) return { value: null };
  if (type === 'list') return { value: cell.trim() === '' ? [] : splitItems(cell) };
  if (type === 'boolean') {
    if (/^true$/i.test(cell)) return { value: true };
    if (/^false$/i.test(cell)) return { value: false };
    return { problem: 'TRUE or FALSE expected' };
  }
  if (type === 'number') {
    return /^-?\d{1,15}$/.test(cell.trim())
      ? { value: Number(cell.trim()) }
      : { problem: 'a whole number expected' };
  }
  return { value: cell };
}
