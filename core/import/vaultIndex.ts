import { externalIdKey, parseExternalId } from '../api/externalIds';
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

export interface KnownPerson {
  id: string;
  /** The name, then the Latin name when there is one. */
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
  private readonly byId = new Map<string, KnownPerson>();
  /** externalIdKey -> person id. */
  private readonly byExternalId = new Map<string, string>();
  private byNameMap: Map<string, KnownPerson[]> | null = null;
  private byDuplicateKeyMap: Map<string, string> | null = null;

  constructor(db: ReadDb) {
    const rows = all(
      db,
      'SELECT id, name, name_latin, birth_date, external_ids FROM persons WHERE deleted = 0',
    );
    for (const row of rows) {
      const names = [String(row.name), String(row.name_latin ?? '')].filter((n) => n.trim());
      const person = { id: String(row.id), names, birthDate: row.birth_date as string | null };
      this.ids.add(person.id);
      this.persons.push(person);
      this.byId.set(person.id, person);
      for (const text of JSON.parse(String(row.external_ids)) as string[]) {
        const parsed = parseExternalId(text);
        if (parsed) this.byExternalId.set(externalIdKey(parsed.scheme, parsed.value), person.id);
      }
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

  /** The person who carries this id of this scheme. */
  withExternalId(scheme: string, value: string): string | undefined {
    return this.byExternalId.get(externalIdKey(scheme, value));
  }

  person(id: string): KnownPerson | undefined {
    return this.byId.get(id);
  }

  likelyDuplicate(name: string, birthDate: string | null): string | undefined {
    return this.byDuplicateKey.get(duplicateKey(name, birthDate));
  }
}

/** The fields that make two records of a linked table the same fact twice. */
const KEY_FIELDS = {
  custodyEvent: ['personId', 'type', 'date', 'facility', 'releaseType', 'detentionType'],
  riskAssignment: ['personId', 'category', 'startDate', 'endDate'],
  proceeding: ['personId', 'kind', 'caseNumber', 'verdictDate', 'sentenceMonths', 'sentenceDays'],
  statusEvent: ['personId', 'status', 'date'],
} as const;
export type KeyedKind = keyof typeof KEY_FIELDS;

const KEY_SQL: Record<KeyedKind, string> = {
  custodyEvent: `SELECT person_id AS personId, type, date, facility, release_type AS releaseType,
       detention_type AS detentionType FROM custody_events WHERE deleted = 0`,
  riskAssignment: `SELECT person_id AS personId, category, start_date AS startDate,
       end_date AS endDate FROM risk_assignments WHERE deleted = 0`,
  proceeding: `SELECT person_id AS personId, kind, case_number AS caseNumber,
       verdict_date AS verdictDate, sentence_months AS sentenceMonths,
       sentence_days AS sentenceDays FROM proceedings WHERE deleted = 0`,
  statusEvent: `SELECT person_id AS personId, status, date FROM status_events WHERE deleted = 0`,
};

/** What makes two records of a linked table one fact: an import adds it only once. */
export function recordKey(kind: KeyedKind, fields: Record<string, unknown>): string {
  return JSON.stringify([kind, ...KEY_FIELDS[kind].map((field) => fields[field] ?? null)]);
}

export function isKeyed(kind: string): kind is KeyedKind {
  return Object.hasOwn(KEY_FIELDS, kind);
}

/** The keys of every live record of the linked tables in the vault. */
export function existingRecordKeys(db: ReadDb): Set<string> {
  const keys = new Set<string>();
  for (const kind of Object.keys(KEY_SQL) as KeyedKind[]) {
    for (const row of all(db, KEY_SQL[kind])) keys.add(recordKey(kind, row));
  }
  return keys;
}
