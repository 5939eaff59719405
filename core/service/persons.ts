import { randomBytes } from 'node:crypto';
import type { MethodResult, ParsedArgs } from '../api/contract';
import { ApiError } from '../api/errors';
import type { PersonFields } from '../api/schemas';
import type { Cell } from '../changes/changeSet';
import { findPerson, searchPersons } from '../db/persons';
import type { CoreSession } from './session';

function personCells(id: string, fields: Partial<PersonFields>): Cell[] {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([field, value]) => ({ entity: 'person', id, field, value: value as Cell['value'] }));
}

export async function createPerson(
  session: CoreSession,
  args: ParsedArgs<'createPerson'>,
): Promise<MethodResult<'createPerson'>> {
  const id = randomBytes(16).toString('hex');
  const fields: PersonFields = {
    nameLatin: '',
    birthDate: null,
    citizenship: [],
    notes: '',
    ...args,
  };
  await session.commit([
    ...personCells(id, fields),
    // createdAt is a value in the record, so replay and sync never compute it.
    { entity: 'person', id, field: 'createdAt', value: new Date().toISOString() },
  ]);
  return getPerson(session, { id });
}

export async function updatePerson(
  session: CoreSession,
  { id, changes }: ParsedArgs<'updatePerson'>,
): Promise<MethodResult<'updatePerson'>> {
  const vault = await session.readVault();
  if (!findPerson(vault.db, id)) throw new ApiError('NOT_FOUND', 'No such person');
  const cells = personCells(id, changes);
  if (cells.length > 0) await session.commit(cells);
  return getPerson(session, { id });
}

export async function getPerson(
  session: CoreSession,
  { id }: ParsedArgs<'getPerson'>,
): Promise<MethodResult<'getPerson'>> {
  const person = findPerson((await session.readVault()).db, id);
  if (!person) throw new ApiError('NOT_FOUND', 'No such person');
  return person;
}

export async function listPersons(
  session: CoreSession,
  { query, limit, offset }: ParsedArgs<'listPersons'>,
): Promise<MethodResult<'listPersons'>> {
  return searchPersons((await session.readVault()).db, query, limit, offset);
}
