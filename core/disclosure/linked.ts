import type { StoredRecord } from '../db/records';
import type { DisclosedPerson } from './persons';

/** The records that hang off a person and may go into an output with them. */
export type LinkedKind =
  'statusEvent' | 'proceeding' | 'custodyEvent' | 'riskAssignment' | 'citation';

/**
 * Fields of a linked record that identify a pseudonymised person as surely as their name:
 * free-text notes (researchers write names, relatives and addresses into them), and a
 * proceeding's case number and judge, which anyone can look up in a court's published list.
 */
const IDENTIFYING: Record<LinkedKind, readonly string[]> = {
  statusEvent: ['notes'],
  proceeding: ['notes', 'caseNumber', 'judge'],
  custodyEvent: ['notes'],
  riskAssignment: ['notes'],
  citation: ['notes'],
};

/**
 * A record of `person` as an output may show it: whole for a named person, without its
 * identifying fields (emptied, so columns and templates need no special case) for a
 * pseudonymised one.
 */
export function redactLinked<T extends StoredRecord>(
  kind: LinkedKind,
  record: T,
  person: DisclosedPerson,
): T {
  if (person.pseudonym === null) return record;
  const redacted: StoredRecord = { ...record };
  for (const field of IDENTIFYING[kind]) redacted[field] = '';
  return redacted as T;
}
