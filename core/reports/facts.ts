import { intervalOf } from '../api/dates';
import type { ReadDb } from '../db/handle';
import { readRecords, type StoredRecord } from '../db/records';
import { redactLinked, type DisclosedPerson, type LinkedKind } from '../disclosure';
import { isCustodial, typeNumber } from '../stats/custody';

/**
 * What the list and the dossier say about a person's cases and custody, read for many persons
 * at once and through the disclosure policy (a pseudonymised person's records lose their
 * identifying fields here, as they are read).
 */

type PersonKind = Exclude<LinkedKind, 'citation'>;

const PERSON_TABLE_ORDER: Record<PersonKind, string> = {
  statusEvent: "coalesce(date, '9999'), created_at, id",
  proceeding: "coalesce(verdict_date, opened_date, '9999'), created_at, id",
  custodyEvent: "coalesce(date, '9999'), created_at, id",
  riskAssignment: "coalesce(start_date, '9999'), created_at, id",
};

/** Each person's records of a kind, in date order, as the policy lets the output show them. */
export function readByPerson(
  db: ReadDb,
  kind: PersonKind,
  persons: readonly DisclosedPerson[],
): Map<string, StoredRecord[]> {
  const byId = new Map(persons.map((p) => [p.id, p]));
  const out = new Map<string, StoredRecord[]>(persons.map((p) => [p.id, []]));
  const records = readRecords(
    db,
    kind,
    'person_id IN (SELECT value FROM json_each(?))',
    [JSON.stringify([...byId.keys()])],
    PERSON_TABLE_ORDER[kind],
  );
  for (const record of records) {
    const person = byId.get(String(record.personId))!;
    out.get(person.id)!.push(redactLinked(kind, record, person));
  }
  return out;
}

/** The first day a partial date may mean; undated records are null. */
export function earliestDay(date: unknown): number | null {
  return typeof date === 'string' ? (intervalOf(date)?.lo ?? null) : null;
}

/**
 * Custody events in the order they happened: by the first day their date may mean, then (on
 * the same day) in the order of their types, as the figures place them; undated events last.
 */
export function inDateOrder(events: readonly StoredRecord[]): StoredRecord[] {
  const placed = events.map((event, index) => ({ event, index, day: earliestDay(event.date) }));
  placed.sort((a, b) => {
    if (a.day !== b.day) {
      if (a.day === null) return 1;
      if (b.day === null) return -1;
      return a.day - b.day;
    }
    const types = typeNumber(String(a.event.type)) - typeNumber(String(b.event.type));
    return types !== 0 ? types : a.index - b.index;
  });
  return placed.map((p) => p.event);
}

export interface CustodyAsOf {
  /** The date of the event that began the custody spell the person is in. */
  detentionDate: string | null;
  /** The facility of the last event of that spell that names one. */
  facility: string | null;
}

/**
 * Where a person is held on `day`: the events that may have happened by then, in order; the
 * spell is the run of custodial events since the last release (or death in custody). Null when
 * the person is not held on that day, so a released person shows no facility to write to.
 * Undated events cannot be placed and are left out, as the figures leave them out.
 */
export function custodyAsOf(events: readonly StoredRecord[], day: number): CustodyAsOf | null {
  let spell: CustodyAsOf | null = null;
  for (const event of inDateOrder(events)) {
    const at = earliestDay(event.date);
    if (at === null || at > day) break;
    if (!isCustodial(typeNumber(String(event.type)))) {
      spell = null;
      continue;
    }
    spell ??= { detentionDate: String(event.date), facility: null };
    if (typeof event.facility === 'string' && event.facility) spell.facility = event.facility;
  }
  return spell;
}

/** The criminal proceeding whose verdict is the latest by `day`, if any has a verdict by then. */
export function latestVerdict(
  proceedings: readonly StoredRecord[],
  day: number,
): StoredRecord | null {
  let latest: StoredRecord | null = null;
  let latestDay = -Infinity;
  for (const proceeding of proceedings) {
    if (proceeding.kind !== 'criminal') continue;
    const at = earliestDay(proceeding.verdictDate);
    if (at === null || at > day || at < latestDay) continue;
    latest = proceeding;
    latestDay = at;
  }
  return latest;
}

/** The article codes of a person's criminal proceedings, each once, in the order recorded. */
export function criminalArticles(proceedings: readonly StoredRecord[]): string[] {
  const codes = new Set<string>();
  for (const proceeding of proceedings) {
    if (proceeding.kind !== 'criminal') continue;
    for (const code of proceeding.articles as string[]) codes.add(code);
  }
  return [...codes];
}

/** The postal address of each facility that has one: where supporters write letters to. */
export function facilityAddresses(db: ReadDb): Map<string, string> {
  const addresses = new Map<string, string>();
  for (const term of readRecords(db, 'thesaurusTerm', 'thesaurus = ?', ['facility'])) {
    if (term.address) addresses.set(String(term.code), String(term.address));
  }
  return addresses;
}
