import type { CustodyEventType } from '../api/records';
import { addMonths, dateBounds, day, partialDate, type Day, type Precision } from './dates';
import { facilitiesOf, type FacilityKind } from './facilities';
import type { Sex } from './names';
import type { DemoRandom } from './random';
import { earlyRelease } from './releases';

/**
 * A person's custody history, built forward in time so it is coherent by construction:
 * (administrative arrest and release) -> detention -> arrest -> verdict -> transfers -> release,
 * and sometimes a re-arrest after the release. Nothing happens after the as-of date; whoever
 * is not released by then is still in custody.
 */

export interface CustodyStep {
  type: CustodyEventType;
  day: Day | null;
  precision: Precision;
  facility: string | null;
  releaseType: string | null;
  detentionType: string | null;
  /** Index into the timeline's proceedings. */
  proceeding: number | null;
  notes: string;
}

export interface ProceedingDraft {
  kind: 'criminal' | 'administrative';
  articles: string[];
  court: string;
  caseNumber: string;
  opened: Day;
  verdict: Day | null;
  sentenceType: string | null;
  sentenceMonths: number | null;
  sentenceDays: number | null;
  regime: string;
  appeal: Day | null;
  appealOutcome: string;
}

/** One uninterrupted time in custody, for risks, status and sources. */
export interface Spell {
  start: Day;
  /** The release (or death) day; null while still held on the as-of date. */
  end: Day | null;
  releaseType: string | null;
  proceeding: number;
}

export interface Timeline {
  custody: CustodyStep[];
  proceedings: ProceedingDraft[];
  spells: Spell[];
}

/** What a showcase person fixes in advance; see `SHOWCASES` in cases.ts. */
export interface FixedSpell {
  start: string;
  months: number;
  release?: { type: string; date: string; precision?: Precision };
  rearrest?: string;
}

export interface TimelineContext {
  rng: DemoRandom;
  sex: Sex;
  citizenship: readonly string[];
  town: string;
  asOf: Day;
}

const ARTICLES: readonly (readonly [string, number, number, number])[] = [
  // [code, weight, shortest and longest sentence in months]
  ['cc-342', 30, 12, 36],
  ['cc-361-4', 12, 24, 72],
  ['cc-361-1', 10, 24, 84],
  ['cc-130', 12, 24, 72],
  ['cc-369', 10, 6, 24],
  ['cc-368', 8, 12, 30],
  ['cc-364', 6, 12, 60],
  ['cc-293', 5, 36, 96],
  ['cc-356', 4, 84, 180],
];

const SENTENCES: readonly (readonly [string, number])[] = [
  ['imprisonment', 850],
  ['restricted_freedom', 90],
  ['suspended', 20],
  ['fine', 15],
  ['compulsory_treatment', 10],
  ['correctional_labour', 5],
  ['acquittal', 3],
];

/** Chance of a re-arrest after each kind of release: amnestied people were persecuted again. */
const REARREST: Record<string, number> = {
  amnesty: 0.35,
  pardon: 0.06,
  parole_or_replacement: 0.08,
  sentence_served: 0.05,
  acquittal: 0.05,
  other: 0.03,
};

/** How a sentence is served, as a `detention_type` code. */
const DETENTION_AFTER_SENTENCE: Record<string, string> = {
  imprisonment: 'imprisonment',
  restricted_freedom: 'restricted_freedom',
  compulsory_treatment: 'psychiatric_detention',
};

const INVENTED = '(invented)';

class Builder {
  readonly custody: CustodyStep[] = [];
  readonly proceedings: ProceedingDraft[] = [];
  readonly spells: Spell[] = [];

  constructor(readonly ctx: TimelineContext) {}

  private step(type: CustodyEventType, at: Day | null, fields: Partial<CustodyStep> = {}): void {
    this.custody.push({
      type,
      day: at,
      precision: 'day',
      facility: null,
      releaseType: null,
      detentionType: null,
      proceeding: null,
      notes: '',
      ...fields,
    });
  }

  private facility(kind: FacilityKind, not?: string | null): string {
    const choices = facilitiesOf(kind).filter((f) => f.code !== not);
    return this.ctx.rng.pick(choices).code;
  }

  private caseNumber(kind: 'criminal' | 'administrative', at: Day): string {
    const prefix = kind === 'criminal' ? '1' : '5';
    return `DEMO-${prefix}-${partialDate(at, 'year')}-${this.ctx.rng.between(10000, 99999)}`;
  }

  /** Ten to thirty days of administrative arrest for a protest, before the criminal case. */
  administrativeArrest(at: Day): void {
    const { rng } = this.ctx;
    const days = rng.between(10, 30);
    const index = this.proceedings.length;
    this.proceedings.push({
      kind: 'administrative',
      articles: [
        rng.weighted([
          ['ac-24.23', 4],
          ['ac-19.11', 1],
        ] as const),
      ],
      court: `District court of ${this.ctx.town} ${INVENTED}`,
      caseNumber: this.caseNumber('administrative', at),
      opened: at,
      verdict: at + 1,
      sentenceType: 'arrest',
      sentenceMonths: null,
      sentenceDays: days,
      regime: '',
      appeal: null,
      appealOutcome: '',
    });
    const centre = this.facility('temporary');
    const link = { proceeding: index, facility: centre };
    this.step('detention', at, { ...link, detentionType: 'administrative_detention' });
    this.step('release', at + days, { ...link, releaseType: 'sentence_served' });
  }

  /** A new criminal case: its articles, and the months the court will give for them. */
  private openCase(start: Day): { proceeding: ProceedingDraft; months: number } {
    const { rng } = this.ctx;
    const articles = [rng.weighted(ARTICLES.map((a) => [a, a[1]] as const))];
    if (rng.chance(0.25)) {
      const second = rng.weighted(ARTICLES.map((a) => [a, a[1]] as const));
      if (second !== articles[0]) articles.push(second);
    }
    const longest = Math.max(...articles.map(([, , min, max]) => rng.between(min, max)));
    const proceeding: ProceedingDraft = {
      kind: 'criminal',
      articles: articles.map(([code]) => code),
      court: `${rng.pick(['District', 'Regional'])} court of ${this.ctx.town} ${INVENTED}`,
      caseNumber: this.caseNumber('criminal', start),
      opened: Math.max(day('2017-01-01'), start - rng.between(0, 45)),
      verdict: null,
      sentenceType: null,
      sentenceMonths: null,
      sentenceDays: null,
      regime: '',
      appeal: null,
      appealOutcome: '',
    };
    this.proceedings.push(proceeding);
    return { proceeding, months: longest + (articles.length - 1) * 6 };
  }

  /** The verdict, the appeal, and the sentence the person now serves. */
  private judge(proceeding: ProceedingDraft, verdict: Day, months: number, fixed: boolean): string {
    const { rng, asOf } = this.ctx;
    const sentenceType = fixed ? 'imprisonment' : rng.weighted(SENTENCES);
    proceeding.verdict = verdict;
    const appeal = verdict + rng.between(20, 60);
    if (rng.chance(0.7) && appeal <= asOf) {
      proceeding.appeal = appeal;
      proceeding.appealOutcome = rng.chance(0.92) ? 'Verdict upheld' : 'Sentence reduced on appeal';
    }
    if (sentenceType === 'acquittal') return sentenceType;
    proceeding.sentenceType = sentenceType;
    if (sentenceType === 'imprisonment') {
      proceeding.sentenceMonths = months;
      proceeding.regime = rng.weighted([
        ['general', 60],
        ['strengthened', 30],
        ['strict', 8],
        ['prison', 2],
      ] as const);
    } else if (sentenceType !== 'fine') {
      proceeding.sentenceMonths = rng.between(12, 48);
    }
    return sentenceType;
  }

  /**
   * One criminal case from detention to release, death, or the as-of date. A fixed spell
   * (showcase) has no chance events: no early release, death or re-arrest it does not name.
   */
  criminalSpell(start: Day, rearrest: boolean, fixed?: FixedSpell): void {
    const { rng, asOf } = this.ctx;
    const spell: Spell = {
      start,
      end: null,
      releaseType: null,
      proceeding: this.proceedings.length,
    };
    this.spells.push(spell);
    const opened = this.openCase(start);
    const proceeding = opened.proceeding;
    const link = { proceeding: spell.proceeding };

    let where: string | null = rng.chance(0.6) ? this.facility('temporary') : null;
    this.step(rearrest ? 'rearrest' : 'detention', start, {
      ...link,
      facility: where,
      detentionType: rearrest ? 'pre_trial_detention' : 'police_custody',
    });
    const arrest = start + rng.between(1, 5);
    if (arrest > asOf) return;
    where = this.facility('remand');
    this.step('arrest', arrest, { ...link, facility: where, detentionType: 'pre_trial_detention' });
    const fixedRelease = fixed?.release ? day(fixed.release.date) : null;
    let verdict = arrest + rng.between(60, 330);
    if (fixedRelease !== null) verdict = Math.min(verdict, fixedRelease - 60);
    const moveDay = arrest + rng.between(20, 200);
    if (rng.chance(0.5) && moveDay < Math.min(verdict, asOf)) {
      where = this.facility('remand', where);
      this.step('transfer', moveDay, { ...link, facility: where });
    }
    if (verdict > asOf) return;

    const months = fixed?.months ?? opened.months;
    const sentenceType = this.judge(proceeding, verdict, months, fixed !== undefined);
    if (sentenceType === 'acquittal') {
      this.release(spell, verdict, 'acquittal', where, link, 'Acquitted by the court');
      return;
    }
    if (['suspended', 'fine', 'correctional_labour'].includes(sentenceType)) {
      this.release(spell, verdict, 'other', where, link, 'Released in the courtroom');
      return;
    }
    this.step('sentence', verdict, {
      ...link,
      facility: where,
      detentionType: DETENTION_AFTER_SENTENCE[sentenceType] ?? 'imprisonment',
    });

    // The sentence counts from the detention; a new case in custody adds to it.
    let end = addMonths(start, proceeding.sentenceMonths!);
    const newCaseDay =
      !fixed && sentenceType === 'imprisonment' && rng.chance(0.05)
        ? verdict + rng.between(200, 900)
        : null;
    const newCase =
      newCaseDay !== null && newCaseDay < end - 30 && newCaseDay <= asOf
        ? this.newCaseInCustody(newCaseDay)
        : null;
    if (newCase) end = addMonths(end, newCase.months);

    let releaseDay = Math.max(end, verdict);
    let releaseType = 'sentence_served';
    if (fixed?.release) {
      releaseDay = fixedRelease!;
      releaseType = fixed.release.type;
    } else if (sentenceType === 'compulsory_treatment') {
      releaseDay = addMonths(verdict, rng.between(12, 36));
      releaseType = 'other';
    } else if (!fixed) {
      const early = earlyRelease(rng, {
        from: verdict + 1,
        verdictInForce: proceeding.appeal ?? verdict + 30,
        halfServed:
          sentenceType === 'imprisonment' ? addMonths(start, Math.floor(months / 2)) : null,
        until: Math.min(end - 1, asOf),
        citizenship: this.ctx.citizenship,
      });
      if (early) ({ day: releaseDay, type: releaseType } = early);
    }

    const deathDay = !fixed && rng.chance(0.001) ? verdict + rng.between(30, 900) : null;
    const lastDay = Math.min(releaseDay, deathDay ?? Infinity, asOf + 1);
    where = this.transfers(verdict, lastDay, sentenceType, where, link);
    if (newCase && newCase.day < lastDay) this.insertSentence(newCase);
    if (deathDay !== null && deathDay < releaseDay && deathDay <= asOf) {
      this.step('death_in_custody', deathDay, { ...link, facility: where });
      spell.end = deathDay;
      return;
    }
    if (releaseDay > asOf) return;
    const note = sentenceType === 'compulsory_treatment' ? 'Compulsory treatment ended' : '';
    this.release(spell, releaseDay, releaseType, where, link, note);
    if (fixed?.release?.precision) this.blur(fixed.release.precision);
  }

  /** A new case brought while serving the sentence ("disobeying the colony"), adding months. */
  private newCaseInCustody(at: Day): { day: Day; proceeding: number; months: number } {
    const { rng } = this.ctx;
    const months = rng.between(6, 18);
    this.proceedings.push({
      kind: 'criminal',
      articles: [rng.pick(['cc-369', 'cc-364'])],
      court: `District court of ${this.ctx.town} ${INVENTED}`,
      caseNumber: this.caseNumber('criminal', at),
      opened: at - rng.between(20, 90),
      verdict: at,
      sentenceType: 'imprisonment',
      sentenceMonths: months,
      sentenceDays: null,
      regime: 'strict',
      appeal: null,
      appealOutcome: '',
    });
    return { day: at, proceeding: this.proceedings.length - 1, months };
  }

  /** The new sentence, in its place among the moves, at the facility the person was in. */
  private insertSentence({ day: at, proceeding }: { day: Day; proceeding: number }): void {
    const after = this.custody.findIndex((step) => step.day !== null && step.day > at);
    const position = after < 0 ? this.custody.length : after;
    let held: string | null = null;
    for (let i = position - 1; i >= 0 && held === null; i--) held = this.custody[i]!.facility;
    this.custody.splice(position, 0, {
      type: 'sentence',
      day: at,
      precision: 'day',
      facility: held,
      releaseType: null,
      detentionType: 'imprisonment',
      proceeding,
      notes: 'New sentence while in custody',
    });
  }

  /** Moves after the verdict: to a colony, then now and then to another colony or a hospital. */
  private transfers(
    verdict: Day,
    before: Day,
    sentenceType: string,
    from: string,
    link: { proceeding: number },
  ): string {
    const { rng } = this.ctx;
    let where = from;
    let at = verdict + rng.between(30, 100);
    const home: FacilityKind =
      sentenceType === 'restricted_freedom'
        ? 'open'
        : sentenceType === 'compulsory_treatment'
          ? 'psychiatric'
          : this.ctx.sex === 'female'
            ? 'women_colony'
            : 'colony';
    if (at >= before) return where;
    where = this.facility(home);
    this.step('transfer', at, { ...link, facility: where });
    for (;;) {
      at += rng.between(60, 360);
      if (at >= before) return where;
      const move = rng.weighted([
        ['hospital', 3],
        ['colony', home === 'colony' ? 4 : 0],
        ['prison', home === 'colony' ? 1 : 0],
        ['stay', 1],
      ] as const);
      if (move === 'stay') continue;
      const unknownDate = rng.chance(0.02);
      const target = move === 'colony' ? this.facility('colony', where) : this.facility(move);
      this.step('transfer', unknownDate ? null : at, { ...link, facility: target });
      if (move !== 'hospital') {
        where = target;
        continue;
      }
      at += rng.between(20, 60);
      if (at >= before) return target;
      this.step('transfer', at, { ...link, facility: where, notes: 'Back from hospital' });
    }
  }

  private release(
    spell: Spell,
    at: Day,
    type: string,
    where: string | null,
    link: { proceeding: number },
    notes: string,
  ): void {
    spell.end = at;
    spell.releaseType = type;
    this.step('release', at, { ...link, facility: where, releaseType: type, notes });
  }

  /**
   * Makes the last release known only to the month or the year, as a source may report it
   * ("released in 2022"). Transfers inside that month or year go, so that every event still
   * lies wholly after the one before it.
   */
  blur(precision: Precision): void {
    const release = this.custody[this.custody.length - 1]!;
    const [from] = dateBounds(partialDate(release.day!, precision));
    const kept = this.custody.filter(
      (step) =>
        step === release || step.type !== 'transfer' || step.day === null || step.day < from,
    );
    if (kept.some((step) => step !== release && step.day !== null && step.day >= from)) return;
    this.custody.splice(0, this.custody.length, ...kept);
    release.precision = precision;
  }
}

/** A person's whole custody history from the first detention to the as-of date. */
export function buildTimeline(ctx: TimelineContext, start: Day, fixed?: FixedSpell): Timeline {
  const { rng, asOf } = ctx;
  const builder = new Builder(ctx);
  // Many were first jailed for days for protesting, some twice, before the criminal case.
  if (!fixed && rng.chance(0.4)) {
    const days = [start - rng.between(30, 400)];
    if (rng.chance(0.3)) days.unshift(days[0]! - rng.between(30, 300));
    for (const at of days.filter((d) => d >= day('2020-05-01'))) builder.administrativeArrest(at);
  }
  builder.criminalSpell(start, false, fixed);
  const spell = builder.spells[0]!;
  if (spell.end !== null && spell.releaseType !== null && !fixed?.release?.precision) {
    if (!fixed && rng.chance(0.04)) builder.blur(rng.chance(0.4) ? 'year' : 'month');
    const released = builder.custody[builder.custody.length - 1]!;
    const [, releasedBy] = dateBounds(partialDate(released.day!, released.precision));
    const again = fixed
      ? fixed.rearrest
        ? day(fixed.rearrest)
        : null
      : rng.chance(REARREST[spell.releaseType] ?? 0)
        ? releasedBy + rng.between(30, 720)
        : null;
    if (again !== null && again <= asOf) builder.criminalSpell(again, true);
    // A few releases are known to have happened, but not when: figures cannot place them.
    else if (!fixed && rng.chance(0.003)) released.day = null;
  }
  return { custody: builder.custody, proceedings: builder.proceedings, spells: builder.spells };
}
