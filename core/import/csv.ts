import { ApiError } from '../api/errors';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

/**
 * Turns the bytes of a CSV file into text. A byte-order mark says UTF-8 or UTF-16; without one
 * the bytes must be valid UTF-8, or else they are taken as Windows-1251, which Excel uses for
 * "CSV" in Belarusian and Russian Windows. TextDecoder drops the mark itself.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const encoding = detectEncoding(bytes);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: encoding !== 'windows-1251' }).decode(bytes);
  } catch {
    throw new ApiError('IMPORT_UNREADABLE', `The file is not valid ${encoding}`);
  }
  if (looksBinary(text)) throw new ApiError('IMPORT_UNREADABLE', 'The file is not text');
  return { text, encoding };
}

function detectEncoding(bytes: Uint8Array): CsvEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1251';
  }
}

/**
 * Windows-1251 gives a character for almost every byte, so garbage decodes "successfully";
 * control characters betray it. A NUL never appears in text, and one stray control character
 * in a large file is tolerated.
 */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const controls = text.match(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0;
  return controls > Math.max(8, text.length / 1000);
}

const CANDIDATES = [',', ';', '\t'] as const;

/** The separator used most in the header line (outside quotes); a comma when there is none. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best: string = ',';
  for (const c of CANDIDATES) if (counts.get(c)! > counts.get(best)!) best = c;
  return best;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * RFC 4180 records: fields separated by `delimiter`, records by CRLF, LF or CR, a quoted field
 * may hold separators, line breaks and doubled quotes. Text after a closing quote is kept, as
 * spreadsheets do. Stops with IMPORT_TOO_LARGE past `maxRecords`.
 */
export function parseCsv(text: string, delimiter: string, maxRecords: number): string[][] {
  const sep = delimiter.charCodeAt(0);
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text.charCodeAt(i) === QUOTE) {
      [field, i] = readQuoted(text, i + 1, records.length + 1);
    }
    const end = fieldEnd(text, i, sep);
    field += text.slice(i, end);
    i = end;
    record.push(field);
    const c = text.charCodeAt(i);
    if (c === sep) {
      i++;
      if (i === text.length) record.push('');
      continue;
    }
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    records.push(record);
    record = [];
    if (records.length > maxRecords) {
      throw new ApiError('IMPORT_TOO_LARGE', `More than ${maxRecords - 1} rows`);
    }
  }
  if (record.length > 0) records.push(record);
  return records;
}

/** Reads a quoted field from just after its opening quote; returns it and where it ended. */
function readQuoted(text: string, start: number, recordNumber: number): [string, number] {
  let value = '';
  let i = start;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) {
      throw new ApiError(
        'IMPORT_UNREADABLE',
        `A quoted field in row ${recordNumber} is never closed`,
      );
    }
    value += text.slice(i, q);
    if (text.charCodeAt(q + 1) !== QUOTE) return [value, q + 1];
    value += '"';
    i = q + 2;
  }
}

function fieldEnd(text: string, start: number, sep: number): number {
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === sep || c === CR || c === LF) break;
    i++;
  }
  return i;
}
