import type { ReadDb } from '../db/handle';
import type { ThesaurusName } from '../api/records';
import { readRecords, type StoredRecord } from '../db/records';

type LabelLanguage = 'en' | 'be' | 'ru';

interface Column {
  header: string;
  value: (record: StoredRecord) => string;
  /** Code columns name their thesaurus, so a label column can go beside them. */
  thesaurus?: ThesaurusName;
}

const text = (field: string) => (r: StoredRecord) => (r[field] as string | null) ?? '';
const list = (field: string) => (r: StoredRecord) => (r[field] as string[]).join('; ');

/**
 * The person table. Headers are the import's English names, so an exported file maps itself
 * on import. The Vigil id lets a re-import recognise persons already in this vault.
 */
const PERSON_COLUMNS: Column[] = [
  { header: 'Vigil ID', value: text('id') },
  { header: 'Name', value: text('name') },
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
function eventColumns(persons: Map<string, StoredRecord>): Column[] {
  const person = (field: string) => (r: StoredRecord) =>
    (persons.get(String(r.personId))?.[field] as string | null) ?? '';
  return [
    { header: 'Person ID', value: text('personId') },
    { header: 'Person name', value: person('name') },
    { header: 'Person birth date', value: person('birthDate') },
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

const LABEL_FIELD: Record<LabelLanguage, string> = { en: 'labelEn', be: 'labelBe', ru: 'labelRu' };

/** code -> label, per thesaurus; a missing translation falls back to English, then the code. */
export function labelLookup(db: ReadDb, language: LabelLanguage) {
  const labels = new Map<string, string>();
  for (const term of readRecords(db, 'thesaurusTerm', '1 = 1', [])) {
    const label = String(term[LABEL_FIELD[language]] || term.labelEn || term.code);
    labels.set(`${String(term.thesaurus)}/${String(term.code)}`, label);
  }
  return (thesaurus: ThesaurusName, code: string) =>
    code === '' ? '' : (labels.get(`${thesaurus}/${code}`) ?? code);
}

/** Adds "<header> label" after each code column when labels are asked for. */
function withLabels(columns: Column[], db: ReadDb, language?: LabelLanguage): Column[] {
  if (!language) return columns;
  const label = labelLookup(db, language);
  return columns.flatMap((column) => {
    const thesaurus = column.thesaurus;
    if (!thesaurus) return [column];
    return [
      column,
      {
        header: `${column.header} label`,
        value: (r: StoredRecord) => label(thesaurus, column.value(r)),
      },
    ];
  });
}

function toRows(columns: Column[], records: StoredRecord[]): string[][] {
  return [columns.map((c) => c.header), ...records.map((r) => columns.map((c) => c.value(r)))];
}

function selectedPersons(db: ReadDb, personIds?: string[]): StoredRecord[] {
  const persons = readRecords(db, 'person', '1 = 1', [], 'name COLLATE NOCASE, id');
  if (!personIds) return persons;
  const wanted = new Set(personIds);
  return persons.filter((p) => wanted.has(p.id));
}

export function personTable(db: ReadDb, personIds?: string[], labels?: LabelLanguage): string[][] {
  return toRows(withLabels(PERSON_COLUMNS, db, labels), selectedPersons(db, personIds));
}

export function eventTable(db: ReadDb, personIds?: string[], labels?: LabelLanguage): string[][] {
  const persons = new Map(selectedPersons(db, personIds).map((p) => [p.id, p]));
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
  );
  const risks = readRecords(
    db,
    'riskAssignment',
    '1 = 1',
    [],
    "coalesce(start_date, '9999'), created_at, id",
  );
  // A stable sort by person keeps each person's events in date order, custody before risks.
  const events = [...custody, ...risks].filter(ofSelected).sort(byPerson);
  return toRows(withLabels(eventColumns(persons), db, labels), events);
}
