import path from 'node:path';
import { ApiError } from '../api/errors';
import type { VaultAccess } from '../vault/access';
import { analyse, type AnalyseOptions, type Analysis } from './analyse';
import { suggestMapping, targetsOf } from './headers';
import { rowCells, type PlannedRow } from './plan';
import { dryRunKey, keepDryRun, takeDryRun } from './dryRuns';
import { readBytes, tableOf, type Table } from './read';
import { withRun, writeRun, type ImportBatch } from './runs';
import { REPEATABLE_TARGETS, REQUIRED_TARGETS } from '../api/import';
import type { Cell } from '../changes/changeSet';
import type { ImportMapping, ImportPreview, ImportShape, ImportTarget } from '../api/import';
import type { ImportCounts, ImportResult } from '../api/importRuns';

const SAMPLE_ROWS = 20;
/** The preview lists this many problems; the counts cover them all. */
const MAX_PROBLEMS = 5000;
/** Rows per change set: large enough to amortise a commit, small enough to keep sets modest. */
export const ROWS_PER_COMMIT = 500;

interface ImportSource extends AnalyseOptions {
  path: string;
  shape: ImportShape;
  sheet?: string;
}

function unmappedRequired(shape: ImportShape, mapping: ImportMapping): string[] {
  const mapped = new Set(Object.values(mapping));
  return REQUIRED_TARGETS[shape]
    .filter((group) => !group.some((target) => mapped.has(target)))
    .map((group) => group.join(' or '));
}

/** Refuses a mapping that gives one target two columns or uses a target of another shape. */
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

/** Without the columns every row needs, row-by-row messages would only repeat that. */
function unreadable(table: Table): Analysis {
  return {
    rows: table.rows.map(({ row }) => ({
      row,
      records: [],
      valid: false,
      outcome: 'new',
      duplicate: false,
    })),
    problems: [],
    rowsWithWarnings: 0,
    unknownValues: [],
    termCells: [],
    plan: { new: 0, changed: 0, unchanged: 0, duplicates: 0 },
  };
}

/** Reads the file and reports what an import would do, without writing anything. */
export async function previewImport(
  session: VaultAccess,
  args: ImportSource & { mapping?: ImportMapping },
): Promise<ImportPreview> {
  const db = (await session.readVault()).db;
  const bytes = await readBytes(args.path);
  const table = await tableOf(bytes, args.path, args.sheet);
  const suggestedMapping = suggestMapping(args.shape, table.columns);
  const mapping = args.mapping ?? suggestedMapping;
  checkMapping(args.shape, mapping);
  const unmapped = unmappedRequired(args.shape, mapping);
  let analysis: Analysis;
  if (unmapped.length > 0) analysis = unreadable(table);
  else {
    const key = dryRunKey(db, bytes, { ...args, mapping });
    analysis = analyse(db, table, args.shape, mapping, args);
    keepDryRun(db, key, { table, analysis });
  }
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
    unknownValues: analysis.unknownValues,
    plan: analysis.plan,
  };
}

/**
 * Imports the file: reads and checks it again (the preview may be stale, or not from this
 * file) unless the preview's dry run is of these very bytes, choices and vault, then writes the rows in batches through the single write path, as one import run
 * that "Undo this import" takes back. `all` refuses the whole file if any row has an error;
 * `validOnly` leaves those rows out. Warnings never block. Rows matched to records already in
 * the vault update them; rows the vault already holds as they are write nothing.
 */
export function runImport(
  session: VaultAccess,
  args: ImportSource & { mapping: ImportMapping; mode: 'validOnly' | 'all' },
): Promise<ImportResult> {
  return withRun(session, async (run) => {
    const vault = await session.readVault();
    if (vault.readOnly) throw new ApiError('VAULT_READ_ONLY', 'The vault is open read-only');
    const bytes = await readBytes(args.path);
    // Nothing awaits between the key and taking the dry run it finds: no commit comes between.
    const kept = takeDryRun(vault.db, dryRunKey(vault.db, bytes, args));
    const table = kept?.table ?? (await tableOf(bytes, args.path, args.sheet));
    checkMapping(args.shape, args.mapping);
    const missing = missingColumns(table, args.mapping);
    if (missing.length > 0) {
      throw new ApiError('INVALID_INPUT', `mapping: ${missing.length} columns are not in the file`);
    }
    const unmapped = unmappedRequired(args.shape, args.mapping);
    if (unmapped.length > 0) {
      throw new ApiError('INVALID_INPUT', `mapping: no column for ${unmapped.join(', ')}`);
    }
    const { rows, termCells } =
      kept?.analysis ?? analyse(vault.db, table, args.shape, args.mapping, args);
    const valid = rows.filter((row) => row.valid);
    if (args.mode === 'all' && valid.length < rows.length) {
      throw new ApiError('INVALID_INPUT', `${rows.length - valid.length} rows have errors`);
    }
    const skipped =
      rows.length - valid.length + valid.filter((r) => r.outcome === 'skipped').length;
    const plan = { fileName: path.basename(args.path), shape: args.shape, rows: valid.length };
    const written = await writeRun(session, run, plan, batchesOf(valid, termCells), skipped);
    return { runId: written.runId, cancelled: written.cancelled, ...written.counts };
  });
}

/** The valid rows in batches, each the cells of its rows and what they create or change. */
function* batchesOf(valid: PlannedRow[], termCells: Cell[]): Generator<ImportBatch> {
  for (let start = 0; start < valid.length; start += ROWS_PER_COMMIT) {
    const batch = valid.slice(start, start + ROWS_PER_COMMIT);
    const createdAt = new Date().toISOString();
    const counts: Partial<ImportCounts> = {};
    const cells = batch.flatMap((row) => rowCells(row, createdAt, counts));
    if (start === 0 && termCells.length > 0) {
      const termIds = [...new Set(termCells.map((cell) => cell.id))];
      const created = termIds.map((id) => ({
        entity: 'thesaurusTerm',
        id,
        field: 'createdAt',
        value: createdAt,
      }));
      cells.unshift(...termCells, ...created);
      counts.termsCreated = termIds.length;
    }
    yield { cells, rows: batch.length, counts };
  }
}
