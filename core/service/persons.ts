import type { MethodResult, ParsedArgs } from '../api/contract';
import { ApiError } from '../api/errors';
import type { Person, PersonFile, RecordKind } from '../api/records';
import {
  countPersons as countListed,
  findPerson,
  likelyDuplicates,
  searchPersons,
} from '../db/persons';
import { readRecords } from '../db/records';
import { listQueryFilter } from '../stats';
import { createRecord, updateRecord } from './records';
import { localDate, type CoreSession } from './session';

export async function createPerson(
  session: CoreSession,
  args: ParsedArgs<'createPerson'>,
): Promise<Person> {
  return (await createRecord(session, 'person', args)) as Person;
}

export async function updatePerson(
  session: CoreSession,
  { id, changes }: ParsedArgs<'updatePerson'>,
): Promise<Person> {
  return (await updateRecord(session, 'person', id, changes)) as Person;
}

export async function getPerson(
  session: CoreSession,
  { id }: ParsedArgs<'getPerson'>,
): Promise<Person> {
  const person = findPerson((await session.readVault()).db, id);
  if (!person) throw new ApiError('NOT_FOUND', 'No such person');
  return person;
}

export async function listPersons(
  session: CoreSession,
  args: ParsedArgs<'listPersons'>,
): Promise<MethodResult<'listPersons'>> {
  const db = (await session.readVault()).db;
  const { limit, offset, sort, direction, language } = args;
  const filter = listQueryFilter(db, args, localDate(new Date()));
  return searchPersons(db, { ...filter, limit, offset, sort, direction, language });
}

export async function countPersons(
  session: CoreSession,
  args: ParsedArgs<'countPersons'>,
): Promise<MethodResult<'countPersons'>> {
  const db = (await session.readVault()).db;
  return { total: countListed(db, listQueryFilter(db, args, localDate(new Date()))) };
}

export async function findDuplicates(
  session: CoreSession,
  { name, birthDate, excludeId }: ParsedArgs<'findDuplicates'>,
): Promise<MethodResult<'findDuplicates'>> {
  return likelyDuplicates((await session.readVault()).db, name, birthDate, excludeId);
}

const BY_PERSON: RecordKind[] = ['statusEvent', 'proceeding', 'custodyEvent', 'riskAssignment'];

/** A person with every record about them and the sources cited for any of those records. */
export async function getPersonFile(
  session: CoreSession,
  { id }: ParsedArgs<'getPersonFile'>,
): Promise<PersonFile> {
  const db = (await session.readVault()).db;
  const person = findPerson(db, id);
  if (!person) throw new ApiError('NOT_FOUND', 'No such person');
  const [statusEvents, proceedings, custodyEvents, riskAssignments] = BY_PERSON.map((kind) =>
    readRecords(
      db,
      kind,
      'person_id = ?',
      [id],
      kind === 'custodyEvent' ? "coalesce(date, '9999'), created_at" : 'created_at',
    ),
  ) as [
    PersonFile['statusEvents'],
    PersonFile['proceedings'],
    PersonFile['custodyEvents'],
    PersonFile['riskAssignments'],
  ];
  const targets = [
    id,
    ...[statusEvents, proceedings, custodyEvents, riskAssignments].flat().map((r) => r.id),
  ];
  // One lookup for the citations of every record, and one for their sources.
  const citations = readRecords(db, 'citation', 'entity_id IN (SELECT value FROM json_each(?))', [
    JSON.stringify(targets),
  ]);
  const sources = new Map(
    readRecords(db, 'source', 'id IN (SELECT value FROM json_each(?))', [
      JSON.stringify([...new Set(citations.map((c) => String(c.sourceId)))]),
    ]).map((source) => [source.id, source]),
  );
  const cited = citations.map((citation) => ({
    ...citation,
    source: sources.get(String(citation.sourceId)) ?? null,
  }));
  return { person, statusEvents, proceedings, custodyEvents, riskAssignments, citations: cited };
}
