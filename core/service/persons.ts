import type { MethodResult, ParsedArgs } from '../api/contract';
import { ApiError } from '../api/errors';
import type { Person, PersonFile, RecordKind } from '../api/records';
import { findPerson, likelyDuplicates, searchPersons } from '../db/persons';
import { readRecord, readRecords } from '../db/records';
import { createRecord, updateRecord } from './records';
import type { CoreSession } from './session';

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
  return searchPersons((await session.readVault()).db, args);
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
    ['person', id],
    ...BY_PERSON.flatMap((kind, i) =>
      [statusEvents, proceedings, custodyEvents, riskAssignments][i]!.map((r) => [kind, r.id]),
    ),
  ];
  const citations = targets.flatMap(([kind, targetId]) =>
    readRecords(db, 'citation', 'entity = ? AND entity_id = ?', [kind!, targetId!]).map(
      (citation) => ({
        ...citation,
        source: readRecord(db, 'source', String(citation.sourceId)),
      }),
    ),
  );
  return { person, statusEvents, proceedings, custodyEvents, riskAssignments, citations };
}
