import type { ReadDb } from '../db/handle';
import { z } from 'zod';
import { ApiError } from '../api/errors';
import { RECORD_DEFAULTS, RECORD_KINDS, type RecordKind, type ThesaurusName } from '../api/records';
import type { Cell } from '../changes/changeSet';
import { newRecordId } from '../changes/ids';
import { all, first } from '../db/statements';
import { externalIdKey, parseExternalId } from '../api/externalIds';
import { readRecord, type StoredRecord } from '../db/records';
import { CODE_FIELDS, REFERENCES } from '../model/codeFields';
import type { CoreSession } from './session';

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || 'fields'}: ${issue.message}`)
    .join('; ');
}

/**
 * Checks a whole record: its schema, its thesaurus codes and the records it points at. An edit
 * names the fields it `changes`: a person's external ids, which are checked against every other
 * person (a scan of the table), are checked only when they change.
 */
export function validateRecord(
  db: ReadDb,
  kind: RecordKind,
  fields: Record<string, unknown>,
  changes?: Record<string, unknown>,
): Record<string, unknown> {
  const parsed = RECORD_KINDS[kind].safeParse(fields);
  if (!parsed.success) throw new ApiError('INVALID_INPUT', describe(parsed.error));
  const record = parsed.data as Record<string, unknown>;
  for (const [field, thesaurus] of Object.entries(CODE_FIELDS[kind] ?? {})) {
    const value = record[field];
    const codes = Array.isArray(value)
      ? value
      : value === null || value === undefined
        ? []
        : [value];
    for (const code of codes as string[]) {
      if (!termExists(db, thesaurus, code)) {
        throw new ApiError('INVALID_INPUT', `${field}: unknown ${thesaurus} code "${code}"`);
      }
    }
  }
  for (const [field, target] of Object.entries(REFERENCES[kind] ?? {})) {
    const id = record[field];
    if (typeof id === 'string' && !readRecord(db, target, id)) {
      throw new ApiError('INVALID_INPUT', `${field}: no such ${target}`);
    }
  }
  if (kind === 'thesaurusTerm') {
    const { thesaurus, code } = record as { thesaurus: ThesaurusName; code: string };
    const other = first(
      db,
      'SELECT id FROM thesaurus_terms WHERE thesaurus = ? AND code = ? AND deleted = 0',
      [thesaurus, code],
    );
    // Figures count by code, so two terms with one code would merge silently.
    if (other && other.id !== (fields as { id?: string }).id) {
      throw new ApiError('INVALID_INPUT', `code: ${thesaurus} already has a term "${code}"`);
    }
  }
  if (kind === 'person' && (!changes || 'externalIds' in changes))
    checkExternalIds(db, record, (fields as { id?: string }).id);
  if (kind === 'citation') {
    const { entity, entityId } = record as { entity: RecordKind; entityId: string };
    if (!readRecord(db, entity, entityId))
      throw new ApiError('INVALID_INPUT', 'entityId: no such record');
  }
  return record;
}

/**
 * An external id names one person: refuses one that another live person carries. The SQL
 * finds candidates by the id's text (LIKE folds ASCII case only); the key comparison decides.
 */
function checkExternalIds(db: ReadDb, record: Record<string, unknown>, id = ''): void {
  for (const text of record.externalIds as string[]) {
    const { scheme, value } = parseExternalId(text)!;
    // The column is JSON: the value is looked for as JSON writes it.
    const written = JSON.stringify(value).slice(1, -1);
    const like = `%${written.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const others = all(
      db,
      `SELECT id, external_ids FROM persons
       WHERE deleted = 0 AND id <> ? AND external_ids LIKE ? ESCAPE '\\'`,
      [id, like],
    );
    const key = externalIdKey(scheme, value);
    const taken = others.some((row) =>
      (JSON.parse(String(row.external_ids)) as string[]).some((other) => {
        const parsed = parseExternalId(other);
        return parsed !== null && externalIdKey(parsed.scheme, parsed.value) === key;
      }),
    );
    if (taken) throw new ApiError('EXTERNAL_ID_TAKEN', `externalIds: ${scheme} id in use`);
  }
}

export function termExists(db: ReadDb, thesaurus: ThesaurusName, code: string): boolean {
  return Boolean(
    first(
      db,
      'SELECT 1 AS found FROM thesaurus_terms WHERE thesaurus = ? AND code = ? AND deleted = 0',
      [thesaurus, code],
    ),
  );
}

function cellsFor(kind: RecordKind, id: string, fields: Record<string, unknown>): Cell[] {
  return Object.entries(fields).map(([field, value]) => ({
    entity: kind,
    id,
    field,
    value: value as Cell['value'],
  }));
}

export async function createRecord(
  session: CoreSession,
  kind: RecordKind,
  fields: Record<string, unknown>,
): Promise<StoredRecord> {
  const vault = await session.readVault();
  const record = validateRecord(vault.db, kind, { ...RECORD_DEFAULTS[kind], ...fields });
  const id = newRecordId();
  // createdAt is a value in the record, so replay and sync never compute it.
  await session.commit([
    ...cellsFor(kind, id, record),
    { entity: kind, id, field: 'createdAt', value: new Date().toISOString() },
  ]);
  return readRecord((await session.readVault()).db, kind, id)!;
}

/** Commits only the fields that differ, so an edit never overwrites a colleague's other fields. */
export async function updateRecord(
  session: CoreSession,
  kind: RecordKind,
  id: string,
  changes: Record<string, unknown>,
): Promise<StoredRecord> {
  // Only the kind's own fields: an unknown name, or id, createdAt or deleted (which have their
  // own commands or none), is refused rather than ignored.
  const fields = RECORD_KINDS[kind].partial().strict().safeParse(changes);
  if (!fields.success) throw new ApiError('INVALID_INPUT', describe(fields.error));
  const vault = await session.readVault();
  const current = readRecord(vault.db, kind, id);
  if (!current) throw new ApiError('NOT_FOUND', `No such ${kind}`);
  const merged = validateRecord(vault.db, kind, { ...current, ...changes }, changes);
  const changed = Object.fromEntries(
    Object.keys(changes)
      .filter((field) => JSON.stringify(merged[field]) !== JSON.stringify(current[field]))
      .map((field) => [field, merged[field]]),
  );
  if (Object.keys(changed).length > 0) await session.commit(cellsFor(kind, id, changed));
  return readRecord((await session.readVault()).db, kind, id)!;
}

/** A delete is a tombstone: the record disappears from lists and figures, its history stays. */
export async function deleteRecord(
  session: CoreSession,
  kind: RecordKind,
  id: string,
): Promise<void> {
  const vault = await session.readVault();
  if (!readRecord(vault.db, kind, id)) throw new ApiError('NOT_FOUND', `No such ${kind}`);
  await session.commit([{ entity: kind, id, field: 'deleted', value: true }]);
}

export async function getRecord(
  session: CoreSession,
  kind: RecordKind,
  id: string,
): Promise<StoredRecord> {
  const record = readRecord((await session.readVault()).db, kind, id);
  if (!record) throw new ApiError('NOT_FOUND', `No such ${kind}`);
  return record;
}
