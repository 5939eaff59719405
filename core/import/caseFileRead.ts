import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError, type CellPlace, type ErrorCode } from '../api/errors';
import { RECORD_KINDS } from '../api/records';
import { Id } from '../api/schemas';
import {
  CASE_KINDS,
  CASE_TABLES,
  CITED_PERSON_HEADER,
  ID_HEADER,
  caseFields,
  decodeCell,
  type CaseKind,
} from '../export/caseFileLayout';
import { labelHeader } from '../export/columns';
import { CODE_FIELDS } from '../model/codeFields';
import { readTable, readWorkbook, type Table } from './read';

/** One row of a case file, checked against its kind's schema. */
export interface CaseRow {
  id: string;
  /** The row as a spreadsheet numbers it, for messages. */
  row: number;
  fields: Record<string, unknown>;
  /** Citations only: the person column, which the import checks against the cited record. */
  citedPerson?: string;
}

export interface CaseTableRows {
  kind: CaseKind;
  /** The sheet's name, or the CSV file's: what the user looks for. */
  name: string;
  rows: CaseRow[];
  /** Field -> header, for messages about a field. */
  headers: Record<string, string>;
}

/** Refuses the whole file, saying where: nothing has been written at that point. */
export function refuse(code: ErrorCode, place: CellPlace, problem: string): never {
  const where = [place.table, place.row && `row ${place.row}`, place.column]
    .filter(Boolean)
    .join(', ');
  throw new ApiError(code, `${where}: ${problem}`, undefined, place);
}

/**
 * The tables of a case file as `exportCaseFile` writes it: a workbook with a sheet per table
 * (other sheets are not read), or a folder with a CSV file per table (other files are not
 * read). A table that is missing refuses the file.
 */
async function readTables(file: string): Promise<Map<CaseKind, { name: string; table: Table }>> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat) throw new ApiError('IMPORT_UNREADABLE', 'No file or folder at that path');
  const tables = new Map<CaseKind, { name: string; table: Table }>();
  if (stat.isDirectory()) {
    for (const kind of CASE_KINDS) {
      const name = CASE_TABLES[kind].file;
      const csv = path.join(file, name);
      const found = await fs.stat(csv).catch(() => null);
      if (!found?.isFile()) refuse('CASE_FILE_MISSING_TABLE', { table: name }, 'missing');
      tables.set(kind, { name, table: await readTable(csv, undefined, { allowNoRows: true }) });
    }
    return tables;
  }
  const sheets = CASE_KINDS.map((kind) => CASE_TABLES[kind].sheet);
  const workbook = await readWorkbook(file, sheets, { allowNoRows: true });
  for (const kind of CASE_KINDS) {
    const name = CASE_TABLES[kind].sheet;
    const table = workbook.get(name);
    if (!table) refuse('CASE_FILE_MISSING_TABLE', { table: name }, 'missing');
    tables.set(kind, { name, table });
  }
  return tables;
}

/**
 * Header -> field for a table: every column Vigil writes must be there, and no other but the
 * label columns, which are left out (the codes beside them are what counts). An unknown column
 * may be a field of a newer Vigil, which would be lost, so it refuses the file.
 */
function columnFields(kind: CaseKind, name: string, columns: string[]): (string | null)[] {
  const byHeader = new Map<string, string>([[ID_HEADER, 'id']]);
  if (kind === 'citation') byHeader.set(CITED_PERSON_HEADER, 'citedPerson');
  const headers = CASE_TABLES[kind].headers as Record<string, string>;
  for (const field of caseFields(kind)) byHeader.set(headers[field]!, field);
  const labels = new Set(Object.keys(CODE_FIELDS[kind] ?? {}).map((f) => labelHeader(headers[f]!)));
  for (const column of columns) {
    if (!byHeader.has(column) && !labels.has(column)) {
      refuse('CASE_FILE_BAD_COLUMNS', { table: name, column }, 'not a column of this table');
    }
  }
  for (const header of byHeader.keys()) {
    if (!columns.includes(header)) {
      refuse('CASE_FILE_BAD_COLUMNS', { table: name, column: header }, 'missing');
    }
  }
  return columns.map((column) => byHeader.get(column) ?? null);
}

function readRows(kind: CaseKind, name: string, table: Table): CaseTableRows {
  const headers = CASE_TABLES[kind].headers as Record<string, string>;
  const fieldOf = columnFields(kind, name, table.columns);
  const seen = new Set<string>();
  const rows = table.rows.map(({ row, cells }): CaseRow => {
    if (cells.slice(fieldOf.length).some((cell) => cell.trim() !== '')) {
      refuse('CASE_FILE_BAD_CELL', { table: name, row }, 'more cells than headers');
    }
    const raw: Record<string, string> = {};
    fieldOf.forEach((field, i) => {
      if (field !== null) raw[field] = cells[i] ?? '';
    });
    const id = raw.id!;
    if (!Id.safeParse(id).success || seen.has(id)) {
      const problem = seen.has(id) ? 'the id is used twice' : 'not a Vigil id';
      refuse('CASE_FILE_BAD_CELL', { table: name, row, column: ID_HEADER }, problem);
    }
    seen.add(id);
    const fields: Record<string, unknown> = {};
    for (const field of caseFields(kind)) {
      const decoded = decodeCell(kind, field, raw[field]!);
      if ('problem' in decoded) {
        refuse(
          'CASE_FILE_BAD_CELL',
          { table: name, row, column: headers[field]! },
          decoded.problem,
        );
      }
      fields[field] = decoded.value;
    }
    const parsed = RECORD_KINDS[kind].safeParse(fields);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const column = headers[String(issue.path[0])] ?? ID_HEADER;
      refuse('CASE_FILE_BAD_CELL', { table: name, row, column }, issue.message);
    }
    return {
      id,
      row,
      fields: parsed.data as Record<string, unknown>,
      ...(kind === 'citation' ? { citedPerson: raw.citedPerson } : {}),
    };
  });
  return { kind, name, rows, headers };
}

/** Every table of the case file at `file`, each row checked against its kind's schema. */
export async function readCaseFile(file: string): Promise<Map<CaseKind, CaseTableRows>> {
  const tables = await readTables(file);
  const read = new Map<CaseKind, CaseTableRows>();
  for (const [kind, { name, table }] of tables) read.set(kind, readRows(kind, name, table));
  return read;
}
