import { ExternalId, externalIdKey, formatExternalId, parseExternalId } from '../api/externalIds';
import type { DuplicateChoice, ImportTarget } from '../api/import';
import { Id } from '../api/schemas';
import type { ReadDb } from '../db/handle';
import { readRecord } from '../db/records';
import { validate, type PlannedRecord, type RowOutcome } from './plan';
import { parseCount, parseCountries, parseDate, splitList, type RowReader } from './rowReader';
import type { ValueResolver } from './values';
import { isKeyed, recordKey, type PersonIndex } from './vaultIndex';

/** What the rows of a person table are read against, once for all rows. */
export interface PersonContext {
  db: ReadDb;
  persons: PersonIndex;
  values: ValueResolver;
  recordKeys: Set<string>;
  duplicateChoice: (row: number) => DuplicateChoice;
  /** externalIdKey (or `vigil:` and a Vigil id) -> the row of this file that carries it first. */
  idsInFile: Map<string, number>;
  /** Whether a person record of this vault, live or deleted, has this id. */
  usedId: (id: string) => boolean;
}

export interface PersonRow {
  records: PlannedRecord[];
  outcome: RowOutcome;
  duplicate: boolean;
}

const sameName = (field: string) => field as ImportTarget;

/** The person fields of the row's mapped columns, as the file gives them. */
function personFields(r: RowReader, ctx: PersonContext): Record<string, unknown> {
  if (r.text('name').trim() === '') r.error('REQUIRED', 'name', 'a name is required');
  const fields: Record<string, unknown> = { name: r.text('name') };
  if (r.has('nameLatin')) fields.nameLatin = r.text('nameLatin');
  if (r.has('nameVariants')) fields.nameVariants = splitList(r.text('nameVariants'));
  if (r.has('sex')) fields.sex = ctx.values.one(r, 'sex');
  if (r.has('birthDate')) fields.birthDate = parseDate(r, 'birthDate');
  if (r.has('citizenship')) fields.citizenship = parseCountries(r);
  if (r.has('region')) fields.region = ctx.values.one(r, 'region');
  if (r.has('occupation')) fields.occupation = r.text('occupation');
  if (r.has('notes')) fields.notes = r.text('notes');
  const consent = r.has('consent') ? ctx.values.one(r, 'consent') : null;
  if (consent) fields.consent = consent;
  const externalIds = rowExternalIds(r, ctx);
  if (externalIds.length > 0) fields.externalIds = externalIds;
  return fields;
}

/** The row's ids, one per id column; the same id twice in the file is an error. */
function rowExternalIds(r: RowReader, ctx: PersonContext): string[] {
  const ids: string[] = [];
  for (const column of r.columns.externalIds) {
    const value = r.cell(column).trim();
    if (value === '') continue;
    const id = formatExternalId(column.scheme, value);
    if (!ExternalId.safeParse(id).success) {
      r.report('error', 'INVALID', null, 'an external id of up to 200 characters', { value });
      continue;
    }
    const key = externalIdKey(column.scheme, value);
    const otherRow = ctx.idsInFile.get(key);
    if (otherRow !== undefined) {
      r.report('error', 'DUPLICATE_EXTERNAL_ID', null, `the same id as row ${otherRow}`, {
        column: column.name,
        value,
        otherRow,
      });
    } else ctx.idsInFile.set(key, r.row);
    ids.push(id);
  }
  return ids;
}

/**
 * The vault's person this row is about: by Vigil id, else by external id. Ids that name two
 * different persons are an error, never a guess.
 */
function matchedPerson(r: RowReader, ctx: PersonContext, externalIds: string[]): string | null {
  const found = new Set<string>();
  const vigilId = r.text('id').trim();
  if (vigilId !== '' && ctx.persons.ids.has(vigilId)) found.add(vigilId);
  for (const id of externalIds) {
    const { scheme, value } = parseExternalId(id)!;
    const owner = ctx.persons.withExternalId(scheme, value);
    if (owner) found.add(owner);
  }
  if (found.size > 1) {
    r.error('DUPLICATE_EXTERNAL_ID', null, 'the ids of this row belong to different persons');
    return null;
  }
  return [...found][0] ?? null;
}

const isBlank = (value: unknown) =>
  value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** "1970" read over "1970-01-01": the file knows less than the vault, which is no change. */
const lessPrecise = (have: unknown, value: unknown) =>
  typeof have === 'string' &&
  typeof value === 'string' &&
  /^\d{4}(-\d{2})?$/.test(value) &&
  have.startsWith(`${value}-`);

/**
 * The fields of an existing person that the row changes. A blank cell never erases what the
 * vault holds, a less precise date never replaces a more precise one, and external ids are
 * added to the person's, never taken away.
 */
function changedFields(
  existing: Record<string, unknown>,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (isBlank(value) || lessPrecise(existing[field], value)) continue;
    if (field === 'externalIds') {
      const have = existing.externalIds as string[];
      const added = (value as string[]).filter((id) => !have.includes(id));
      if (added.length > 0) changes.externalIds = [...have, ...added];
    } else if (JSON.stringify(existing[field]) !== JSON.stringify(value)) {
      changes[field] = value;
    }
  }
  return changes;
}

/** The likely duplicate of a row with no id match, by name (or Latin name) and birth year. */
function likelyDuplicate(ctx: PersonContext, fields: Record<string, unknown>): string | undefined {
  const birthDate = (fields.birthDate as string | null | undefined) ?? null;
  return [fields.name, fields.nameLatin]
    .filter((name): name is string => typeof name === 'string' && name.trim() !== '')
    .map((name) => ctx.persons.likelyDuplicate(name, birthDate))
    .find(Boolean);
}

/**
 * A new person keeps the Vigil id of its row when no record of this vault has it: a file
 * exported from another vault then re-imports onto the same persons, and the same person
 * reaches two vaults under one id, as a colleague's bundle would bring it.
 */
function newId(r: RowReader, ctx: PersonContext): { newId?: string } {
  const id = r.text('id').trim();
  if (!Id.safeParse(id).success || ctx.usedId(id)) return {};
  const key = `vigil:${id}`;
  const otherRow = ctx.idsInFile.get(key);
  if (otherRow !== undefined) {
    r.report('error', 'DUPLICATE_EXTERNAL_ID', 'id', `the same Vigil id as row ${otherRow}`, {
      otherRow,
    });
    return {};
  }
  ctx.idsInFile.set(key, r.row);
  return { newId: id };
}

/** A row of a person table: the person, and the custody, court and risk records of its columns. */
export function personRow(r: RowReader, ctx: PersonContext): PersonRow {
  const fields = personFields(r, ctx);
  let existingId = matchedPerson(r, ctx, (fields.externalIds as string[] | undefined) ?? []);
  let duplicate = false;
  if (!existingId) {
    const similar = likelyDuplicate(ctx, fields);
    if (similar) {
      duplicate = true;
      const choice = ctx.duplicateChoice(r.row);
      r.report('warning', 'DUPLICATE_IN_VAULT', 'name', `likely the same person (${choice})`, {
        personId: similar,
      });
      if (choice === 'skip') return { records: [], outcome: 'skipped', duplicate };
      if (choice === 'merge') existingId = similar;
    }
  }
  const related = relatedRecords(r, ctx);
  if (!existingId) {
    const person = { ...validate(r, 'person', fields, sameName, false), ...newId(r, ctx) };
    return { records: [person, ...related], outcome: 'new', duplicate };
  }
  const existing = readRecord(ctx.db, 'person', existingId)!;
  const changes = changedFields(existing, fields);
  const checked = validate(r, 'person', changes, sameName, false, existing);
  const person = { ...checked, fields: changes, existingId };
  const added = related
    .map((record) => ({
      ...record,
      ofRowPerson: false,
      fields: { ...record.fields, personId: existingId },
    }))
    .filter(
      (record) =>
        !isKeyed(record.kind) || !ctx.recordKeys.has(recordKey(record.kind, record.fields)),
    );
  const changed = Object.keys(changes).length > 0 || added.length > 0;
  return {
    records: Object.keys(changes).length > 0 ? [person, ...added] : added,
    outcome: changed ? 'changed' : 'unchanged',
    duplicate,
  };
}

/** The arrest, release, sentence and risk columns of a person table, as records of the person. */
function relatedRecords(r: RowReader, ctx: PersonContext): PlannedRecord[] {
  return [
    ...custodyRecords(r, ctx),
    ...sentenceRecords(r),
    ...ctx.values
      .many(r, 'riskCategories')
      .map((category) => validate(r, 'riskAssignment', { category }, () => 'riskCategories', true)),
  ];
}

function custodyRecords(r: RowReader, ctx: PersonContext): PlannedRecord[] {
  const records: PlannedRecord[] = [];
  const arrestDate = r.has('arrestDate') ? parseDate(r, 'arrestDate') : null;
  if (arrestDate) {
    records.push(
      validate(r, 'custodyEvent', { type: 'arrest', date: arrestDate }, () => 'arrestDate', true),
    );
  }
  const releaseDate = r.has('releaseDate') ? parseDate(r, 'releaseDate') : null;
  const releaseType = ctx.values.one(r, 'releaseType');
  if (releaseDate || releaseType) {
    const fields = { type: 'release', date: releaseDate, releaseType };
    const targetOf = (field: string) => (field === 'date' ? 'releaseDate' : 'releaseType');
    records.push(validate(r, 'custodyEvent', fields, targetOf, true));
  }
  return records;
}

/** The sentence columns of a person table, as a criminal proceeding with its verdict date. */
function sentenceRecords(r: RowReader): PlannedRecord[] {
  const sentence = r.text('sentence');
  const sentenceMonths = r.has('sentenceMonths') ? parseCount(r, 'sentenceMonths') : null;
  const verdictDate = r.has('verdictDate') ? parseDate(r, 'verdictDate') : null;
  if (sentence.trim() === '' && sentenceMonths === null && verdictDate === null) return [];
  const targetOf = (field: string): ImportTarget =>
    field === 'notes' ? 'sentence' : field === 'verdictDate' ? 'verdictDate' : 'sentenceMonths';
  const fields = { kind: 'criminal', notes: sentence, sentenceMonths, verdictDate };
  return [validate(r, 'proceeding', fields, targetOf, true)];
}
