import type { ReadDb } from '../db/handle';
import { RECORD_DEFAULTS, RECORD_KINDS, type RecordKind, type ThesaurusName } from '../api/records';
import { parseDateCell } from './dates';
import { compactKey } from './headers';
import type { Table, TableRow } from './read';
import type {
  ImportMapping,
  ImportProblem,
  ImportShape,
  ImportTarget,
  ProblemCode,
} from '../api/import';
import { duplicateKey, eventKey, existingEventKeys, PersonIndex } from './vaultIndex';
import { CONSENT_WORDS, EVENT_TYPE_WORDS, SEX_WORDS, Thesauri } from './vocabulary';

interface PlannedRecord {
  kind: RecordKind;
  fields: Record<string, unknown>;
  /** Person table: the record belongs to the person created from the same row. */
  ofRowPerson: boolean;
}

export interface PlannedRow {
  row: number;
  records: PlannedRecord[];
  valid: boolean;
}

export interface Analysis {
  rows: PlannedRow[];
  problems: ImportProblem[];
  rowsWithWarnings: number;
}

/** Stands in for the id of a person not created yet, so dependent records can be checked. */
const PLACEHOLDER_ID = '0'.repeat(32);
const MAX_VALUE_SHOWN = 100;

/** What the analysis needs from the vault, read once for all rows. */
interface VaultView {
  thesauri: Thesauri;
  persons: PersonIndex;
  eventKeys: Set<string>;
}

/** One row being read: its cells by target, and the problems found in it. */
class RowReader {
  readonly problems: ImportProblem[] = [];

  constructor(
    private readonly source: TableRow,
    private readonly columns: Map<ImportTarget, { index: number; name: string }>,
    private readonly width: number,
  ) {}

  get row(): number {
    return this.source.row;
  }

  has(target: ImportTarget): boolean {
    return this.columns.has(target);
  }

  text(target: ImportTarget): string {
    const column = this.columns.get(target);
    return column ? (this.source.cells[column.index] ?? '') : '';
  }

  report(
    severity: ImportProblem['severity'],
    code: ProblemCode,
    target: ImportTarget | null,
    message: string,
    extra: Partial<ImportProblem> = {},
  ): void {
    const column = target ? (this.columns.get(target)?.name ?? null) : null;
    const value = target ? this.text(target) : '';
    this.problems.push({
      row: this.row,
      column,
      code,
      severity,
      message,
      ...(value ? { value: value.slice(0, MAX_VALUE_SHOWN) } : {}),
      ...extra,
    });
  }

  error(code: ProblemCode, target: ImportTarget | null, message: string): void {
    this.report('error', code, target, message);
  }

  /** Cells beyond the header usually mean separators went wrong in this row. */
  checkWidth(): void {
    if (this.source.cells.slice(this.width).some((cell) => cell.trim() !== '')) {
      this.error('EXTRA_CELLS', null, 'the row has more cells than the header');
    }
  }

  hasError(target: ImportTarget | null): boolean {
    const column = target ? this.columns.get(target)?.name : undefined;
    return this.problems.some((p) => p.severity === 'error' && p.column === column);
  }

  get valid(): boolean {
    return !this.problems.some((p) => p.severity === 'error');
  }
}

function parseDate(r: RowReader, target: ImportTarget): string | null {
  const date = parseDateCell(r.text(target));
  if (date === undefined)
    r.error('BAD_DATE', target, 'use YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY');
  return date ?? null;
}

function splitList(text: string): string[] {
  return text
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function parseTerms(
  r: RowReader,
  view: VaultView,
  target: ImportTarget,
  thesaurus: ThesaurusName,
): string[] {
  const codes = splitList(r.text(target)).flatMap((item) => {
    const match = view.thesauri.match(thesaurus, item);
    if (match === 'unknown' || match === 'ambiguous') {
      r.report(
        'error',
        match === 'unknown' ? 'UNKNOWN_VALUE' : 'AMBIGUOUS_VALUE',
        target,
        `${match} ${thesaurus} value`,
        { value: item.slice(0, MAX_VALUE_SHOWN) },
      );
      return [];
    }
    if (match.deprecated) r.report('warning', 'DEPRECATED_VALUE', target, 'a retired term');
    return [match.code];
  });
  // "Инвалидность; disability" is one category written twice.
  return [...new Set(codes)];
}

function parseTerm(
  r: RowReader,
  view: VaultView,
  target: ImportTarget,
  thesaurus: ThesaurusName,
): string | null {
  return parseTerms(r, view, target, thesaurus)[0] ?? null;
}

/** A word from a fixed list (sex, consent, event type): null when blank. */
function parseWord(r: RowReader, target: ImportTarget, words: Map<string, string>): string | null {
  const text = r.text(target).trim();
  if (text === '') return null;
  const code = words.get(compactKey(text));
  if (!code) r.error('UNKNOWN_VALUE', target, 'not one of the allowed values');
  return code ?? null;
}

function parseCountries(r: RowReader): string[] {
  const codes = r
    .text('citizenship')
    .split(/[;,]/)
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code !== '');
  if (codes.some((code) => !/^[A-Z]{2}$/.test(code))) {
    r.error('BAD_COUNTRY', 'citizenship', 'use two-letter country codes separated by ;');
  }
  return codes;
}

function parseMonths(r: RowReader): number | null {
  const text = r.text('sentenceMonths').trim();
  if (text === '') return null;
  if (!/^\d+(\.0+)?$/.test(text)) {
    r.error('BAD_NUMBER', 'sentenceMonths', 'a whole number of months');
    return null;
  }
  return Number(text);
}

/**
 * Checks a record against its kind's schema, the same one every write through the API obeys.
 * `targetOf` says which column a field came from, for the message.
 */
function validate(
  r: RowReader,
  kind: RecordKind,
  fields: Record<string, unknown>,
  targetOf: (field: string) => ImportTarget | null,
  ofRowPerson: boolean,
): PlannedRecord {
  const record = { ...RECORD_DEFAULTS[kind], ...fields };
  const checked = ofRowPerson ? { ...record, personId: PLACEHOLDER_ID } : record;
  const parsed = RECORD_KINDS[kind].safeParse(checked);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      // A cell already reported (a blank name, say) needs no second message.
      if (!r.hasError(targetOf(field)))
        r.error('INVALID', targetOf(field), `${field}: ${issue.message}`);
    }
    return { kind, fields: record, ofRowPerson };
  }
  const data = parsed.data as Record<string, unknown>;
  if (ofRowPerson) delete data.personId;
  return { kind, fields: data, ofRowPerson };
}

const sameName = (field: string) => field as ImportTarget;

function personRecords(r: RowReader, view: VaultView): PlannedRecord[] {
  if (r.text('name').trim() === '') r.error('REQUIRED', 'name', 'a name is required');
  const fields: Record<string, unknown> = { name: r.text('name') };
  if (r.has('nameLatin')) fields.nameLatin = r.text('nameLatin');
  if (r.has('nameVariants')) fields.nameVariants = splitList(r.text('nameVariants'));
  if (r.has('sex')) fields.sex = parseWord(r, 'sex', SEX_WORDS);
  if (r.has('birthDate')) fields.birthDate = parseDate(r, 'birthDate');
  if (r.has('citizenship')) fields.citizenship = parseCountries(r);
  if (r.has('region')) fields.region = parseTerm(r, view, 'region', 'region');
  if (r.has('occupation')) fields.occupation = r.text('occupation');
  if (r.has('notes')) fields.notes = r.text('notes');
  const consent = r.has('consent') ? parseWord(r, 'consent', CONSENT_WORDS) : null;
  if (consent) fields.consent = consent;
  return [
    validate(r, 'person', fields, sameName, false),
    ...personEvents(r, view),
    ...personProceeding(r),
    ...parseTerms(r, view, 'riskCategories', 'risk_category').map((category) =>
      validate(r, 'riskAssignment', { category }, () => 'riskCategories', true),
    ),
  ];
}

/** The arrest and release columns of a person table, as custody events. */
function personEvents(r: RowReader, view: VaultView): PlannedRecord[] {
  const records: PlannedRecord[] = [];
  const arrestDate = r.has('arrestDate') ? parseDate(r, 'arrestDate') : null;
  if (arrestDate) {
    records.push(
      validate(r, 'custodyEvent', { type: 'arrest', date: arrestDate }, () => 'arrestDate', true),
    );
  }
  const releaseDate = r.has('releaseDate') ? parseDate(r, 'releaseDate') : null;
  const releaseType = parseTerm(r, view, 'releaseType', 'release_type');
  if (releaseDate || releaseType) {
    const fields = { type: 'release', date: releaseDate, releaseType };
    const targetOf = (field: string) => (field === 'date' ? 'releaseDate' : 'releaseType');
    records.push(validate(r, 'custodyEvent', fields, targetOf, true));
  }
  return records;
}

/** The sentence columns of a person table, as a criminal proceeding. */
function personProceeding(r: RowReader): PlannedRecord[] {
  const sentence = r.text('sentence');
  const sentenceMonths = r.has('sentenceMonths') ? parseMonths(r) : null;
  if (sentence.trim() === '' && sentenceMonths === null) return [];
  const targetOf = (field: string) => (field === 'notes' ? 'sentence' : 'sentenceMonths');
  return [validate(r, 'proceeding', { notes: sentence, sentenceMonths }, targetOf, true)];
}

/** The person an event row is about: by Vigil id, else by name and (if given) birth date. */
function linkPerson(r: RowReader, view: VaultView): string {
  const id = r.text('personId').trim();
  if (id !== '' && view.persons.ids.has(id)) return id;
  const name = r.text('personName').trim();
  if (name === '') {
    r.error(id ? 'PERSON_NOT_FOUND' : 'REQUIRED', id ? 'personId' : 'personName', 'no such person');
    return PLACEHOLDER_ID;
  }
  const found = view.persons.find(name, parseDate(r, 'personBirthDate'));
  if (found.length === 1) return found[0]!;
  r.error(
    found.length === 0 ? 'PERSON_NOT_FOUND' : 'PERSON_AMBIGUOUS',
    'personName',
    found.length === 0 ? 'no person of that name in the vault' : 'several persons match',
  );
  return PLACEHOLDER_ID;
}

/** Cells that mean nothing for this kind of row must be empty, or they would be lost. */
function checkNotApplicable(r: RowReader, targets: ImportTarget[], kind: string): void {
  for (const target of targets) {
    if (r.text(target).trim() !== '') r.error('NOT_APPLICABLE', target, `not used for ${kind}`);
  }
}

function eventRecords(r: RowReader, view: VaultView): PlannedRecord[] {
  const personId = linkPerson(r, view);
  const typeText = r.text('type').trim();
  const type = typeText
    ? parseWord(r, 'type', EVENT_TYPE_WORDS)
    : r.text('category').trim()
      ? 'risk'
      : null;
  if (!typeText && type === null) {
    r.error('REQUIRED', r.has('type') ? 'type' : null, 'an event type is required');
  }
  if (type === null) return [];
  const notes = r.text('notes');
  if (type === 'risk') {
    checkNotApplicable(r, ['facility', 'releaseType', 'detentionType'], 'risk categories');
    const startFrom = r.text('startDate').trim() === '' ? 'date' : 'startDate';
    if (startFrom === 'startDate') checkNotApplicable(r, ['date'], 'risk categories');
    const category = parseTerm(r, view, 'category', 'risk_category');
    const fields = {
      personId,
      category,
      startDate: parseDate(r, startFrom),
      endDate: parseDate(r, 'endDate'),
      notes,
    };
    if (category === null) {
      if (r.text('category').trim() === '') {
        r.error('REQUIRED', r.has('category') ? 'category' : null, 'a risk category is required');
      }
      return [];
    }
    return [validate(r, 'riskAssignment', fields, sameName, false)];
  }
  checkNotApplicable(r, ['category', 'startDate', 'endDate'], 'custody events');
  const fields = {
    personId,
    type,
    date: parseDate(r, 'date'),
    facility: parseTerm(r, view, 'facility', 'facility'),
    releaseType: parseTerm(r, view, 'releaseType', 'release_type'),
    detentionType: parseTerm(r, view, 'detentionType', 'detention_type'),
    notes,
  };
  return [validate(r, 'custodyEvent', fields, sameName, false)];
}

/** Warns about rows that repeat another row, or something already in the vault. */
class DuplicateCheck {
  private readonly seen = new Map<string, number>();

  constructor(private readonly view: VaultView) {}

  person(r: RowReader, person: Record<string, unknown>): void {
    const birthDate = (person.birthDate as string | null) ?? null;
    const names = [person.name, person.nameLatin].filter((n): n is string => !!n);
    const keys = [...new Set(names.map((name) => duplicateKey(name, birthDate)))];
    const id = r.text('id').trim();
    const inVault = this.view.persons.ids.has(id)
      ? id
      : names.map((name) => this.view.persons.likelyDuplicate(name, birthDate)).find(Boolean);
    if (inVault) {
      r.report(
        'warning',
        'DUPLICATE_IN_VAULT',
        'name',
        'a person with this name and birth year is in the vault',
        { personId: inVault },
      );
    }
    this.inFile(r, keys, 'name');
  }

  event(r: RowReader, record: PlannedRecord): void {
    const key = eventKey(record.kind as 'custodyEvent' | 'riskAssignment', record.fields);
    if (this.view.eventKeys.has(key)) {
      r.report('warning', 'DUPLICATE_IN_VAULT', null, 'the vault already records this');
    }
    this.inFile(r, [key], null);
  }

  private inFile(r: RowReader, keys: string[], target: ImportTarget | null): void {
    const otherRow = keys.map((key) => this.seen.get(key)).find((row) => row !== undefined);
    if (otherRow !== undefined) {
      r.report('warning', 'DUPLICATE_IN_FILE', target, `the same as row ${otherRow}`, { otherRow });
    }
    for (const key of keys) if (!this.seen.has(key)) this.seen.set(key, r.row);
  }
}

function columnsByTarget(
  columns: string[],
  mapping: ImportMapping,
): Map<ImportTarget, { index: number; name: string }> {
  const byTarget = new Map<ImportTarget, { index: number; name: string }>();
  columns.forEach((name, index) => {
    // Own keys only: a column called "constructor" must not find Object.prototype's.
    const target = Object.hasOwn(mapping, name) ? mapping[name] : undefined;
    if (target && target !== 'ignore') byTarget.set(target, { index, name });
  });
  return byTarget;
}

/**
 * The dry run: every row of the table turned into the records it would create, with every
 * problem found. Reads the vault, writes nothing; the import runs it again before writing.
 */
export function analyse(
  db: ReadDb,
  table: Table,
  shape: ImportShape,
  mapping: ImportMapping,
): Analysis {
  const view: VaultView = {
    thesauri: new Thesauri(db),
    persons: new PersonIndex(db),
    eventKeys: shape === 'events' ? existingEventKeys(db) : new Set(),
  };
  const columns = columnsByTarget(table.columns, mapping);
  const duplicates = new DuplicateCheck(view);
  const problems: ImportProblem[] = [];
  let rowsWithWarnings = 0;
  const rows = table.rows.map((source) => {
    const r = new RowReader(source, columns, table.columns.length);
    r.checkWidth();
    const records = shape === 'persons' ? personRecords(r, view) : eventRecords(r, view);
    // A row with errors is not imported, so it duplicates nothing.
    if (r.valid && shape === 'persons') duplicates.person(r, records[0]!.fields);
    else if (r.valid) for (const record of records) duplicates.event(r, record);
    problems.push(...r.problems);
    if (r.problems.some((p) => p.severity === 'warning')) rowsWithWarnings++;
    return { row: r.row, records, valid: r.valid };
  });
  return { rows, problems, rowsWithWarnings };
}
