import { SEED_TERMS } from '../model/thesaurusSeed';
import { seedTermId } from '../model/seed';
import { addMonths, day, isoDay, partialDate, type Day, type Precision } from './dates';
import { facilityTerms } from './facilities';
import { inventName, type Sex } from './names';
import { DemoRandom } from './random';
import { ageOn, planRisks, type RiskPlan } from './risks';
import { SHOWCASES, type Showcase } from './showcases';
import { buildTimeline, type CustodyStep, type ProceedingDraft, type Spell } from './timeline';
import type { DemoRecord, Fields } from './types';

/**
 * Realistic but invented political-prisoner cases: every kind of record of the data model, for
 * the "try with demo data" start, the tests and the benchmarks. Each person is generated from
 * (seed, person number) alone, so a smaller set is the start of a larger one and a person does
 * not change when the count does.
 */

/** Nothing in demo data happens after this date unless another is given. */
export const DEMO_AS_OF = '2024-12-31';

export interface DemoCase {
  person: DemoRecord<'person'>;
  /** The person's other records, each after the records it refers to. */
  records: DemoRecord[];
}

export interface DemoData {
  asOf: string;
  /** Records the cases refer to, created first: facility terms and shared monitoring reports. */
  shared: DemoRecord[];
  cases: DemoCase[];
}

/** When people were detained: the 2020 protests and the years of repression after them. */
const DETENTION_PERIODS: readonly (readonly [string, string, number])[] = [
  ['2017-03-01', '2019-12-31', 2],
  ['2020-06-01', '2020-12-31', 22],
  ['2021-01-01', '2021-12-31', 30],
  ['2022-01-01', '2022-12-31', 19],
  ['2023-01-01', '2023-12-31', 14],
  ['2024-01-01', '2024-12-31', 13],
];

/** Age at detention, [youngest, oldest, weight]. */
const AGES: readonly (readonly [number, number, number])[] = [
  [18, 24, 20],
  [25, 34, 32],
  [35, 44, 24],
  [45, 54, 13],
  [55, 64, 6],
  [65, 75, 2],
];

const CITIZENSHIPS: readonly (readonly [string[], number])[] = [
  [['BY'], 880],
  [['BY', 'PL'], 15],
  [['BY', 'RU'], 10],
  [['UA'], 35],
  [['RU'], 20],
  [['PL'], 10],
  [['LT'], 10],
  [['CH'], 3],
  [[], 17],
];

const REGIONS: readonly (readonly [string | null, number])[] = [
  ['minsk_city', 35],
  ['minsk_region', 12],
  ['gomel', 11],
  ['brest', 10],
  ['grodno', 10],
  ['vitebsk', 10],
  ['mogilev', 9],
  ['abroad', 1],
  [null, 2],
];

const OCCUPATIONS = [
  ...['worker', 'engineer', 'IT specialist', 'teacher', 'doctor', 'nurse', 'student'],
  ...['entrepreneur', 'journalist', 'lawyer', 'pensioner', 'driver', 'unemployed', ''],
];

const CONSENT: readonly (readonly [Fields<'person'>['consent'], number])[] = [
  ['publish', 70],
  ['withhold_name', 22],
  ['never_publish', 8],
];

const NOTE = 'Invented demo person; any resemblance to a real person is coincidental.';
const RECOGNISED_BY = 'Human-rights organisations (invented joint statement)';
const REPORTS_FROM = day('2020-06-01');

const REGION_LABELS = new Map(SEED_TERMS.region.map(([code, en]) => [code, en]));

interface Context {
  seed: number;
  asOf: Day;
}

/** The monitoring report of a month: one shared source cited by many persons' status events. */
function reportOf(seed: number, month: string): DemoRecord<'source'> {
  return {
    kind: 'source',
    id: new DemoRandom(seed, 'report', month).id(),
    fields: {
      title: `Monthly monitoring report, ${month} (invented)`,
      kind: 'document',
      reliability: 'high',
      confidentiality: 'public',
      reference: `DEMO-REPORT-${month}`,
      date: month,
      notes: '',
    },
  };
}

/** The facility terms and monthly reports every demo case may refer to. */
export function demoSharedRecords(seed: number, asOf: string = DEMO_AS_OF): DemoRecord[] {
  const terms: DemoRecord[] = facilityTerms().map((fields) => ({
    kind: 'thesaurusTerm',
    // The seed's own scheme: a facility code means one term in every vault, however often
    // demo data is loaded.
    id: seedTermId('facility', fields.code),
    fields,
  }));
  const reports: DemoRecord[] = [];
  for (let month = REPORTS_FROM; month <= day(asOf); month = addMonths(month, 1)) {
    reports.push(reportOf(seed, partialDate(month, 'month')));
  }
  return [...terms, ...reports];
}

function detentionDay(rng: DemoRandom, asOf: Day): Day {
  const periods = DETENTION_PERIODS.filter(([from]) => day(from) < asOf);
  const [from, to] = rng.weighted(periods.map((p) => [p, p[2]] as const));
  return rng.between(day(from), Math.min(day(to), asOf - 1));
}

function birthDay(rng: DemoRandom, detained: Day): Day {
  const [youngest, oldest] = rng.weighted(AGES.map((a) => [a, a[2]] as const));
  return detained - Math.round(rng.between(youngest, oldest) * 365.25) - rng.int(365);
}

/** Collects one person's records; every id comes from the person's own stream. */
class CaseRecords {
  readonly records: DemoRecord[] = [];

  constructor(
    private readonly rng: DemoRandom,
    readonly personId: string,
  ) {}

  add<K extends DemoRecord['kind']>(kind: K, fields: Fields<K>): DemoRecord<K> {
    const made: DemoRecord<K> = { kind, id: this.rng.id(), fields };
    this.records.push(made);
    return made;
  }

  /** A source, and its citation for one fact: a record, or one field of it. */
  cite(
    source: Fields<'source'> | string,
    entity: Fields<'citation'>['entity'],
    entityId: string,
    field: string | null,
  ): void {
    const sourceId = typeof source === 'string' ? source : this.add('source', source).id;
    this.add('citation', { sourceId, entity, entityId, field, notes: '' });
  }
}

function maybeDate(at: Day | null, precision: Precision = 'day'): string | null {
  return at === null ? null : partialDate(at, precision);
}

function personFields(rng: DemoRandom, sex: Sex, birth: Day, start: Day, fixed?: Showcase) {
  const name = inventName(rng, sex);
  const citizenship = fixed?.citizenship ?? rng.weighted(CITIZENSHIPS);
  const foreign = !citizenship.includes('BY');
  const region = foreign && rng.chance(0.5) ? 'abroad' : rng.weighted(REGIONS);
  const birthPrecision = fixed?.birth
    ? 'day'
    : rng.weighted([
        ['day', 80],
        ['month', 7],
        ['year', 8],
        ['unknown', 5],
      ] as const);
  // Sources in Russian, and Russians, give the Russian form as the name.
  const inRussian = citizenship.includes('RU') || rng.chance(0.15);
  const fields: Fields<'person'> = {
    name: inRussian ? name.russian : name.belarusian,
    nameLatin: name.latin,
    nameVariants: [inRussian ? name.belarusian : name.russian, ...name.latinVariants].filter(
      (variant, i, all) => variant !== name.latin && all.indexOf(variant) === i,
    ),
    externalIds: [],
    sex,
    birthDate: birthPrecision === 'unknown' ? null : partialDate(birth, birthPrecision),
    citizenship: [...citizenship],
    region,
    occupation: ageOn(birth, start) >= 63 ? 'pensioner' : rng.pick(OCCUPATIONS),
    notes: NOTE,
    consent: rng.weighted(CONSENT),
  };
  return fields;
}

/** Recognised as a political prisoner weeks after each arrest; rarely, the status removed. */
function statusEvents(out: CaseRecords, rng: DemoRandom, ctx: Context, spells: Spell[]): void {
  spells.forEach((spell, i) => {
    const recognised = spell.start + rng.between(7, 90);
    if (recognised > ctx.asOf || (i === 0 && rng.chance(0.03))) return;
    const status = out.add('statusEvent', {
      personId: out.personId,
      status: 'recognised',
      date: isoDay(recognised),
      recognisedBy: RECOGNISED_BY,
      notes: i > 0 ? 'Recognised again after a new arrest' : '',
    });
    if (recognised >= REPORTS_FROM) {
      const report = reportOf(ctx.seed, partialDate(recognised, 'month')).id;
      out.cite(report, 'statusEvent', status.id, 'date');
    }
    const removed = spell.releaseType === null ? null : spell.end! + rng.between(30, 200);
    if (removed !== null && removed <= ctx.asOf && rng.chance(0.01)) {
      out.add('statusEvent', {
        personId: out.personId,
        status: 'status_removed',
        date: isoDay(removed),
        recognisedBy: RECOGNISED_BY,
        notes: 'Status removed after review (invented)',
      });
    }
  });
}

/** The proceedings, most with the verdict as a source; returns their ids in order. */
function proceedings(out: CaseRecords, rng: DemoRandom, drafts: ProceedingDraft[]): string[] {
  return drafts.map((draft) => {
    const { id } = out.add('proceeding', {
      personId: out.personId,
      kind: draft.kind,
      articles: draft.articles,
      court: draft.court,
      judge: '',
      caseNumber: draft.caseNumber,
      openedDate: isoDay(draft.opened),
      verdictDate: maybeDate(draft.verdict),
      sentenceType: draft.sentenceType,
      sentenceMonths: draft.sentenceMonths,
      sentenceDays: draft.sentenceDays,
      regime: draft.regime,
      appealDate: maybeDate(draft.appeal),
      appealOutcome: draft.appealOutcome,
      notes: '',
    });
    if (draft.kind === 'criminal' && draft.verdict !== null && rng.chance(0.7)) {
      const verdict: Fields<'source'> = {
        title: `Verdict in case ${draft.caseNumber} (invented)`,
        kind: 'court_record',
        reliability: 'high',
        confidentiality: 'restricted',
        reference: draft.caseNumber,
        date: isoDay(draft.verdict),
        notes: '',
      };
      out.cite(verdict, 'proceeding', id, 'sentenceMonths');
    }
    return id;
  });
}

/** The custody events; half of the detentions and releases were in the news. */
function custodyEvents(
  out: CaseRecords,
  rng: DemoRandom,
  steps: CustodyStep[],
  proceedingIds: string[],
): void {
  for (const step of steps) {
    const event = out.add('custodyEvent', {
      personId: out.personId,
      type: step.type,
      date: maybeDate(step.day, step.precision),
      facility: step.facility,
      releaseType: step.releaseType,
      detentionType: step.detentionType,
      proceedingId: step.proceeding === null ? null : proceedingIds[step.proceeding]!,
      notes: step.notes,
    });
    const release = step.type === 'release';
    const reported = release || step.type === 'detention' || step.type === 'rearrest';
    if (!reported || step.day === null || !rng.chance(0.5)) continue;
    const news: Fields<'source'> = {
      title: `News report on the ${release ? 'release' : 'detention'} (invented outlet)`,
      kind: 'media',
      reliability: 'medium',
      confidentiality: 'public',
      reference: `https://news.example/demo/${event.id.slice(0, 12)}`,
      date: partialDate(step.day, step.precision),
      notes: '',
    };
    out.cite(news, 'custodyEvent', event.id, release ? 'releaseType' : 'date');
  }
}

/** Risk assignments, most of them reported by a relative. */
function riskAssignments(out: CaseRecords, rng: DemoRandom, plans: RiskPlan[], asOf: Day) {
  for (const plan of plans.filter((p) => p.start <= asOf)) {
    const risk = out.add('riskAssignment', {
      personId: out.personId,
      category: plan.category,
      startDate: isoDay(plan.start),
      endDate: plan.end === null || plan.end > asOf ? null : isoDay(plan.end),
      notes: '',
    });
    if (!rng.chance(0.7)) continue;
    const account: Fields<'source'> = {
      title: 'Account of a relative (invented)',
      kind: 'relative',
      reliability: 'medium',
      confidentiality: 'confidential',
      reference: '',
      date: isoDay(plan.start),
      notes: '',
    };
    out.cite(account, 'riskAssignment', risk.id, null);
  }
}

/** One invented person with every record about them. */
function demoCase(ctx: Context, index: number): DemoCase {
  const rng = new DemoRandom(ctx.seed, index);
  const { asOf } = ctx;
  const showcase = SHOWCASES[index];
  const fixed = showcase && day(showcase.spell.start) < asOf ? showcase : undefined;
  const sex: Sex = fixed?.sex ?? (rng.chance(0.13) ? 'female' : 'male');
  const start = fixed ? day(fixed.spell.start) : detentionDay(rng, asOf);
  const birth = fixed?.birth ? day(fixed.birth) : birthDay(rng, start);
  const person: DemoRecord<'person'> = {
    kind: 'person',
    id: rng.id(),
    fields: personFields(rng, sex, birth, start, fixed),
  };
  const { citizenship, region } = person.fields;
  const town = region && region !== 'abroad' ? REGION_LABELS.get(region)! : 'Minsk (city)';
  const timeline = buildTimeline({ rng, sex, citizenship, town, asOf }, start, fixed?.spell);
  const out = new CaseRecords(rng, person.id);
  statusEvents(out, rng, ctx, timeline.spells);
  const proceedingIds = proceedings(out, rng, timeline.proceedings);
  custodyEvents(out, rng, timeline.custody, proceedingIds);
  const plans = fixed?.risks
    ? fixed.risks.map((r) => ({
        category: r.category,
        start: day(r.start),
        end: r.end ? day(r.end) : null,
      }))
    : planRisks(rng, sex, birth, timeline, asOf);
  riskAssignments(out, rng, plans, asOf);
  const last = timeline.spells[timeline.spells.length - 1]!;
  if (last.releaseType !== null && rng.chance(0.2)) {
    const interviewed = last.end! + 30;
    const interview: Fields<'source'> = {
      title: 'Interview after release (invented)',
      kind: 'interview',
      reliability: 'high',
      confidentiality: 'confidential',
      reference: '',
      date: interviewed <= asOf ? isoDay(interviewed) : null,
      notes: '',
    };
    out.cite(interview, 'person', person.id, 'birthDate');
  }
  return { person, records: out.records };
}

/** The cases one by one, for loading a large set without holding it all. */
export function* demoCases(
  count: number,
  seed: number,
  asOf: string = DEMO_AS_OF,
): Generator<DemoCase> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || day(asOf) <= day(DETENTION_PERIODS[0]![0])) {
    throw new RangeError(`demo data needs a full as-of date after ${DETENTION_PERIODS[0]![0]}`);
  }
  const ctx: Context = { seed, asOf: day(asOf) };
  for (let index = 0; index < count; index++) yield demoCase(ctx, index);
}

/** `count` invented persons with their records, the same for the same seed and as-of date. */
export function generateDemoCases(
  count: number,
  seed: number,
  asOf: string = DEMO_AS_OF,
): DemoData {
  return { asOf, shared: demoSharedRecords(seed, asOf), cases: [...demoCases(count, seed, asOf)] };
}
