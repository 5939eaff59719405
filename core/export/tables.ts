import type { ReadDb } from '../db/handle';
import type { Audience } from '../api/reports';
import type { StoredRecord } from '../db/records';
import { readDisclosed, type DisclosedPerson } from '../disclosure';
import { pseudonymLabel, toRows, withLabels, type Column, type LabelLanguage } from './columns';
import { readPersonRecords } from './personRecords';

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

const value = (field: string) => (r: StoredRecord) =>
  r[field] === null || r[field] === undefined ? '' : String(r[field]);

/**
 * How a row of a linked table names its person: by Vigil ID, and by name and birth date, so
 * that a pseudonymised person's rows (with no Vigil ID) still match the person table's row.
 */
function linkColumns(persons: ReadonlyMap<string, DisclosedPerson>): Column[] {
  const person = (r: StoredRecord) => persons.get(String(r.personId))!;
  return [
    { header: 'Person ID', value: (r) => personId(person(r)) },
    { header: 'Person name', value: (r) => personName(person(r)) },
    { header: 'Person birth date', value: (r) => person(r).birthDate ?? '' },
  ];
}

/** The event table: custody events, then risk assignments (type `risk`), of each person. */
const EVENT_COLUMNS: Column[] = [
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

/** The table of court cases, with the headers the import knows them by. */
const PROCEEDING_COLUMNS: Column[] = [
  { header: 'Kind', value: text('kind') },
  {
    header: 'Articles',
    value: list('articles'),
    thesaurus: 'article',
    codes: (r) => r.articles as string[],
  },
  { header: 'Court', value: text('court') },
  { header: 'Judge', value: text('judge') },
  { header: 'Case number', value: text('caseNumber') },
  { header: 'Opened date', value: text('openedDate') },
  { header: 'Verdict date', value: text('verdictDate') },
  { header: 'Sentence type', value: text('sentenceType'), thesaurus: 'sentence_type' },
  { header: 'Sentence (months)', value: value('sentenceMonths') },
  { header: 'Sentence (days)', value: value('sentenceDays') },
  { header: 'Regime', value: text('regime') },
  { header: 'Appeal date', value: text('appealDate') },
  { header: 'Appeal outcome', value: text('appealOutcome') },
  { header: 'Notes', value: text('notes') },
];

/** Status history: recognised as a political prisoner on a date, by whom, or the status removed. */
const STATUS_COLUMNS: Column[] = [
  { header: 'Status', value: text('status') },
  { header: 'Date', value: text('date') },
  { header: 'Recognised by', value: text('recognisedBy') },
  { header: 'Notes', value: text('notes') },
];

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

/** A table of records that hang off the persons: their events, court cases or status history. */
export function linkedTable(
  db: ReadDb,
  shape: 'events' | 'proceedings' | 'statuses',
  personIds: string[] | undefined,
  audience: Audience,
  labels?: LabelLanguage,
): string[][] {
  const persons = new Map(readDisclosed(db, personIds, audience).persons.map((p) => [p.id, p]));
  const rank = new Map([...persons.keys()].map((id, i) => [id, i]));
  const byPerson = (a: StoredRecord, b: StoredRecord) =>
    rank.get(String(a.personId))! - rank.get(String(b.personId))!;
  const [records, columns] =
    shape === 'proceedings'
      ? [readPersonRecords(db, 'proceeding', persons), PROCEEDING_COLUMNS]
      : shape === 'statuses'
        ? [readPersonRecords(db, 'statusEvent', persons), STATUS_COLUMNS]
        : // A stable sort by person keeps each person's events in date order, custody first.
          [
            [
              ...readPersonRecords(db, 'custodyEvent', persons),
              ...readPersonRecords(db, 'riskAssignment', persons),
            ].sort(byPerson),
            EVENT_COLUMNS,
          ];
  return toRows(withLabels([...linkColumns(persons), ...columns], db, labels), records);
}
