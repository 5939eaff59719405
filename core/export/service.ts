import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors';
import type { VaultAccess } from '../vault/access';
import { writeFileAtomic } from '../vault/atomicFile';
import { classifyFsError } from '../vault/fsErrors';
import { toCsv } from './csv';
import { neutraliseFormula } from './formula';
import type { ExportArgs, ExportResult } from '../api/export';
import { eventTable, personTable } from './tables';
import { toXlsx } from './xlsx';

const SHEET_NAMES = { persons: 'Persons', events: 'Events' } as const;

/**
 * Writes the chosen persons, or their events, to a plaintext CSV or XLSX file: thesaurus values
 * as codes, partial dates as stored, every cell guarded against formula injection. The persons
 * are read through the disclosure policy for the file's audience (a file for publication leaves
 * out never-publish cases and pseudonymises withheld names). The file appears whole or not at
 * all, and an existing file is replaced only when asked.
 */
export async function exportRecords(session: VaultAccess, args: ExportArgs): Promise<ExportResult> {
  const target = path.resolve(args.path);
  if (!args.overwrite && (await exists(target))) {
    throw new ApiError('EXPORT_FILE_EXISTS', 'A file of that name exists');
  }
  const db = (await session.readVault()).db;
  const table =
    args.shape === 'persons'
      ? personTable(db, args.personIds, args.audience, args.labels)
      : eventTable(db, args.personIds, args.audience, args.labels);
  const cells = table.map((row) => row.map(neutraliseFormula));
  const bytes =
    args.format === 'csv' ? toCsv(cells, args.delimiter) : toXlsx(cells, SHEET_NAMES[args.shape]);
  await writeFileAtomic(target, bytes).catch((err: unknown) => {
    const code = classifyFsError(err);
    const folderProblem = ['ENOENT', 'EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EISDIR'].includes(
      code,
    );
    throw new ApiError(
      folderProblem ? 'FOLDER_NOT_WRITABLE' : 'STORAGE_FAILED',
      `Export failed (${code})`,
    );
  });
  return { path: target, rows: table.length - 1, bytes: bytes.length };
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}
