import type { ReadDb } from '../db/handle';
import { first } from '../db/statements';
import type { Cell } from '../changes/changeSet';
import {
  ImportDecisions,
  type ImportMapping,
  type ImportPreview,
  type ImportProblem,
  type ImportSchemes,
  type ImportShape,
  type UnknownValue,
  type ValueMap,
} from '../api/import';
import type { Table } from './read';
import { linkedRow, type LinkContext } from './linkedRows';
import { personRow, type PersonContext } from './personRows';
import type { PlannedRecord, PlannedRow, RowOutcome } from './plan';
import { columnsOf, RowReader } from './rowReader';
import { thesaurusCandidates } from './suggest';
import { ValueResolver } from './values';
import { duplicateKey, existingRecordKeys, isKeyed, PersonIndex, recordKey } from './vaultIndex';
import { Thesauri } from './vocabulary';

export interface AnalyseOptions {
  values?: ValueMap;
  schemes?: ImportSchemes;
  decisions?: ImportDecisions;
}

export interface Analysis {
  rows: PlannedRow[];
  problems: ImportProblem[];
  rowsWithWarnings: number;
  unknownValues: UnknownValue[];
  /** Thesaurus terms the value map creates, written with the first batch. */
  termCells: Cell[];
  plan: ImportPreview['plan'];
}

/** Remembers what earlier rows of the file held, to warn of a row that repeats one. */
class SeenInFile {
  private readonly rows = new Map<string, number>();

  /** Warns when a key was seen on an earlier row; true when one was. */
  check(r: RowReader, keys: string[], target: 'name' | null): boolean {
    const otherRow = keys.map((key) => this.rows.get(key)).find((row) => row !== undefined);
    if (otherRow !== undefined) {
      r.report('warning', 'DUPLICATE_IN_FILE', target, `the same as row ${otherRow}`, { otherRow });
    }
    for (const key of keys) if (!this.rows.has(key)) this.rows.set(key, r.row);
    return otherRow !== undefined;
  }
}

function personKeys(record: PlannedRecord | undefined): string[] {
  if (!record || record.kind !== 'person') return [];
  const birthDate = (record.fields.birthDate as string | null | undefined) ?? null;
  const names = [record.fields.name, record.fields.nameLatin].filter(
    (name): name is string => typeof name === 'string' && name.trim() !== '',
  );
  return [...new Set(names.map((name) => duplicateKey(name, birthDate)))];
}

/**
 * A linked row adds its records unless the vault (or an earlier row of the file) holds the
 * same fact: an import of the same file again adds nothing.
 */
function linkedOutcome(
  r: RowReader,
  records: PlannedRecord[],
  recordKeys: Set<string>,
  seen: SeenInFile,
): RowOutcome {
  const keys = records.flatMap((record) =>
    isKeyed(record.kind) ? [recordKey(record.kind, record.fields)] : [],
  );
  if (keys.length > 0 && keys.every((key) => recordKeys.has(key))) {
    // A row of this file already adds it; the vault already holding it needs no warning.
    if (!seen.check(r, keys, null)) {
      r.report('warning', 'DUPLICATE_IN_VAULT', null, 'the vault already records this');
    }
    return 'unchanged';
  }
  seen.check(r, keys, null);
  for (const key of keys) recordKeys.add(key);
  return 'new';
}

/**
 * The dry run: every row of the table turned into what importing it would do, with every
 * problem found and every value no term matched. Reads the vault, writes nothing; the import
 * runs it again before writing.
 */
export function analyse(
  db: ReadDb,
  table: Table,
  shape: ImportShape,
  mapping: ImportMapping,
  options: AnalyseOptions = {},
): Analysis {
  const decisions = ImportDecisions.parse(options.decisions ?? {});
  const persons = new PersonIndex(db);
  const values = new ValueResolver(
    new Thesauri(db),
    (thesaurus) => thesaurusCandidates(db, thesaurus),
    options.values,
  );
  const recordKeys = existingRecordKeys(db);
  const personContext: PersonContext = {
    db,
    persons,
    values,
    recordKeys,
    duplicateChoice: (row) => decisions.duplicateRows[String(row)] ?? decisions.duplicates,
    idsInFile: new Map(),
    usedId: (id) => first(db, 'SELECT 1 AS used FROM persons WHERE id = ?', [id]) !== undefined,
  };
  const linkContext: LinkContext = {
    persons,
    values,
    chosenLink: (row) => decisions.links[String(row)],
  };
  const columns = columnsOf(table.columns, mapping, options.schemes);
  const seen = new SeenInFile();
  const problems: ImportProblem[] = [];
  const plan = { new: 0, changed: 0, unchanged: 0, duplicates: 0 };
  let rowsWithWarnings = 0;
  const rows = table.rows.map((source): PlannedRow => {
    values.startRow();
    const r = new RowReader(source, columns, table.columns.length);
    r.checkWidth();
    let planned: { records: PlannedRecord[]; outcome: RowOutcome; duplicate: boolean };
    if (shape === 'persons') {
      planned = personRow(r, personContext);
      // A row with errors is not imported, so it repeats nothing.
      if (r.valid && planned.outcome === 'new')
        seen.check(r, personKeys(planned.records[0]), 'name');
    } else {
      const records = linkedRow(r, linkContext, shape);
      const outcome = r.valid ? linkedOutcome(r, records, recordKeys, seen) : 'new';
      planned = { records, outcome, duplicate: false };
    }
    const valid = r.valid;
    const outcome = r.omitted ? 'skipped' : planned.outcome;
    if (valid && outcome !== 'skipped') plan[outcome]++;
    if (valid && planned.duplicate) plan.duplicates++;
    problems.push(...r.problems);
    if (r.problems.some((p) => p.severity === 'warning')) rowsWithWarnings++;
    // A skipped row, and one the vault already holds as it is, write nothing.
    const records = outcome === 'skipped' || outcome === 'unchanged' ? [] : planned.records;
    return { row: r.row, records, valid, outcome, duplicate: planned.duplicate };
  });
  return {
    rows,
    problems,
    rowsWithWarnings,
    unknownValues: values.unknownValues(),
    termCells: values.termCells(),
    plan,
  };
}
