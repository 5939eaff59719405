import type { VaultAccess } from '../vault/access';
import { toCsv } from './csv';
import { neutraliseFormula } from './formula';
import type { ExportArgs, ExportResult } from '../api/export';
import { writeOutputFile } from './outputFile';
import { linkedTable, personTable } from './tables';
import { toXlsx } from './xlsx';

const SHEET_NAMES = {
  persons: 'Persons',
  events: 'Events',
  proceedings: 'Proceedings',
  statuses: 'Status history',
} as const;

/**
 * Writes the chosen persons, or their events, court cases or status history, to a plaintext CSV or XLSX file: thesaurus values
 * as codes, partial dates as stored, every cell guarded against formula injection. The persons
 * are read through the disclosure policy for the file's audience (a file for publication leaves
 * out never-publish cases and pseudonymises withheld names). The file appears whole or not at
 * all, and an existing file is replaced only when asked.
 */
export async function exportRecords(session: VaultAccess, args: ExportArgs): Promise<ExportResult> {
  const db = (await session.readVault()).db;
  const table =
    args.shape === 'persons'
      ? personTable(db, args.personIds, args.audience, args.labels)
      : linkedTable(db, args.shape, args.personIds, args.audience, args.labels);
  const cells = table.map((row) => row.map(neutraliseFormula));
  const bytes =
    args.format === 'csv' ? toCsv(cells, args.delimiter) : toXlsx(cells, SHEET_NAMES[args.shape]);
  const path = await writeOutputFile(args.path, bytes, args.overwrite);
  return { path, rows: table.length - 1, bytes: bytes.length };
}
