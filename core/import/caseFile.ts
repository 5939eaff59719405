import path from 'node:path';
import { ApiError } from '../api/errors';
import type { ImportCounts, ImportResult } from '../api/importRuns';
import type { Cell } from '../changes/changeSet';
import { newRecordId } from '../changes/ids';
import { caseFields, type CaseKind } from '../export/caseFileLayout';
import type { VaultAccess } from '../vault/access';
import { checkCodes, checkLinks, planRows, type RowPlan } from './caseFileCheck';
import { readCaseFile, type CaseRow } from './caseFileRead';
import { withRun, writeRun, type ImportBatch } from './runs';

/**
 * The order records are written in: terms before the records that use them, persons before
 * what links to them, proceedings before the custody events that name them, sources and the
 * records they are cited for before the citations.
 */
const WRITE_ORDER: readonly CaseKind[] = [
  'thesaurusTerm',
  'person',
  'proceeding',
  'custodyEvent',
  'riskAssignment',
  'statusEvent',
  'source',
  'citation',
];

/** Records per change set: a few thousand cells, as for the demo data. */
const RECORDS_PER_BATCH = 1000;

const COUNTED: Record<CaseKind, keyof ImportCounts | null> = {
  thesaurusTerm: 'termsCreated',
  person: 'personsCreated',
  proceeding: 'proceedingsCreated',
  custodyEvent: 'eventsCreated',
  riskAssignment: 'eventsCreated',
  statusEvent: 'statusesCreated',
  source: null,
  citation: null,
};

interface Planned {
  kind: CaseKind;
  row: CaseRow;
  plan: Exclude<RowPlan, 'unchanged'>;
}

function recordCells({ kind, row, plan }: Planned, createdAt: string): Cell[] {
  const id = plan === 'newId' ? newRecordId() : row.id;
  const cells: Cell[] = caseFields(kind).map((field) => ({
    entity: kind,
    id,
    field,
    value: row.fields[field] as Cell['value'],
  }));
  if (plan === 'revive') cells.push({ entity: kind, id, field: 'deleted', value: false });
  // createdAt is a value in the record, so replay and sync never compute it.
  cells.push({ entity: kind, id, field: 'createdAt', value: createdAt });
  return cells;
}

function* batchesOf(planned: Planned[], unchanged: number): Generator<ImportBatch> {
  // The rows left as they are count in the run even when nothing else is written.
  if (planned.length === 0 && unchanged > 0) yield { cells: [], rows: 0, counts: { unchanged } };
  for (let start = 0; start < planned.length; start += RECORDS_PER_BATCH) {
    const batch = planned.slice(start, start + RECORDS_PER_BATCH);
    const createdAt = new Date().toISOString();
    const counts: Partial<ImportCounts> = start === 0 ? { unchanged } : {};
    for (const { kind } of batch) {
      const key = COUNTED[kind];
      if (key) counts[key] = (counts[key] ?? 0) + 1;
    }
    yield { cells: batch.flatMap((p) => recordCells(p, createdAt)), rows: batch.length, counts };
  }
}

/**
 * Imports a case file written by `exportCaseFile` (a workbook, or the folder of CSV files) with
 * the records' own Vigil ids, so that export then import into an empty vault gives back every
 * record. The whole file is read and checked first: a cell its field's schema refuses, a row
 * linking to a record the file does not hold, an unknown code or a record that is here with
 * other contents refuses the file, saying where, with nothing written. Then it is written in
 * batches through the one write path as one import run, which "Undo this import" takes back.
 */
export async function importCaseFile(
  session: VaultAccess,
  args: { path: string },
): Promise<ImportResult> {
  return withRun(session, async (live) => {
    const vault = await session.readVault();
    if (vault.readOnly) throw new ApiError('VAULT_READ_ONLY', 'The vault is open read-only');
    const file = await readCaseFile(args.path);
    checkLinks(file);
    checkCodes(vault.db, file);
    const plans = planRows(vault.db, file);
    const planned: Planned[] = [];
    let unchanged = 0;
    for (const kind of WRITE_ORDER) {
      const rows = file.get(kind)!.rows;
      plans.get(kind)!.forEach((plan, i) => {
        if (plan === 'unchanged') unchanged++;
        else planned.push({ kind, row: rows[i]!, plan });
      });
    }
    const run = {
      fileName: path.basename(args.path),
      shape: 'caseFile' as const,
      rows: planned.length,
    };
    const { runId, counts, cancelled } = await writeRun(
      session,
      live,
      run,
      batchesOf(planned, unchanged),
      0,
    );
    return { runId, cancelled, ...counts };
  });
}
