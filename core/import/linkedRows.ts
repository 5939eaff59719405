import type { ImportShape, ImportTarget } from '../api/import';
import { PLACEHOLDER_ID, validate, type PlannedRecord } from './plan';
import { parseCount, parseDate, type RowReader } from './rowReader';
import type { ValueResolver } from './values';
import type { PersonIndex } from './vaultIndex';

/** What the rows of an event, court case or status table are read against. */
export interface LinkContext {
  persons: PersonIndex;
  values: ValueResolver;
  /** The person the user chose for a row whose link matched several. */
  chosenLink: (row: number) => string | undefined;
}

const sameName = (field: string) => field as ImportTarget;

function candidatesOf(persons: PersonIndex, ids: string[]) {
  return ids.map((id) => {
    const person = persons.person(id)!;
    return { id, name: person.names[0] ?? '', birthDate: person.birthDate };
  });
}

/**
 * The person a row is about: by Vigil id, by the organisation's id, else by name and (when
 * given) birth date. Several persons of that name are not guessed between: the dry run lists
 * them and the user chooses one for the row.
 */
function linkPerson(r: RowReader, ctx: LinkContext): string {
  const id = r.text('personId').trim();
  if (id !== '' && ctx.persons.ids.has(id)) return id;
  const external = r.text('personExternalId').trim();
  if (external !== '') {
    const owner = ctx.persons.withExternalId(r.scheme('personExternalId'), external);
    if (owner) return owner;
  }
  const name = r.text('personName').trim();
  if (name === '') {
    const target = id ? 'personId' : external ? 'personExternalId' : 'personName';
    r.error(id || external ? 'PERSON_NOT_FOUND' : 'REQUIRED', target, 'no such person');
    return PLACEHOLDER_ID;
  }
  const found = ctx.persons.find(name, parseDate(r, 'personBirthDate'));
  if (found.length === 1) return found[0]!;
  const chosen = ctx.chosenLink(r.row);
  if (chosen && found.includes(chosen)) return chosen;
  if (found.length === 0) {
    r.error('PERSON_NOT_FOUND', 'personName', 'no person of that name in the vault');
  } else {
    r.report('error', 'PERSON_AMBIGUOUS', 'personName', 'several persons match', {
      candidates: candidatesOf(ctx.persons, found),
    });
  }
  return PLACEHOLDER_ID;
}

/** Cells that mean nothing for this kind of row must be empty, or they would be lost. */
function checkNotApplicable(r: RowReader, targets: ImportTarget[], kind: string): void {
  for (const target of targets) {
    if (r.text(target).trim() !== '') r.error('NOT_APPLICABLE', target, `not used for ${kind}`);
  }
}

function eventRecords(r: RowReader, ctx: LinkContext, personId: string): PlannedRecord[] {
  const typeText = r.text('type').trim();
  const type = typeText ? ctx.values.one(r, 'type') : r.text('category').trim() ? 'risk' : null;
  if (!typeText && type === null) {
    r.error('REQUIRED', r.has('type') ? 'type' : null, 'an event type is required');
  }
  if (type === null) return [];
  const notes = r.text('notes');
  if (type === 'risk') {
    checkNotApplicable(r, ['facility', 'releaseType', 'detentionType'], 'risk categories');
    const startFrom = r.text('startDate').trim() === '' ? 'date' : 'startDate';
    if (startFrom === 'startDate') checkNotApplicable(r, ['date'], 'risk categories');
    const category = ctx.values.one(r, 'category');
    if (category === null) {
      if (r.text('category').trim() === '') {
        r.error('REQUIRED', r.has('category') ? 'category' : null, 'a risk category is required');
      }
      return [];
    }
    const fields = {
      personId,
      category,
      startDate: parseDate(r, startFrom),
      endDate: parseDate(r, 'endDate'),
      notes,
    };
    return [validate(r, 'riskAssignment', fields, sameName, false)];
  }
  checkNotApplicable(r, ['category', 'startDate', 'endDate'], 'custody events');
  const fields = {
    personId,
    type,
    date: parseDate(r, 'date'),
    facility: ctx.values.one(r, 'facility'),
    releaseType: ctx.values.one(r, 'releaseType'),
    detentionType: ctx.values.one(r, 'detentionType'),
    notes,
  };
  return [validate(r, 'custodyEvent', fields, sameName, false)];
}

/** A court case: criminal unless the row says administrative. */
function proceedingRecords(r: RowReader, ctx: LinkContext, personId: string): PlannedRecord[] {
  const fields = {
    personId,
    kind: ctx.values.one(r, 'kind') ?? 'criminal',
    articles: ctx.values.many(r, 'articles'),
    court: r.text('court'),
    judge: r.text('judge'),
    caseNumber: r.text('caseNumber'),
    openedDate: parseDate(r, 'openedDate'),
    verdictDate: parseDate(r, 'verdictDate'),
    sentenceType: ctx.values.one(r, 'sentenceType'),
    sentenceMonths: parseCount(r, 'sentenceMonths'),
    sentenceDays: parseCount(r, 'sentenceDays'),
    regime: r.text('regime'),
    appealDate: parseDate(r, 'appealDate'),
    appealOutcome: r.text('appealOutcome'),
    notes: r.text('notes'),
  };
  return [validate(r, 'proceeding', fields, sameName, false)];
}

/** Recognised as a political prisoner (or the status removed) on a date, by whom. */
function statusRecords(r: RowReader, ctx: LinkContext, personId: string): PlannedRecord[] {
  const fields = {
    personId,
    status: ctx.values.one(r, 'status') ?? 'recognised',
    date: parseDate(r, 'date'),
    recognisedBy: r.text('recognisedBy'),
    notes: r.text('notes'),
  };
  return [validate(r, 'statusEvent', fields, sameName, false)];
}

const BUILDERS = {
  events: eventRecords,
  proceedings: proceedingRecords,
  statuses: statusRecords,
} as const;

/** A row of a table that links to persons: the records it adds to its person. */
export function linkedRow(
  r: RowReader,
  ctx: LinkContext,
  shape: Exclude<ImportShape, 'persons'>,
): PlannedRecord[] {
  return BUILDERS[shape](r, ctx, linkPerson(r, ctx));
}
