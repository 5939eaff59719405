import type { ReadDb } from '../../db/handle';
import { readRecords, type StoredRecord } from '../../db/records';
import { discloseSources, type DisclosedPerson } from '../../disclosure';
import { sortByText } from '../../search/collation';
import { countryName } from '../../api/countries';
import { inDateOrder, readByPerson } from '../facts';
import { formatDate } from '../format';
import { personName } from '../names';
import { sentenceText } from '../sentence';
import type { StringKey, Translate } from '../strings';
import type { ReportContext } from '../types';

/** A part of the dossier: its heading, and its content as a table (the sheet has the same). */
export interface DossierSection {
  heading: string;
  headers: string[];
  rows: string[][];
}

type T = Translate<'dossier'>;

const SEX: Record<string, StringKey<'dossier'>> = {
  female: 'sexFemale',
  male: 'sexMale',
  other: 'sexOther',
};
const STATUS: Record<string, StringKey<'dossier'>> = {
  recognised: 'recognised',
  status_removed: 'statusRemoved',
};
const PROCEEDING: Record<string, StringKey<'dossier'>> = {
  criminal: 'criminal',
  administrative: 'administrative',
};
const EVENT: Record<string, StringKey<'dossier'>> = {
  detention: 'detention',
  arrest: 'arrest',
  sentence: 'sentenced',
  transfer: 'transfer',
  release: 'release',
  rearrest: 'rearrest',
  death_in_custody: 'deathInCustody',
};
const SOURCE_KIND: Record<string, StringKey<'dossier'>> = {
  document: 'kindDocument',
  interview: 'kindInterview',
  media: 'kindMedia',
  relative: 'kindRelative',
  court_record: 'kindCourtRecord',
  other: 'kindOther',
};
const RELIABILITY: Record<string, StringKey<'dossier'>> = {
  high: 'reliabilityHigh',
  medium: 'reliabilityMedium',
  low: 'reliabilityLow',
  unknown: 'reliabilityUnknown',
};

/** An enum value's word; a value this version does not know shows as recorded. */
function word(t: T, words: Record<string, StringKey<'dossier'>>, value: unknown): string {
  if (typeof value !== 'string' || !value) return '';
  const key = words[value];
  return key ? t(key) : value;
}

function date(context: ReportContext, value: unknown): string {
  return typeof value === 'string' && value ? formatDate(context.language, value) : '';
}

function label(context: ReportContext, thesaurus: 'facility' | 'release_type', code: unknown) {
  return typeof code === 'string' && code ? context.label(thesaurus, code) : '';
}

/**
 * The person as the policy gave them: a pseudonymised person has no name, variants or birth
 * day to show, so those rows are simply empty and left out, and the name is the case code.
 */
export function identitySection(
  person: DisclosedPerson,
  context: ReportContext,
  t: T,
): DossierSection {
  const fields: [string, string][] = [
    [t('name'), person.pseudonym === null ? person.name : personName(person, context)],
    [t('nameLatin'), person.nameLatin],
    [t('nameVariants'), person.nameVariants.join('; ')],
    [t('sex'), word(t, SEX, person.sex)],
    [t('birthDate'), date(context, person.birthDate)],
    [t('citizenship'), person.citizenship.map((c) => countryName(context.language, c)).join(', ')],
    [t('region'), person.region ? context.label('region', person.region) : ''],
    [t('occupation'), person.occupation],
  ];
  return {
    heading: t('identity'),
    headers: [t('field'), t('value')],
    rows: fields.filter(([, value]) => value !== ''),
  };
}

/** Status, proceedings, custody and risks: the person's records, read through the policy. */
export function recordSections(
  db: ReadDb,
  person: DisclosedPerson,
  context: ReportContext,
  t: T,
): { sections: DossierSection[]; records: StoredRecord[] } {
  const read = (kind: Parameters<typeof readByPerson>[1]) =>
    readByPerson(db, kind, [person]).get(person.id)!;
  const statuses = read('statusEvent');
  const proceedings = read('proceeding');
  const custody = inDateOrder(read('custodyEvent'));
  const risks = read('riskAssignment');
  const appeal = (p: StoredRecord) => {
    const when = date(context, p.appealDate);
    const outcome = String(p.appealOutcome ?? '');
    return when && outcome ? t('appealText', { date: when, outcome }) : when || outcome;
  };
  const sections: DossierSection[] = [
    {
      heading: t('status'),
      headers: [t('statusKind'), t('date'), t('recognisedBy')],
      rows: statuses.map((s) => [
        word(t, STATUS, s.status),
        date(context, s.date),
        String(s.recognisedBy ?? ''),
      ]),
    },
    {
      heading: t('proceedings'),
      headers: [
        t('kind'),
        t('articles'),
        t('court'),
        t('caseNumber'),
        t('verdictDate'),
        t('sentence'),
        t('appeal'),
      ],
      rows: proceedings.map((p) => [
        word(t, PROCEEDING, p.kind),
        (p.articles as string[]).map((a) => context.label('article', a)).join('; '),
        String(p.court ?? ''),
        String(p.caseNumber ?? ''),
        date(context, p.verdictDate),
        sentenceText(p, context),
        appeal(p),
      ]),
    },
    {
      heading: t('custody'),
      headers: [t('date'), t('event'), t('facility'), t('releaseType')],
      rows: custody.map((e) => [
        date(context, e.date) || context.t('notRecorded'),
        word(t, EVENT, e.type),
        label(context, 'facility', e.facility),
        label(context, 'release_type', e.releaseType),
      ]),
    },
    {
      heading: t('risks'),
      headers: [t('category'), t('from'), t('until')],
      rows: risks.map((r) => [
        context.label('risk_category', String(r.category)),
        date(context, r.startDate),
        date(context, r.endDate),
      ]),
    },
  ];
  return { sections, records: [...statuses, ...proceedings, ...custody, ...risks] };
}

/**
 * The sources cited for the person or any of their records, each once, through the policy:
 * in a publishable dossier confidential ones are left out (and counted), restricted ones lose
 * their reference, and those of a pseudonymised person their title too.
 */
export function sourcesSection(
  db: ReadDb,
  person: DisclosedPerson,
  records: readonly StoredRecord[],
  context: ReportContext,
  t: T,
): { section: DossierSection; withheld: number } {
  const targets = [person.id, ...records.map((r) => r.id)];
  const citations = readRecords(db, 'citation', 'entity_id IN (SELECT value FROM json_each(?))', [
    JSON.stringify(targets),
  ]);
  const cited = readRecords(db, 'source', 'id IN (SELECT value FROM json_each(?))', [
    JSON.stringify([...new Set(citations.map((c) => String(c.sourceId)))]),
  ]) as (StoredRecord & {
    confidentiality: unknown;
    title: unknown;
    reference: string;
    notes: string;
  })[];
  const { sources, sourcesWithheld } = discloseSources(cited, context.audience, {
    pseudonymised: person.pseudonym !== null,
  });
  const ordered = sortByText(context.language, sources, (s) => String(s.title));
  return {
    section: {
      heading: t('sources'),
      headers: [t('sourceTitle'), t('sourceKind'), t('reliability'), t('date'), t('reference')],
      rows: ordered.map((s) => [
        String(s.title),
        word(t, SOURCE_KIND, s.kind),
        word(t, RELIABILITY, s.reliability),
        date(context, s.date),
        s.reference,
      ]),
    },
    withheld: sourcesWithheld,
  };
}
