import type { ReadDb } from '../db/handle';
import { all } from '../db/statements';
import type { ContactRecord } from './contacts';

/**
 * Who may receive a logged change set, by the cases it is about (its `owners`, core/db/syncLog.ts)
 * and what the contact may see, judged on the cases as they are now: a case moved into a
 * contact's regions, or no longer marked never publish, sends its older sets in the next bundle.
 * A set goes only when every case it touches is visible; one about a case this vault cannot
 * place (`?`) goes only to contacts who see everything.
 */
export type Visibility = (owners: string) => boolean;

interface CaseFacts {
  persons: Map<string, { region: string | null; neverPublish: boolean }>;
  /** Source id -> the persons citing it. */
  citedBy: Map<string, string[]>;
}

export function caseFacts(db: ReadDb): CaseFacts {
  const persons = new Map<string, { region: string | null; neverPublish: boolean }>();
  for (const row of all(db, 'SELECT id, region, consent FROM persons')) {
    persons.set(String(row.id), {
      region: row.region === null ? null : String(row.region),
      neverPublish: row.consent === 'never_publish',
    });
  }
  const citedBy = new Map<string, string[]>();
  const cite = (source: string, person: unknown) => {
    if (typeof person !== 'string' || !person) return;
    citedBy.set(source, [...(citedBy.get(source) ?? []), person]);
  };
  for (const row of all(
    db,
    `SELECT c.source_id AS source, CASE c.entity
       WHEN 'person' THEN c.entity_id
       WHEN 'statusEvent' THEN (SELECT person_id FROM status_events WHERE id = c.entity_id)
       WHEN 'proceeding' THEN (SELECT person_id FROM proceedings WHERE id = c.entity_id)
       WHEN 'custodyEvent' THEN (SELECT person_id FROM custody_events WHERE id = c.entity_id)
       WHEN 'riskAssignment' THEN (SELECT person_id FROM risk_assignments WHERE id = c.entity_id)
     END AS person FROM citations c WHERE c.deleted = 0`,
  ))
    cite(String(row.source), row.person);
  return { persons, citedBy };
}

export function visibilityFor(contact: ContactRecord, facts: CaseFacts): Visibility {
  if (contact.scope === 'all') return () => true;
  const regions = new Set(contact.regions);
  const personVisible = (id: string) => {
    const person = facts.persons.get(id);
    if (!person) return false;
    return contact.scope === 'regions'
      ? person.region !== null && regions.has(person.region)
      : !person.neverPublish;
  };
  const sourceVisible = (id: string) => {
    const citing = facts.citedBy.get(id);
    if (!citing) return contact.scope === 'no_never_publish';
    return citing.some(personVisible);
  };
  return (owners) =>
    owners === '' ||
    owners.split(' ').every((owner) => {
      if (owner.startsWith('p:')) return personVisible(owner.slice(2));
      if (owner.startsWith('s:')) return sourceVisible(owner.slice(2));
      return false;
    });
}
