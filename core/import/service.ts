import path from 'node:path';
import { ApiError } from '../api/errors';
import type { RecordKind } from '../api/records';
import { writeRun, type ImportBatch } from './runs';
import type { Cell } from '../changes/changeSet';
import { newRecordId } from '../changes/ids';
import type { VaultAccess } from '../vault/access';
import { analyse, type Analysis, type PlannedRow } from './analyse';
import { suggestMapping, targetsOf } from './headers';
import { readTable, type Table } from './read';
import { REPEATABLE_TARGETS, REQUIRED_TARGETS } from '../api/import';
import type {
  ImportCounts,
  ImportMapping,
  ImportPreview,
  ImportResult,
  ImportShape,
  ImportTarget,
} from '../api/import';

const SAMPLE_ROWS = 20;
/** The preview lists this many problems; the counts cover them all. */
const MAX_PROBLEMS = 5000;
/** Rows per change set: large enough to amortise a commit, small enough to keep sets modest. */
const ROWS_PER_COMMIT = 500;

function unmappedRequired(shape: ImportShape, mapping: ImportMapping): string[] {
  const mapped = new Set(Object.values(mapping));
  return REQUIRED_TARGETS[shape]
    .filter((group) => !group.some((target) => mapped.has(target)))
    .map((group) => group.join(' or '));
}

/** Refuses a mapping that gives one target two columns or uses a target of the other shape. */
function checkMapping(shape: ImportShape, mapping: ImportMapping): void {
  const allowed = new Set<ImportTarget>([...targetsOf(shape), 'ignore']);
  // Several columns may hold ids of several schemes; every other target takes one column.
  const used = new Set<ImportTarget>();
  for (const target of Object.values(mapping)) {
    if (!allowed.has(target)) {
      throw new ApiError('INVALID_INPUT', `mapping: ${target} is not a column of a ${shape} table`);
    }
    if (!REPEATABLE_TARGETS.has(target) && used.has(target)) {
      throw new ApiError('INVALID_INPUT', `mapping: two columns map to ${target}`);
    }
    used.add(target);
  }
}

function missingColumns(table: Table, mapping: ImportMapping): string[] {
  const columns = new Set(table.columns);
  return Object.keys(mapping).filter((column) => !columns.has(column));
}

function countProblems(analysis: Analysis): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { code } of analysis.problems) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
}

/** Reads the file and reports what an import would do, without writing anything. */
export async function previewImport(
  session: VaultAccess,
  args: { path: string; shape: ImportShape; sheet?: string; mapping?: ImportMapping },
): Promise<ImportPreview> {
  const db = (await session.readVault()).db;
  const table = await readTable(args.path, args.sheet);
  const suggestedMapping = suggestMapping(args.shape, table.columns);
  const mapping = args.mapping ?? suggestedMapping;
  checkMapping(args.shape, mapping);
  const unmapped = unmappedRequired(args.shape, mapping);
  // Without the columns every row needs, row-by-row messages would only repeat that.
  const analysis: Analysis = unmapped.length
    ? {
        rows: table.rows.map(({ row }) => ({ row, records: [], valid: false })),
        problems: [],
        rowsWithWarnings: 0,
      }
    : analyse(db, table, args.shape, mapping);
  const validRows = analysis.rows.filter((row) => row.valid).length;
  return {
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    columns: table.columns,
    renamedColumns: table.renamedColumns,
    suggestedMapping,
    mapping,
    missingColumns: missingColumns(table, mapping),
    unmappedRequired: unmapped,
    sample: table.rows.slice(0, SAMPLE_ROWS).map((row) => row.cells),
    rows: table.rows.length,
    validRows,
    invalidRows: table.rows.length - validRows,
    rowsWithWarnings: analysis.rowsWithWarnings,
    problems: analysis.problems.slice(0, MAX_PROBLEMS),
    problemCounts: countProblems(analysis),
    problemsTruncated: analysis.problems.length > MAX_PROBLEMS,
    unknownValues: [],
    plan: { new: validRows, changed: 0, unchanged: 0, duplicates: 0 },
  };
}

/**
 * Imports the file: reads and checks it again (the preview may be stale, or not from this
 * file), then writes the rows in batches through the single write path. `all` refuses the
 * whole file if any row has an error; `validOnly` leaves those rows out. Warnings never block.
 * Not undoable with "undo last change": an import is many change sets.
 */
export async function runImport(
  session: VaultAccess,
  args: {
    path: string;
    shape: ImportShape;
    sheet?: string;
    mapping: ImportMapping;
    mode: 'validOnly' | 'all';
  },
): Promise<ImportResult> {
  const vault = await session.readVault();
  if (vault.readOnly) throw new ApiError('VAULT_READ_ONLY', 'The vault is open read-only');
  const table = await readTable(args.path, args.sheet);
  checkMapping(args.shape, args.mapping);
  const missing = missingColumns(table, args.mapping);
  if (missing.length > 0) {
    throw new ApiError('INVALID_INPUT', `mapping: ${missing.length} columns are not in the file`);
  }
  const unmapped = unmappedRequired(args.shape, args.mapping);
  if (unmapped.length > 0) {
    throw new ApiError('INVALID_INPUT', `mapping: no column for ${unmapped.join(', ')}`);
  }
  const { rows } = analyse(vault.db, table, args.shape, args.mapping);
  const valid = rows.filter((row) => row.valid);
  if (args.mode === 'all' && valid.length < rows.length) {
    throw new ApiError('INVALID_INPUT', `${rows.length - valid.length} rows have errors`);
  }
  const plan = { fileName: path.basename(args.path), shape: args.shape, rows: valid.length };
  const { runId, counts, cancelled } = await writeRun(
    session,
    plan,
    batchesOf(valid),
    rows.length - valid.length,
  );
  return { runId, cancelled, ...counts };
}

/** The valid rows in batches, each the cells of its rows and what they create. */
function* batchesOf(valid: PlannedRow[]): Generator<ImportBatch> {
  for (let start = 0; start < valid.length; start += ROWS_PER_COMMIT) {
    const batch = valid.slice(start, start + ROWS_PER_COMMIT);
    const createdAt = new Date().toISOString();
    const counts: Partial<ImportCounts> = {};
    const cells = batch.flatMap((row) => rowCells(row, createdAt, counts));
    yield { cells, rows: batch.length, counts };
  }
}

const COUNTED: Partial<Record<RecordKind, keyof ImportCounts>> = {
  person: 'personsCreated',
  proceeding: 'proceedingsCreated',
  statusEvent: 'statusesCreated',
  thesaurusTerm: 'termsCreated',
};

/** The cells that create a row's records, each with a new random id. */
function rowCells(row: PlannedRow, createdAt: string, counts: Partial<ImportCounts>): Cell[] {
  const cells: Cell[] = [];
  let personId: string | null = null;
  for (const record of row.records) {
    const id = newRecordId();
    const fields = record.ofRowPerson ? { ...record.fields, personId } : record.fields;
    if (record.kind === 'person') personId = id;
    for (const [field, value] of Object.entries(fields)) {
      cells.push({ entity: record.kind, id, field, value: value as Cell['value'] });
    }
    // createdAt is a value in the record, so replay and sync never compute it.
    cells.push({ entity: record.kind, id, field: 'createdAt', value: createdAt });
    const key = COUNTED[record.kind] ?? 'eventsCreated';
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return cells;
}
