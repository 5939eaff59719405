import type { Audience } from '../api/reports';
import type { ReadDb } from '../db/handle';
import { readRecords, type StoredRecord } from '../db/records';
import { discloseSources, readDisclosed, redactLinked, type DisclosedPerson } from '../disclosure';
import { CODE_FIELDS } from '../model/codeFields';
import type { CaseKind } from './caseFileLayout';
import { PERSON_RECORD_KINDS, readPersonRecords, type PersonRecordKind } from './personRecords';

export interface CaseFileContent {
  persons: DisclosedPerson[];
  records: Record<Exclude<CaseKind, 'person'>, StoredRecord[]>;
  /** The person each citation's record belongs to. */
  citedPerson: Map<string, string>;
}

/**
 * Everything a case file holds, read through the disclosure policy for its audience. The
 * persons are those `readDisclosed` lets through (for publication: no never-publish case, and
 * withheld names pseudonymised); their records come with them, without their identifying fields
 * for a pseudonymised person. Sources are those the file's citations cite, as `discloseSources`
 * shows them: a confidential one is left out of a publication with its citations, and one cited
 * for a pseudonymised person keeps only what cannot name them. Terms are those the records use.
 *
 * An internal file of every person is the whole register: it holds the sources no one cites
 * and the terms no record uses too, so that import into an empty vault gives back every record.
 */
export function readCaseFileContent(
  db: ReadDb,
  personIds: string[] | undefined,
  audience: Audience,
): CaseFileContent {
  const whole = audience === 'internal' && personIds === undefined;
  const persons = readDisclosed(db, personIds, audience).persons;
  const byId = new Map(persons.map((p) => [p.id, p]));
  const rank = new Map(persons.map((p, i) => [p.id, i]));
  // Entity/id of every record in the file that a citation may cite, with its person.
  const owner = new Map(persons.map((p) => [`person/${p.id}`, p]));

  const linked = {} as Record<PersonRecordKind, StoredRecord[]>;
  for (const kind of PERSON_RECORD_KINDS) {
    linked[kind] = readPersonRecords(db, kind, byId);
    for (const r of linked[kind]) owner.set(`${kind}/${r.id}`, byId.get(String(r.personId))!);
  }
  // An event's proceeding is in the file whenever its person is; a link to another person's
  // proceeding that the file leaves out would point nowhere, so it is not written.
  linked.custodyEvent = linked.custodyEvent.map((r) =>
    r.proceedingId === null || owner.has(`proceeding/${String(r.proceedingId)}`)
      ? r
      : { ...r, proceedingId: null },
  );

  const cited = readRecords(db, 'citation', '1 = 1', []).filter((c) =>
    owner.has(`${String(c.entity)}/${String(c.entityId)}`),
  );
  const sources = readSources(db, cited, owner, audience, whole);
  const citations: StoredRecord[] = [];
  const citedPerson = new Map<string, string>();
  for (const c of cited) {
    if (!sources.has(String(c.sourceId))) continue;
    const person = owner.get(`${String(c.entity)}/${String(c.entityId)}`)!;
    citations.push(redactLinked('citation', c, person));
    citedPerson.set(c.id, person.id);
  }
  citations.sort((a, b) => rank.get(citedPerson.get(a.id)!)! - rank.get(citedPerson.get(b.id)!)!);

  const sourceList = [...sources.values()].sort(
    (a, b) => compare(String(a.title), String(b.title)) || compare(a.id, b.id),
  );
  const records = { ...linked, source: sourceList, citation: citations };
  const terms = readTerms(db, [['person', persons], ...Object.entries(linked)], whole);
  return { persons, records: { ...records, thesaurusTerm: terms }, citedPerson };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The sources of the file by id, as the policy shows them. */
function readSources(
  db: ReadDb,
  cited: StoredRecord[],
  owner: Map<string, DisclosedPerson>,
  audience: Audience,
  whole: boolean,
): Map<string, StoredRecord> {
  const forPseudonym = new Set<string>();
  const citedIds = new Set<string>();
  for (const c of cited) {
    citedIds.add(String(c.sourceId));
    if (owner.get(`${String(c.entity)}/${String(c.entityId)}`)!.pseudonym !== null) {
      forPseudonym.add(String(c.sourceId));
    }
  }
  const all = readRecords(db, 'source', '1 = 1', []).filter(
    (s) => whole || citedIds.has(s.id),
  ) as (StoredRecord & {
    confidentiality: unknown;
    title: string;
    reference: string;
    notes: string;
  })[];
  // A source cited for a named and a pseudonymised person is shown as for the pseudonym.
  const shown = [
    ...discloseSources(
      all.filter((s) => forPseudonym.has(s.id)),
      audience,
      { pseudonymised: true },
    ).sources,
    ...discloseSources(
      all.filter((s) => !forPseudonym.has(s.id)),
      audience,
    ).sources,
  ];
  return new Map(shown.map((s) => [s.id, s]));
}

/** The terms the records use (every term, for the whole register), by thesaurus and order. */
function readTerms(
  db: ReadDb,
  tables: [string, readonly Record<string, unknown>[]][],
  whole: boolean,
): StoredRecord[] {
  const used = new Set<string>();
  for (const [kind, records] of tables) {
    for (const [field, thesaurus] of Object.entries(CODE_FIELDS[kind as CaseKind] ?? {})) {
      for (const r of records) {
        const value = r[field];
        for (const code of Array.isArray(value) ? value : value === null ? [] : [value]) {
          used.add(`${thesaurus}/${String(code)}`);
        }
      }
    }
  }
  return readRecords(db, 'thesaurusTerm', '1 = 1', [], 'thesaurus, sort, code, id').filter(
    (t) => whole || used.has(`${String(t.thesaurus)}/${String(t.code)}`),
  );
}
