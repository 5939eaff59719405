/** Every separator the import recognises, so a file stays readable whichever one a tool picks. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/**
 * One CSV field: quoted (with quotes doubled) when it holds a separator, a quote, a line break,
 * or spaces at either end that a spreadsheet might trim.
 */
function csvField(cell: string): string {
  return NEEDS_QUOTES.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * A CSV file as Excel opens it correctly: UTF-8 with a byte-order mark (without one, Excel on
 * Windows reads Cyrillic as Windows-1251), CRLF line ends.
 */
export function toCsv(rows: string[][], delimiter: string): Buffer {
  const lines = rows.map((row) => row.map(csvField).join(delimiter));
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}
