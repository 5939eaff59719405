import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors';
import { restoreFormula } from '../export/formula';
import { decodeText, detectDelimiter, parseCsv } from './csv';
import { isOleFile, isZip, readXlsx, readXlsxSheets } from './xlsx';

/**
 * What a file may hold before it is refused unread: room for an organisation's register and
 * its events (100,000 persons, ten events each), never for a file that would exhaust memory.
 */
export const LIMITS = {
  maxBytes: 200 * 1024 * 1024,
  maxRows: 2_000_000,
  maxColumns: 1000,
  maxCells: 20_000_000,
  maxUnzippedBytes: 1024 * 1024 * 1024,
};

export interface TableRow {
  /** The row as a spreadsheet numbers it: the header is row 1. */
  row: number;
  cells: string[];
}

export interface Table {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  columns: string[];
  renamedColumns: { column: string; original: string }[];
  rows: TableRow[];
}

export interface ReadOptions {
  /** A header without rows is a table of no rows rather than IMPORT_NO_ROWS (case files). */
  allowNoRows?: boolean;
}

/**
 * Reads a CSV file or one sheet of an XLSX workbook from disk as a table of text cells. The
 * core reads the file itself, by path: the renderer never touches files.
 */
export async function readTable(
  file: string,
  sheet?: string,
  options: ReadOptions = {},
): Promise<Table> {
  return tableOf(await readBytes(file), file, sheet, options);
}

/** The table in a file's bytes, read from `file` by `readBytes`, as `readTable` reads it. */
export async function tableOf(
  bytes: Uint8Array,
  file: string,
  sheet?: string,
  options: ReadOptions = {},
): Promise<Table> {
  checkNotOld(bytes);
  if (isZip(bytes)) {
    const records = await readXlsx(bytes, sheet, LIMITS);
    return { format: 'xlsx', encoding: null, delimiter: null, ...toTable(records, options) };
  }
  if (path.extname(file).toLowerCase() === '.xlsx') {
    throw new ApiError('IMPORT_UNREADABLE', 'The file is not a workbook');
  }
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') throw new ApiError('IMPORT_EMPTY', 'The file is empty');
  const delimiter = detectDelimiter(text);
  const records = parseCsv(text, delimiter, LIMITS.maxRows + 1);
  return { format: 'csv', encoding, delimiter, ...toTable(records, options) };
}

/**
 * The named sheets of an XLSX workbook, read as `readTable` reads one; a sheet it does not have
 * is missing from the map, and other sheets are not read.
 */
export async function readWorkbook(
  file: string,
  sheets: readonly string[],
  options: ReadOptions = {},
): Promise<Map<string, Table>> {
  const bytes = await readBytes(file);
  checkNotOld(bytes);
  if (!isZip(bytes)) throw new ApiError('IMPORT_UNREADABLE', 'The file is not a workbook');
  const tables = new Map<string, Table>();
  for (const sheet of await readXlsxSheets(bytes, LIMITS)) {
    if (!sheets.includes(sheet.name) || tables.has(sheet.name)) continue;
    const table = toTable(sheet.rows, options);
    tables.set(sheet.name, { format: 'xlsx', encoding: null, delimiter: null, ...table });
  }
  return tables;
}

function checkNotOld(bytes: Uint8Array): void {
  if (isOleFile(bytes)) {
    throw new ApiError('IMPORT_UNREADABLE', 'Old .xls workbooks must be saved as .xlsx first');
  }
}

/** A file's bytes, refused unread when it is not a file or is over the size limit. */
export async function readBytes(file: string): Promise<Uint8Array> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new ApiError('IMPORT_UNREADABLE', 'No file at that path');
  if (stat.size > LIMITS.maxBytes) {
    throw new ApiError('IMPORT_TOO_LARGE', `The file is over ${LIMITS.maxBytes} bytes`);
  }
  if (stat.size === 0) throw new ApiError('IMPORT_EMPTY', 'The file is empty');
  try {
    return await fs.readFile(file);
  } catch {
    throw new ApiError('IMPORT_UNREADABLE', 'The file cannot be read');
  }
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** The first non-blank record is the header; blank rows below it are skipped, not renumbered. */
function toTable(
  records: string[][],
  options: ReadOptions,
): Pick<Table, 'columns' | 'renamedColumns' | 'rows'> {
  const start = records.findIndex((record) => !isBlank(record));
  if (start < 0) throw new ApiError('IMPORT_EMPTY', 'The file has no header row');
  const rows = records
    .slice(start + 1)
    .map((cells, i) => ({ row: start + i + 2, cells: cells.map(restoreFormula) }))
    .filter((row) => !isBlank(row.cells));
  if (rows.length === 0 && !options.allowNoRows) {
    throw new ApiError('IMPORT_NO_ROWS', 'The file has only a header row');
  }
  if (rows.length > LIMITS.maxRows) {
    throw new ApiError('IMPORT_TOO_LARGE', `More than ${LIMITS.maxRows} rows`);
  }
  return { ...uniqueColumns(withoutTrailingBlanks(records[start]!)), rows };
}

/**
 * Blank cells at the end of the header row are no columns. Values below them are reported as
 * extra cells: they usually mean a row whose separators went wrong.
 */
function withoutTrailingBlanks(header: string[]): string[] {
  let width = header.length;
  while (width > 0 && header[width - 1]!.trim() === '') width--;
  return header.slice(0, width);
}

/** Blank headers become "Column N" and repeated ones "Name (2)", so a mapping can name each. */
function uniqueColumns(header: string[]): Pick<Table, 'columns' | 'renamedColumns'> {
  const seen = new Set<string>();
  const renamedColumns: Table['renamedColumns'] = [];
  const columns = header.map((original, i) => {
    const base = original.trim() || `Column ${i + 1}`;
    let column = base;
    for (let n = 2; seen.has(column); n++) column = `${base} (${n})`;
    seen.add(column);
    if (column !== original.trim()) renamedColumns.push({ column, original });
    return column;
  });
  return { columns, renamedColumns };
}
