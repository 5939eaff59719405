import type { ReadDb } from '../db/handle';
import { all } from '../db/statements';

/** A name for linking: case, ё and spacing do not matter, letters do. */
function linkKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
}

/** Latin and Cyrillic letters that carry no accent to strip. */
const PLAIN_LETTERS = /^[\u0020-\u007e\u0400-\u045f]*$/;

/**
 * A name for spotting likely duplicates: also without accents, so that "Łukašenka" and
 * "Lukasenka" fold together, with the birth year. Plain Latin and Cyrillic skip the costly
 * decomposition (a large file has a name per row); й, ў and ё keep their letters, ё folded by
 * `linkKey`.
 */
export function duplicateKey(name: string, birthDate: string | null): string {
  const linked = linkKey(name);
  const folded = PLAIN_LETTERS.test(linked)
    ? linked
    : linked.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC');
  return `${folded}|${birthDate?.slice(0, 4) ?? ''}`;
}

interface KnownPerson {
  id: string;
  names: string[];
  birthDate: string | null;
}

/**
 * The vault's persons, by id, by name (Cyrillic or Latin) and by name and birth year. The
 * name maps are built on first use: a person table needs only one, an event table the other.
 */
export class PersonIndex {
  readonly ids = new Set<string>();
  private readonly persons: KnownPerson[] = [];
  private byNameMap: Map<string, KnownPerson[]> | null = null;
  private byDuplicateKeyMap: Map<string, string> | null = null;

  constructor(db: ReadDb) {
    const rows = all(db, 'SELECT id, name, name_latin, birth_date FROM persons WHERE deleted = 0');
    for (const row of rows) {
      const names = [String(row.name), String(row.name_latin ?? '')].filter((n) => n.trim());
      const person = { id: String(row.id), names, birthDate: row.birth_date as string | null };
      this.ids.add(person.id);
      this.persons.push(person);
    }
  }

  private get byName(): Map<string, KnownPerson[]> {
    if (!this.byNameMap) {
      this.byNameMap = new Map();
      for (const person of this.persons) {
        for (const key of new Set(person.names.map(linkKey))) {
          const list = this.byNameMap.get(key);
          if (list) list.push(person);
          else this.byNameMap.set(key, [person]);
        }
      }
    }
    return this.byNameMap;
  }

  private get byDuplicateKey(): Map<string, string> {
    if (!this.byDuplicateKeyMap) {
      this.byDuplicateKeyMap = new Map();
      for (const person of this.persons) {
        for (const name of person.names) {
          this.byDuplicateKeyMap.set(duplicateKey(name, person.birthDate), person.id);
        }
      }
    }
    return this.byDuplicateKeyMap;
  }

  /** Persons whose name is `name` and, when given, whose birth date is `birthDate`. */
  find(name: string, birthDate: string | null): string[] {
    const found = (this.byName.get(linkKey(name)) ?? []).filter(
      (p) => birthDate === null || p.birthDate === birthDate,
    );
    return found.map((p) => p.id);
  }

  likelyDuplicate(name: string, birthDate: string | null): string | undefined {
    return this.byDuplicateKey.get(duplicateKey(name, birthDate));
  }
}

const EVENT_KEY_FIELDS = {
  custodyEvent: ['personId', 'type', 'date', 'facility', 'releaseType', 'detentionType'],
  riskAssignment: ['personId', 'category', 'startDate', 'endDate'],
} as const;

/** What makes two custody events, or two risk assignments, the same fact twice. */
export function eventKey(
  kind: keyof typeof EVENT_KEY_FIELDS,
  fields: Record<string, unknown>,
): string {
  return JSON.stringify([kind, ...EVENT_KEY_FIELDS[kind].map((field) => fields[field] ?? null)]);
}

/** Custody events and risk assignments already in the vault, as event keys. */
export function existingEventKeys(db: ReadDb): Set<string> {
  const keys = new Set<string>();
  const custody = all(
    db,
    `SELECT person_id AS personId, type, date, facility, release_type AS releaseType,
       detention_type AS detentionType FROM custody_events WHERE deleted = 0`,
  );
  for (const row of custody) keys.add(eventKey('custodyEvent', row));
  const risks = all(
    db,
    `SELECT person_id AS personId, category, start_date AS startDate, end_date AS endDate
       FROM risk_assignments WHERE deleted = 0`,
  );
  for (const row of risks) keys.add(eventKey('riskAssignment', row));
  return keys;
}
