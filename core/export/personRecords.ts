import type { ReadDb } from '../db/handle';
import { readRecords, type StoredRecord } from '../db/records';
import { redactLinked, type DisclosedPerson } from '../disclosure';

/** The records that hang off a person, each read in the order a reader expects them. */
const DATE_ORDER = {
  proceeding: "coalesce(verdict_date, opened_date, '9999'), created_at, id",
  custodyEvent: "coalesce(date, '9999'), created_at, id",
  riskAssignment: "coalesce(start_date, '9999'), created_at, id",
  statusEvent: "coalesce(date, '9999'), created_at, id",
} as const;
export type PersonRecordKind = keyof typeof DATE_ORDER;
export const PERSON_RECORD_KINDS = Object.keys(DATE_ORDER) as PersonRecordKind[];

/**
 * The records of one kind of the persons an output holds (`persons`, in the output's order,
 * as the disclosure policy gave them), without their identifying fields for a pseudonymised
 * person: each person's in date order, the persons in their order.
 */
export function readPersonRecords(
  db: ReadDb,
  kind: PersonRecordKind,
  persons: ReadonlyMap<string, DisclosedPerson>,
): StoredRecord[] {
  const rank = new Map([...persons.keys()].map((id, i) => [id, i]));
  return (
    readRecords(db, kind, '1 = 1', [], DATE_ORDER[kind])
      .filter((r) => persons.has(String(r.personId)))
      .map((r) => redactLinked(kind, r, persons.get(String(r.personId))!))
      // A stable sort: each person's records stay in date order.
      .sort((a, b) => rank.get(String(a.personId))! - rank.get(String(b.personId))!)
  );
}
