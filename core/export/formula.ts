/**
 * Spreadsheet formula injection. A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return can run as a formula when a spreadsheet opens the file, so the export puts an
 * apostrophe in front of it, which spreadsheets read as "this is text". To keep export then
 * import lossless, a value that already starts with apostrophes followed by such a character
 * gets one more, and the import takes exactly one off whenever what follows would need it.
 */
const TRIGGER = /^'*[=+\-@\t\r]/;

function needsPrefix(value: string): boolean {
  return TRIGGER.test(value);
}

export function neutraliseFormula(value: string): string {
  return needsPrefix(value) ? `'${value}` : value;
}

/** The inverse of `neutraliseFormula`, for every string. */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && needsPrefix(cell.slice(1)) ? cell.slice(1) : cell;
}
