import { unzipSync } from 'fflate';
import readXlsxFile, { readSheet, SheetNotFoundError } from 'read-excel-file/node';
import { ApiError } from '../api/errors';
import { isoFromDay } from '../api/dates';

/** An XLSX file is a ZIP archive; its first bytes say so whatever the file is called. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The old binary Excel format (and other OLE files), which only Excel itself reads well. */
export function isOleFile(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

export interface XlsxLimits {
  maxRows: number;
  maxColumns: number;
  /** Rows x columns: the reader pads every row to the widest one. */
  maxCells: number;
  maxUnzippedBytes: number;
}

/**
 * The rows of one sheet, every cell as text. Numbers come as Excel stored them; dates (numbers
 * with a date format) as YYYY-MM-DD, by calendar arithmetic on the day count, so no time zone
 * can move them.
 */
export async function readXlsx(
  bytes: Uint8Array,
  sheet: string | undefined,
  limits: XlsxLimits,
): Promise<string[][]> {
  checkSize(bytes, limits);
  let data: unknown[][];
  try {
    data = (await readSheet(Buffer.from(bytes), sheet ?? 1, {
      trim: false,
      parseNumber: (text: string) => text,
    })) as unknown[][];
  } catch (err) {
    if (err instanceof SheetNotFoundError) {
      throw new ApiError('IMPORT_SHEET_NOT_FOUND', 'No sheet of that name');
    }
    throw new ApiError('IMPORT_UNREADABLE', 'The workbook cannot be read');
  }
  return data.map((row) => row.map(cellText));
}

/** Every sheet of a workbook, in order, each as `readXlsx` reads one. */
export async function readXlsxSheets(
  bytes: Uint8Array,
  limits: XlsxLimits,
): Promise<{ name: string; rows: string[][] }[]> {
  checkSize(bytes, limits);
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readXlsxFile(Buffer.from(bytes), {
      trim: false,
      parseNumber: (text: string) => text,
    })) as { sheet: string; data: unknown[][] }[];
  } catch {
    throw new ApiError('IMPORT_UNREADABLE', 'The workbook cannot be read');
  }
  return sheets.map(({ sheet, data }) => ({
    name: sheet,
    rows: data.map((row) => row.map(cellText)),
  }));
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return isoFromDay(Math.floor(cell.getTime() / 86_400_000));
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

/**
 * Refuses a workbook whose parts would not fit before the reader allocates them: a ZIP bomb,
 * or a sheet with one far-away cell that would make millions of empty rows and columns.
 */
function checkSize(bytes: Uint8Array, limits: XlsxLimits): void {
  let unzipped = 0;
  let sheets: Record<string, Uint8Array>;
  try {
    sheets = unzipSync(bytes, {
      filter: (file) => {
        unzipped += file.originalSize;
        if (unzipped > limits.maxUnzippedBytes) {
          throw new ApiError('IMPORT_TOO_LARGE', 'The workbook unpacks to too much data');
        }
        return /^xl\/worksheets\/[^/]+\.xml$/.test(file.name);
      },
    });
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError('IMPORT_UNREADABLE', 'The file is not a readable workbook');
  }
  for (const xml of Object.values(sheets)) checkExtent(new TextDecoder().decode(xml), limits);
}

const CELL_OR_ROW = /<(?:[A-Za-z_][\w.-]*:)?(row|c)[\s>/]([^>]*)/g;
const REFERENCE = /\br="([A-Z]*)(\d*)"/;

function checkExtent(xml: string, limits: XlsxLimits): void {
  let rows = 0;
  let columns = 0;
  let cellsInRow = 0;
  for (const [, tag, attributes] of xml.matchAll(CELL_OR_ROW)) {
    const [, letters = '', digits = ''] = REFERENCE.exec(attributes ?? '') ?? [];
    if (tag === 'row') {
      rows = digits ? Number(digits) : rows + 1;
      cellsInRow = 0;
    } else {
      cellsInRow = letters ? columnNumber(letters) : cellsInRow + 1;
      columns = Math.max(columns, cellsInRow);
    }
  }
  if (
    rows > limits.maxRows + 1 ||
    columns > limits.maxColumns ||
    rows * columns > limits.maxCells
  ) {
    throw new ApiError(
      'IMPORT_TOO_LARGE',
      `A sheet spans ${rows} rows and ${columns} columns; the limit is ${limits.maxRows} rows`,
    );
  }
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}
