import type { Person } from '../api/records';
import type { Audience, DisclosureSummary } from '../api/reports';
import type { ReadDb } from '../db/handle';
import { readRecords } from '../db/records';
import { pseudonymCodes } from './pseudonym';

/**
 * A person as an output may show them. For a pseudonymised person the identifying fields are
 * already gone: the output never had them, so no template, stylesheet or spreadsheet column
 * can let them through by mistake.
 */
export type DisclosedPerson = Person & {
  /** The stable code (`12345-67890`) a withheld name is replaced by; null when the name shows. */
  pseudonym: string | null;
  /** The name to show, or null when the output must show its own label for `pseudonym`. */
  displayName: string | null;
};

export interface Disclosed {
  persons: DisclosedPerson[];
  summary: DisclosureSummary;
}

/**
 * What `withhold_name` removes: the names, the organisation's own ids (a list number is looked
 * up in a published list as easily as a name), the birth day and month (with the region and
 * the year of birth they narrow a person down to a few), occupation and free-text notes.
 */
function withoutIdentity(person: Person): Person {
  return {
    ...person,
    name: '',
    nameLatin: '',
    nameVariants: [],
    externalIds: [],
    birthDate: person.birthDate === null ? null : person.birthDate.slice(0, 4),
    occupation: '',
    notes: '',
  };
}

function readPersons(db: ReadDb, personIds: string[] | undefined): Person[] {
  if (!personIds) {
    return readRecords(db, 'person', '1 = 1', [], 'name COLLATE NOCASE, id') as unknown as Person[];
  }
  const found = new Map(
    (
      readRecords(db, 'person', 'id IN (SELECT value FROM json_each(?))', [
        JSON.stringify(personIds),
      ]) as unknown as Person[]
    ).map((p) => [p.id, p]),
  );
  const ordered: Person[] = [];
  for (const id of new Set(personIds)) {
    const person = found.get(id);
    if (person) ordered.push(person);
  }
  return ordered;
}

/**
 * The persons an output may hold, read through the disclosure policy. `publish`: never-publish
 * persons are left out and withhold-name persons come with a pseudonym and without their
 * identifying fields. `internal`: everyone as recorded, which the output must say.
 *
 * Order: `personIds` as given, or by name. In `publish` output the pseudonymised persons follow
 * the named ones, in code order: left among the names, a pseudonym's place would tell where its
 * name falls in the alphabet.
 */
export function readDisclosed(
  db: ReadDb,
  personIds: string[] | undefined,
  audience: Audience,
): Disclosed {
  const persons = readPersons(db, personIds);
  const summary: DisclosureSummary = {
    audience,
    persons: 0,
    leftOut: 0,
    pseudonymised: 0,
    neverPublishIncluded: 0,
    sourcesWithheld: 0,
  };
  if (audience === 'internal') {
    summary.persons = persons.length;
    summary.neverPublishIncluded = persons.filter((p) => p.consent === 'never_publish').length;
    return {
      persons: persons.map((p) => ({ ...p, pseudonym: null, displayName: p.name })),
      summary,
    };
  }
  // Only the two consents that allow publication let a person through: any other value is left
  // out, so a consent this version does not know can never publish a name.
  const named: DisclosedPerson[] = persons
    .filter((p) => p.consent === 'publish')
    .map((p) => ({ ...p, pseudonym: null, displayName: p.name }));
  const withheld = persons.filter((p) => p.consent === 'withhold_name');
  const codes = pseudonymCodes(withheld.map((p) => p.id));
  const pseudonymised: DisclosedPerson[] = withheld
    .map((p) => ({ ...withoutIdentity(p), pseudonym: codes.get(p.id)!, displayName: null }))
    .sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : a.pseudonym > b.pseudonym ? 1 : 0));
  summary.persons = named.length + pseudonymised.length;
  summary.pseudonymised = pseudonymised.length;
  summary.leftOut = persons.length - summary.persons;
  return { persons: [...named, ...pseudonymised], summary };
}
