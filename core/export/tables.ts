import type { ReadDb } from '../db/handle';
import type { Audience } from '../api/reports';
import { readRecords, type StoredRecord } from '../db/records';
import { readDisclosed, redactLinked, type DisclosedPerson } from '../disclosure';
import { pseudonymLabel, toRows, withLabels, type Column, type LabelLanguage } from './columns';

const text = (field: string) => (r: StoredRecord) => (r[field] as string | null) ?? '';
const list = (field: string) => (r: StoredRecord) => (r[field] as string[]).join('; ');

/**
 * A pseudonymised person's row has no Vigil ID, so that a re-import of a published file can
 * never write a pseudonym over the real record; events find them again by label and birth year.
 */
const personId = (p: DisclosedPerson) => (p.pseudonym === null ? p.id : '');
const personName = (p: DisclosedPerson) => p.displayName ?? pseudonymLabel(p.pseudonym!);

/**
 * The person table. Headers are the import's English names, so an exported file maps itself
 * on import. The Vigil id lets a re-import recognise persons already in this vault.
 */
const PERSON_COLUMNS: Column<DisclosedPerson>[] = [
  { header: 'Vigil ID', value: personId },
  { header: 'Name', value: personName },
  { header: 'Name (Latin)', value: text('nameLatin') },
  { header: 'Name variants', value: list('nameVariants') },
  { header: 'Sex', value: text('sex') },
  { header: 'Birth date', value: text('birthDate') },
  { header: 'Citizenship', value: list('citizenship') },
  { header: 'Region', value: text('region'), thesaurus: 'region' },
  { header: 'Occupation', value: text('occupation') },
  { header: 'Notes', value: text('notes') },
  { header: 'Consent', value: text('consent') },
];

/** The event table: custody events, then risk assignments (type `risk`), of each person. */
function eventColumns(persons: Map<string, DisclosedPerson>): Column[] {
  const person = (r: StoredRecord) => persons.get(String(r.personId))!;
  return [
    { header: 'Person ID', value: (r) => personId(person(r)) },
    { header: 'Person name', value: (r) => personName(person(r)) },
    { header: 'Person birth date', value: (r) => person(r).birthDate ?? '' },
    { header: 'Type', value: (r) => (r.category === undefined ? String(r.type) : 'risk') },
    { header: 'Date', value: text('date') },
    { header: 'Facility', value: text('facility'), thesaurus: 'facility' },
    { header: 'Release type', value: text('releaseType'), thesaurus: 'release_type' },
    { header: 'Detention type', value: text('detentionType'), thesaurus: 'detention_type' },
    { header: 'Category', value: text('category'), thesaurus: 'risk_category' },
    { header: 'Start date', value: text('startDate') },
    { header: 'End date', value: text('endDate') },
    { header: 'Notes', value: text('notes') },
  ];
}

/** Each row is one person's, so the rows are read through the disclosure policy. */
export function personTable(
  db: ReadDb,
  personIds: string[] | undefined,
  audience: Audience,
  labels?: LabelLanguage,
): string[][] {
  return toRows(
    withLabels(PERSON_COLUMNS, db, labels),
    readDisclosed(db, personIds, audience).persons,
  );
}

export function eventTable(
  db: ReadDb,
  personIds: string[] | undefined,
  audience: Audience,
  labels?: LabelLanguage,
): string[][] {
  const persons = new Map(readDisclosed(db, personIds, audience).persons.map((p) => [p.id, p]));
  const rank = new Map([...persons.keys()].map((id, i) => [id, i]));
  const ofSelected = (r: StoredRecord) => persons.has(String(r.personId));
  const byPerson = (a: StoredRecord, b: StoredRecord) =>
    rank.get(String(a.personId))! - rank.get(String(b.personId))!;
  const custody = readRecords(
    db,
    'custodyEvent',
    '1 = 1',
    [],
    "coalesce(date, '9999'), created_at, id",
  )
    .filter(ofSelected)
    .map((r) => redactLinked('custodyEvent', r, persons.get(String(r.personId))!));
  const risks = readRecords(
    db,
    'riskAssignment',
    '1 = 1',
    [],
    "coalesce(start_date, '9999'), created_at, id",
  )
    .filter(ofSelected)
    .map((r) => redactLinked('riskAssignment', r, persons.get(String(r.personId))!));
  // A stable sort by person keeps each person's events in date order, custody before risks.
  const events = [...custody, ...risks].sort(byPerson);
  return toRows(withLabels(eventColumns(persons), db, labels), events);
}
