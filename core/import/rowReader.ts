import { DEFAULT_SCHEME } from '../api/externalIds';
import type {
  ImportMapping,
  ImportProblem,
  ImportSchemes,
  ImportTarget,
  ProblemCode,
} from '../api/import';
import { parseDateCell } from './dates';
import { compactKey } from './headers';
import type { TableRow } from './read';

const MAX_VALUE_SHOWN = 100;

export interface Column {
  index: number;
  name: string;
  /** For a column of external ids: the register they belong to. */
  scheme: string;
}

/** Where each target's column is; `externalId` may have several, one per scheme. */
export interface Columns {
  byTarget: Map<ImportTarget, Column>;
  externalIds: Column[];
}

export function columnsOf(
  columns: string[],
  mapping: ImportMapping,
  schemes: ImportSchemes = {},
): Columns {
  const byTarget = new Map<ImportTarget, Column>();
  const externalIds: Column[] = [];
  columns.forEach((name, index) => {
    // Own keys only: a column called "constructor" must not find Object.prototype's.
    const target = Object.hasOwn(mapping, name) ? mapping[name] : undefined;
    if (!target || target === 'ignore') return;
    const scheme = (Object.hasOwn(schemes, name) && schemes[name]) || DEFAULT_SCHEME;
    const column = { index, name, scheme };
    if (target === 'externalId') externalIds.push(column);
    if (!byTarget.has(target)) byTarget.set(target, column);
  });
  return { byTarget, externalIds };
}

/** One row being read: its cells by target, and the problems found in it. */
export class RowReader {
  readonly problems: ImportProblem[] = [];
  /** The user chose to leave out a value of this row: it is not imported, and no error. */
  omitted = false;

  constructor(
    private readonly source: TableRow,
    readonly columns: Columns,
    private readonly width: number,
  ) {}

  get row(): number {
    return this.source.row;
  }

  has(target: ImportTarget): boolean {
    return this.columns.byTarget.has(target);
  }

  text(target: ImportTarget): string {
    const column = this.columns.byTarget.get(target);
    return column ? this.cell(column) : '';
  }

  cell(column: Column): string {
    return this.source.cells[column.index] ?? '';
  }

  scheme(target: ImportTarget): string {
    return this.columns.byTarget.get(target)?.scheme ?? DEFAULT_SCHEME;
  }

  report(
    severity: ImportProblem['severity'],
    code: ProblemCode,
    target: ImportTarget | null,
    message: string,
    extra: Partial<ImportProblem> = {},
  ): void {
    const column = target ? (this.columns.byTarget.get(target)?.name ?? null) : null;
    const value = target ? this.text(target) : '';
    this.problems.push({
      row: this.row,
      column,
      code,
      severity,
      message,
      ...(value ? { value: shown(value) } : {}),
      ...extra,
    });
  }

  error(code: ProblemCode, target: ImportTarget | null, message: string): void {
    this.report('error', code, target, message);
  }

  /** Cells beyond the header usually mean separators went wrong in this row. */
  checkWidth(): void {
    if (this.source.cells.slice(this.width).some((cell) => cell.trim() !== '')) {
      this.error('EXTRA_CELLS', null, 'the row has more cells than the header');
    }
  }

  hasError(target: ImportTarget | null): boolean {
    const column = target ? this.columns.byTarget.get(target)?.name : undefined;
    return this.problems.some((p) => p.severity === 'error' && p.column === column);
  }

  get valid(): boolean {
    return !this.problems.some((p) => p.severity === 'error');
  }
}

/** A cell as the problem list shows it: shortened. */
export function shown(value: string): string {
  return value.slice(0, MAX_VALUE_SHOWN);
}

export function parseDate(r: RowReader, target: ImportTarget): string | null {
  const date = parseDateCell(r.text(target));
  if (date === undefined)
    r.error('BAD_DATE', target, 'use YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY');
  return date ?? null;
}

export function splitList(text: string): string[] {
  return text
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function parseCountries(r: RowReader): string[] {
  const codes = r
    .text('citizenship')
    .split(/[;,]/)
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code !== '');
  if (codes.some((code) => !/^[A-Z]{2}$/.test(code))) {
    r.error('BAD_COUNTRY', 'citizenship', 'use two-letter country codes separated by ;');
  }
  return codes;
}

/** A whole number (months, days): null when blank. */
export function parseCount(r: RowReader, target: ImportTarget): number | null {
  const text = r.text(target).trim();
  if (text === '') return null;
  if (!/^\d+(\.0+)?$/.test(text)) {
    r.error('BAD_NUMBER', target, 'a whole number');
    return null;
  }
  return Number(text);
}

/** The key a word of a fixed list is looked up by. */
export const wordKey = compactKey;
