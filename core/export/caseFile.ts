import type { CaseFileArgs, CaseFileResult } from '../api/export';
import type { ReadDb } from '../db/handle';
import type { StoredRecord } from '../db/records';
import { CODE_FIELDS } from '../model/codeFields';
import type { VaultAccess } from '../vault/access';
import { readCaseFileContent, type CaseFileContent } from './caseFileContent';
import {
  CASE_KINDS,
  CASE_TABLES,
  CITED_PERSON_HEADER,
  ID_HEADER,
  caseFields,
  codecOf,
  encodeCell,
  type CaseKind,
} from './caseFileLayout';
import { pseudonymLabel, toRows, withLabels, type Column, type LabelLanguage } from './columns';
import { toCsv } from './csv';
import { neutraliseFormula } from './formula';
import { writeOutputFile } from './outputFile';
import { writeOutputFolder } from './outputFolder';
import { toWorkbook } from './xlsx';

/** The columns of one table: its id, every field, and a label beside each code on request. */
function columnsOf(
  db: ReadDb,
  kind: CaseKind,
  content: CaseFileContent,
  labels: LabelLanguage | undefined,
): Column[] {
  const codes = CODE_FIELDS[kind] ?? {};
  const fields = caseFields(kind).map((field): Column => {
    const column: Column = {
      header: (CASE_TABLES[kind].headers as Record<string, string>)[field]!,
      value: (r) => encodeCell(kind, field, r[field]),
    };
    const thesaurus = codes[field];
    if (!thesaurus) return column;
    // A list of codes (a proceeding's articles) gets the label of each.
    const list = codecOf(kind, field).type === 'list';
    return { ...column, thesaurus, ...(list ? { codes: (r) => r[field] as string[] } : {}) };
  });
  const id: Column = { header: ID_HEADER, value: (r) => r.id };
  const person: Column[] =
    kind === 'citation'
      ? [{ header: CITED_PERSON_HEADER, value: (r) => content.citedPerson.get(r.id)! }]
      : [];
  return withLabels([id, ...person, ...fields], db, labels);
}

/** Each table's records: a pseudonymised person's row carries the pseudonym as its name. */
function recordsOf(kind: CaseKind, content: CaseFileContent): StoredRecord[] {
  if (kind !== 'person') return content.records[kind];
  return content.persons.map((p) => ({
    ...p,
    name: p.displayName ?? pseudonymLabel(p.pseudonym!),
  }));
}

/**
 * Writes the whole case file of the chosen persons, read through the disclosure policy: one
 * sheet per table in a workbook, or one CSV file per table in a new folder. Every row carries
 * its own Vigil id and its person's, so the tables link up again on import; every cell is
 * guarded against formula injection. The workbook or the folder appears whole or not at all.
 */
export async function exportCaseFile(
  session: VaultAccess,
  args: CaseFileArgs,
): Promise<CaseFileResult> {
  const db = (await session.readVault()).db;
  const content = readCaseFileContent(db, args.personIds, args.audience);
  const tables = CASE_KINDS.map((kind) => {
    const rows = toRows(columnsOf(db, kind, content, args.labels), recordsOf(kind, content));
    return { kind, cells: rows.map((row) => row.map(neutraliseFormula)) };
  });
  const counts = tables.map(({ kind, cells }) => ({
    name: CASE_TABLES[kind].sheet,
    rows: cells.length - 1,
  }));
  if (args.format === 'xlsx') {
    const bytes = toWorkbook(
      tables.map(({ kind, cells }) => ({ name: CASE_TABLES[kind].sheet, rows: cells })),
    );
    const path = await writeOutputFile(args.path, bytes, args.overwrite);
    return { path, tables: counts, bytes: bytes.length };
  }
  const files = tables.map(({ kind, cells }) => ({
    name: CASE_TABLES[kind].file,
    bytes: toCsv(cells, args.delimiter),
  }));
  const path = await writeOutputFolder(args.path, files, args.overwrite);
  return { path, tables: counts, bytes: files.reduce((n, f) => n + f.bytes.length, 0) };
}
