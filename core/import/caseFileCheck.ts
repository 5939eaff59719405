import type { RecordKind } from '../api/records';
import { TABLES } from '../changes/entities';
import type { ReadDb } from '../db/handle';
import { readRecords } from '../db/records';
import { all } from '../db/statements';
import { CITED_PERSON_HEADER, caseFields, type CaseKind } from '../export/caseFileLayout';
import { CODE_FIELDS, REFERENCES } from '../model/codeFields';
import { refuse, type CaseRow, type CaseTableRows } from './caseFileRead';

type CaseFile = Map<CaseKind, CaseTableRows>;

/**
 * Every link of a row must point at a row of the file: a case file is whole, so a row whose
 * person, proceeding, source or cited record is not in it was cut from another file or edited.
 */
export function checkLinks(file: CaseFile): void {
  const ids = new Map<CaseKind, Map<string, CaseRow>>();
  for (const [kind, table] of file) ids.set(kind, new Map(table.rows.map((r) => [r.id, r])));
  const personOf = (kind: CaseKind, id: string): string | undefined => {
    if (kind === 'person') return ids.get('person')!.has(id) ? id : undefined;
    const row = ids.get(kind)?.get(id);
    return row ? String(row.fields.personId) : undefined;
  };
  for (const [kind, table] of file) {
    const references = REFERENCES[kind] ?? {};
    for (const row of table.rows) {
      for (const [field, target] of Object.entries(references)) {
        const id = row.fields[field];
        if (id === null || ids.get(target as CaseKind)!.has(String(id))) continue;
        const place = { table: table.name, row: row.row, column: table.headers[field]! };
        refuse('CASE_FILE_MISSING_LINK', place, `no such ${target} in the file`);
      }
      if (kind !== 'citation') continue;
      const entity = row.fields.entity as CaseKind;
      const person = personOf(entity, String(row.fields.entityId));
      if (person === undefined) {
        const place = { table: table.name, row: row.row, column: table.headers.entityId! };
        refuse('CASE_FILE_MISSING_LINK', place, `no such ${entity} in the file`);
      }
      if (person !== row.citedPerson) {
        const place = { table: table.name, row: row.row, column: CITED_PERSON_HEADER };
        refuse('CASE_FILE_BAD_CELL', place, "not the cited record's person");
      }
    }
  }
}

/**
 * Every code must name a term of the vault or of the file's own Terms table; two terms of the
 * file with one code would merge silently in the figures, so they refuse the file too.
 */
export function checkCodes(db: ReadDb, file: CaseFile): void {
  const known = new Set(
    readRecords(db, 'thesaurusTerm', '1 = 1', []).map(
      (t) => `${String(t.thesaurus)}/${String(t.code)}`,
    ),
  );
  const terms = file.get('thesaurusTerm')!;
  const inFile = new Set<string>();
  for (const row of terms.rows) {
    const key = `${String(row.fields.thesaurus)}/${String(row.fields.code)}`;
    if (inFile.has(key)) {
      const place = { table: terms.name, row: row.row, column: terms.headers.code! };
      refuse('CASE_FILE_BAD_CELL', place, 'the code is used twice');
    }
    inFile.add(key);
    known.add(key);
  }
  for (const [kind, table] of file) {
    for (const [field, thesaurus] of Object.entries(CODE_FIELDS[kind] ?? {})) {
      for (const row of table.rows) {
        const value = row.fields[field];
        for (const code of Array.isArray(value) ? value : value === null ? [] : [value]) {
          if (known.has(`${thesaurus}/${String(code)}`)) continue;
          const place = { table: table.name, row: row.row, column: table.headers[field]! };
          refuse('CASE_FILE_BAD_CELL', place, `unknown ${thesaurus} code`);
        }
      }
    }
  }
}

/**
 * What to do with a row: create it, create it under a new id (a term whose id the vault uses
 * for another code), bring back a record deleted here, or leave it be.
 */
export type RowPlan = 'create' | 'newId' | 'revive' | 'unchanged';

/**
 * Compares each row with the vault. A record already here exactly as the file has it is left
 * as it is, so importing a case file twice changes nothing; one here with other contents is
 * never overwritten, and refuses the file. A record deleted here comes back (a file imported,
 * undone and imported again). A term whose code the vault has is the vault's, whatever its
 * labels say: codes are what records hold.
 */
export function planRows(db: ReadDb, file: CaseFile): Map<CaseKind, RowPlan[]> {
  const plans = new Map<CaseKind, RowPlan[]>();
  for (const [kind, table] of file) {
    const stored = storedRows(db, kind);
    if (kind === 'thesaurusTerm') {
      const codes = new Set(
        readRecords(db, kind, '1 = 1', []).map((t) => `${String(t.thesaurus)}/${String(t.code)}`),
      );
      const planTerm = (row: CaseRow): RowPlan => {
        if (codes.has(`${String(row.fields.thesaurus)}/${String(row.fields.code)}`)) {
          return 'unchanged';
        }
        const deleted = stored.get(row.id);
        return deleted === undefined ? 'create' : deleted ? 'revive' : 'newId';
      };
      plans.set(kind, table.rows.map(planTerm));
      continue;
    }
    const live = new Map(
      readRecords(db, kind, 'id IN (SELECT value FROM json_each(?))', [
        JSON.stringify(table.rows.filter((r) => stored.get(r.id) === false).map((r) => r.id)),
      ]).map((r) => [r.id, r]),
    );
    plans.set(
      kind,
      table.rows.map((row) => {
        const deleted = stored.get(row.id);
        if (deleted === undefined) return 'create';
        if (deleted) return 'revive';
        const current = live.get(row.id)!;
        const same = caseFields(kind).every(
          (f) => JSON.stringify(current[f]) === JSON.stringify(row.fields[f]),
        );
        if (!same) {
          refuse('CASE_FILE_ID_EXISTS', { table: table.name, row: row.row }, 'in the vault');
        }
        return 'unchanged';
      }),
    );
  }
  return plans;
}

/** Id -> deleted, for every record of a kind the vault holds. */
function storedRows(db: ReadDb, kind: RecordKind): Map<string, boolean> {
  return new Map(
    all(db, `SELECT id, deleted FROM ${TABLES[kind]}`).map((r) => [String(r.id), r.deleted === 1]),
  );
}
