import { pseudonymCode } from '../disclosure';
import type { ReadDb } from '../db/handle';
import { all } from '../db/statements';
import * as custody from './custody';
import * as dates from '../api/dates';
import type { Day } from '../api/dates';
import {
  AGE_BANDS,
  EARLY_RELEASE_TYPES,
  OVER_60,
  STAGES,
  type DefinitionKey,
} from '../api/figureDefinitions';
import { lowerBound, NO_CODE, NO_DAY, statsModel, type StatsModel } from './model';
import { convictedOn, convictionsOf } from './stage';
import type {
  AtRiskResult,
  BreakdownArgs,
  BreakdownDimension,
  BreakdownResult,
  CasesArgs,
  CasesResult,
  CaseSummary,
  CustodySeriesArgs,
  CustodySeriesResult,
  EarlyReleaseShareArgs,
  EarlyReleaseShareResult,
  Figure,
  FigureFilters,
  InCustodyArgs,
  PivotArgs,
  PivotResult,
  RearrestsArgs,
  ReleasesArgs,
  ReleasesResult,
} from '../api/figures';

/**
 * The figures: pure functions of the database and their parameters. Each reads the cached
 * model of the case records (see model.ts) and returns its numbers with the cases behind them.
 * Every definition is written out in docs/methodology.md; the comments here only point at it.
 */

type State = number;

// Module-level copies of what the loops use: read once here, not through an import binding on
// every use (per-file transpilers, as in tests and benchmarks, turn those into getter calls).
const { ARREST, DETENTION, IN, OUT, REARREST, RELEASE, UNCERTAIN } = custody;
const { civilFromDay, dayFromCivil, daysInMonth, intervalOf, isoFromDay, MAX_DAY, MIN_DAY } = dates;

/** Builds a count of persons. Persons must be added in id order (the model's order). */
class PersonCount {
  private readonly certain: string[] = [];
  private readonly possible: string[] = [];
  private readonly unplacedIds: string[] = [];

  add(id: string, state: State): void {
    if (state === IN) this.certain.push(id);
    else if (state === UNCERTAIN) this.possible.push(id);
  }

  unplaced(id: string): void {
    this.unplacedIds.push(id);
  }

  figure(definition: DefinitionKey): Figure {
    return {
      definition,
      unit: 'persons',
      value: this.certain.length,
      upperBound: this.certain.length + this.possible.length,
      lowerBound: true,
      personIds: this.certain,
      uncertainIds: this.possible,
      unplaced: { count: this.unplacedIds.length, personIds: this.unplacedIds },
    };
  }
}

/**
 * Builds a count of events, with the distinct persons they belong to. Events must be added
 * person by person in id order: a person's `personIds` entry is settled when the next begins.
 */
class EventCount {
  private readonly eventIds: string[] = [];
  private readonly uncertainEventIds: string[] = [];
  private readonly personIds: string[] = [];
  private readonly uncertainIds: string[] = [];
  private readonly unplacedIds: string[] = [];
  private unplacedCount = 0;
  private person: string | null = null;
  private certainHere = false;
  private possibleHere = false;
  private unplacedHere = false;

  private enter(personId: string): void {
    if (personId === this.person) return;
    this.settle();
    this.person = personId;
  }

  private settle(): void {
    if (this.person === null) return;
    if (this.certainHere) this.personIds.push(this.person);
    else if (this.possibleHere) this.uncertainIds.push(this.person);
    if (this.unplacedHere) this.unplacedIds.push(this.person);
    this.person = null;
    this.certainHere = this.possibleHere = this.unplacedHere = false;
  }

  add(personId: string, eventId: string, certain: boolean): void {
    this.enter(personId);
    if (certain) {
      this.eventIds.push(eventId);
      this.certainHere = true;
    } else {
      this.uncertainEventIds.push(eventId);
      this.possibleHere = true;
    }
  }

  unplaced(personId: string): void {
    this.enter(personId);
    this.unplacedCount++;
    this.unplacedHere = true;
  }

  figure(definition: DefinitionKey): Figure {
    this.settle();
    return {
      definition,
      unit: 'events',
      value: this.eventIds.length,
      upperBound: this.eventIds.length + this.uncertainEventIds.length,
      lowerBound: true,
      personIds: this.personIds,
      uncertainIds: this.uncertainIds,
      eventIds: this.eventIds,
      uncertainEventIds: this.uncertainEventIds,
      unplaced: { count: this.unplacedCount, personIds: this.unplacedIds },
    };
  }
}

/** Whether person i passes the filters; codes the register does not use match nobody. */
function personFilter(m: StatsModel, filters: FigureFilters | undefined): (i: number) => boolean {
  const code = (value: string | undefined) =>
    value === undefined ? undefined : (m.codeIndex.get(value) ?? -2);
  const region = code(filters?.region);
  const citizenship = code(filters?.citizenship);
  const sex = code(filters?.sex);
  if (region === undefined && citizenship === undefined && sex === undefined) return () => true;
  return (i) => {
    if (region !== undefined && m.region[i] !== region) return false;
    if (sex !== undefined && m.sex[i] !== sex) return false;
    if (citizenship === undefined) return true;
    for (let k = m.citStart[i]!; k < m.citStart[i + 1]!; k++) {
      if (m.cit[k] === citizenship) return true;
    }
    return false;
  };
}

interface Window {
  lo: Day;
  hi: Day;
}

function windowOf(from: string | undefined, to: string | undefined): Window {
  return {
    lo: from === undefined ? MIN_DAY : intervalOf(from)!.lo,
    hi: to === undefined ? MAX_DAY : intervalOf(to)!.hi,
  };
}

/** IN when [lo, hi] lies inside the window, UNCERTAIN when it overlaps it, OUT otherwise. */
function placeIn(w: Window, lo: Day, hi: Day): State {
  if (lo >= w.lo && hi <= w.hi) return IN;
  if (hi >= w.lo && lo <= w.hi) return UNCERTAIN;
  return OUT;
}

function dayOf(date: string): Day {
  return intervalOf(date)!.lo;
}

/** The custody state of person i on D, from their steps (OUT before the first). */
function custodyState(m: StatsModel, i: number, D: Day): State {
  let low = m.stStart[i]!;
  let high = m.stStart[i + 1]! - 1;
  const days = m.stDay;
  if (high < low || days[low]! > D) return OUT;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (days[mid]! <= D) low = mid;
    else high = mid - 1;
  }
  return m.stState[low]!;
}

/** Custody events exist but none has a usable date: the person cannot be placed. */
function cannotPlaceCustody(m: StatsModel, i: number): boolean {
  return m.evStart[i] === m.evStart[i + 1] && m.undated[i] !== 0;
}

function hasBirthDate(m: StatsModel, i: number): boolean {
  return m.turns[i * 6] !== NO_DAY;
}

function codeOf(m: StatsModel, code: number): string | null {
  return code === NO_CODE ? null : m.codes[code]!;
}

// ---------------------------------------------------------------------------------------------
// In custody

export function figureInCustody(db: ReadDb, args: InCustodyArgs): Figure {
  const m = statsModel(db);
  const D = dayOf(args.asOf);
  const match = personFilter(m, args.filters);
  const count = new PersonCount();
  for (let i = 0; i < m.n; i++) {
    if (!match(i)) continue;
    if (cannotPlaceCustody(m, i)) count.unplaced(m.ids[i]!);
    else count.add(m.ids[i]!, custodyState(m, i, D));
  }
  return count.figure('in_custody');
}

// ---------------------------------------------------------------------------------------------
// Releases by period and type

function compareNullableCodes(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Counts by code number, created on first use. */
class CountsBy<C> {
  readonly map = new Map<number, C>();

  constructor(private readonly create: () => C) {}

  get(code: number): C {
    let count = this.map.get(code);
    if (count === undefined) {
      count = this.create();
      this.map.set(code, count);
    }
    return count;
  }
}

export function figureReleases(db: ReadDb, args: ReleasesArgs): ReleasesResult {
  const m = statsModel(db);
  const w = windowOf(args.from, args.to);
  const periods = args.groupBy === 'month' ? m.relMonth : m.relYear;
  const match = personFilter(m, args.filters);
  const newEvents = () => new EventCount();
  const cells = new CountsBy(() => new CountsBy(newEvents));
  const byType = new CountsBy(newEvents);
  const total = new EventCount();
  const early = new EventCount();
  for (let i = 0; i < m.n; i++) {
    const start = m.relStart[i]!;
    const end = m.relStart[i + 1]!;
    if (start === end || !match(i)) continue;
    const id = m.ids[i]!;
    for (let k = start; k < end; k++) {
      const type = m.relType[k]!;
      const isEarly = m.relEarly[k] === 1;
      if (m.relLo[k] === NO_DAY) {
        total.unplaced(id);
        byType.get(type).unplaced(id);
        if (isEarly) early.unplaced(id);
        continue;
      }
      const place = placeIn(w, m.relLo[k]!, m.relHi[k]!);
      if (place === OUT) continue;
      const certain = place === IN;
      const eventId = m.relId[k]!;
      cells.get(periods[k]!).get(type).add(id, eventId, certain);
      byType.get(type).add(id, eventId, certain);
      total.add(id, eventId, certain);
      if (isEarly) early.add(id, eventId, certain);
    }
  }
  const rows: ReleasesResult['cells'] = [];
  for (const [period, types] of cells.map) {
    for (const [type, count] of types.map) {
      rows.push({
        period: m.codes[period]!,
        releaseType: codeOf(m, type),
        figure: count.figure('releases'),
      });
    }
  }
  rows.sort(
    (a, b) =>
      (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) ||
      compareNullableCodes(a.releaseType, b.releaseType),
  );
  return {
    groupBy: args.groupBy,
    from: args.from ?? null,
    to: args.to ?? null,
    cells: rows,
    byType: [...byType.map.entries()]
      .map(([type, count]) => ({ releaseType: codeOf(m, type), figure: count.figure('releases') }))
      .sort((a, b) => compareNullableCodes(a.releaseType, b.releaseType)),
    total: total.figure('releases'),
    early: early.figure('early_releases'),
    earlyTypes: [...EARLY_RELEASE_TYPES],
  };
}

// ---------------------------------------------------------------------------------------------
// At special risk

/**
 * The risk categories of one person on D, each with its state: the lesser of the custody
 * state and the category's own. Filled by `riskStates` and read before its next call, so
 * that a loop over 100k persons allocates nothing per person.
 */
const riskCategories: number[] = [];
const riskCategoryStates: State[] = [];
let riskCount = 0;

function noteRisk(category: number, state: State): void {
  for (let k = 0; k < riskCount; k++) {
    if (riskCategories[k] === category) {
      if (riskCategoryStates[k]! < state) riskCategoryStates[k] = state;
      return;
    }
  }
  riskCategories[riskCount] = category;
  riskCategoryStates[riskCount] = state;
  riskCount++;
}

/**
 * The state of "in at least one risk category on D" of person i, whose custody state is
 * `custody` (IN or UNCERTAIN); the categories are left in `riskCategories`. An assignment is
 * certainly active when it certainly started by D and certainly ends on D or later. The birth
 * date, when known, decides `over_60`; a stored `over_60` assignment counts only without one.
 */
function riskStates(m: StatsModel, i: number, D: Day, custody: State, over60Code: number): State {
  riskCount = 0;
  let best: State = OUT;
  const born = hasBirthDate(m, i);
  for (let k = m.rkStart[i]!; k < m.rkStart[i + 1]!; k++) {
    const category = m.rkCategory[k]!;
    if (born && category === over60Code) continue;
    const active =
      m.rkStartHi[k]! <= D && m.rkEndLo[k]! >= D
        ? IN
        : m.rkStartLo[k]! <= D && m.rkEndHi[k]! >= D
          ? UNCERTAIN
          : OUT;
    const state = active < custody ? active : custody;
    if (state === OUT) continue;
    noteRisk(category, state);
    if (state > best) best = state;
  }
  if (born) {
    // 60 or older on D: certainly if even the youngest the person can be has turned 60.
    const age = D >= m.turns[i * 6 + 5]! ? IN : D >= m.turns[i * 6 + 2]! ? UNCERTAIN : OUT;
    const state = age < custody ? age : custody;
    if (state !== OUT) {
      noteRisk(over60Code, state);
      if (state > best) best = state;
    }
  }
  return best;
}

function hasStoredRisk(m: StatsModel, i: number, category: number): boolean {
  for (let k = m.rkStart[i]!; k < m.rkStart[i + 1]!; k++) {
    if (m.rkCategory[k] === category) return true;
  }
  return false;
}

/** The code number of a code every model registers (`over_60`, the age bands, the stages). */
function registered(m: StatsModel, code: string): number {
  return m.codeIndex.get(code)!;
}

/** The code numbers of the values the figures derive: age bands and stages, in display order. */
interface DerivedCodes {
  bands: readonly number[];
  stages: readonly number[];
}

function derivedCodes(m: StatsModel): DerivedCodes {
  return {
    bands: AGE_BANDS.map((band) => registered(m, band)),
    stages: STAGES.map((stage) => registered(m, stage)),
  };
}

export function figureAtRisk(db: ReadDb, args: InCustodyArgs): AtRiskResult {
  const m = statsModel(db);
  const D = dayOf(args.asOf);
  const match = personFilter(m, args.filters);
  const over60 = registered(m, OVER_60);
  const categories = new CountsBy(() => new PersonCount());
  const over60Count = categories.get(over60);
  const total = new PersonCount();
  for (let i = 0; i < m.n; i++) {
    if (!match(i)) continue;
    const id = m.ids[i]!;
    if (cannotPlaceCustody(m, i)) {
      if (m.rkStart[i] !== m.rkStart[i + 1] || hasBirthDate(m, i)) total.unplaced(id);
      continue;
    }
    const held = custodyState(m, i, D);
    if (held === OUT) continue;
    if (!hasBirthDate(m, i) && !hasStoredRisk(m, i, over60)) over60Count.unplaced(id);
    const state = riskStates(m, i, D, held, over60);
    if (state === OUT) continue;
    total.add(id, state);
    for (let k = 0; k < riskCount; k++) {
      categories.get(riskCategories[k]!).add(id, riskCategoryStates[k]!);
    }
  }
  return {
    asOf: args.asOf,
    overlapping: true,
    categories: [...categories.map.entries()]
      .map(([code, count]) => ({
        category: m.codes[code]!,
        derived: code === over60,
        figure: count.figure(code === over60 ? 'at_risk_over_60' : 'at_risk_category'),
      }))
      .sort((a, b) => (a.category < b.category ? -1 : a.category > b.category ? 1 : 0)),
    total: total.figure('at_risk'),
  };
}

/**
 * The persons the person list's filters select on D, by the figures' own rules: `inCustody`
 * is the in_custody rule, and `riskCategory` is in that category on D as at_risk_category and
 * at_risk_over_60 decide it (`over_60` from the birth date), whether or not the person is held.
 * Certain cases only, as a figure's `personIds`: "over 60" and "in custody" together give the
 * persons of the at_risk_over_60 figure.
 */
export function listFilterPersons(
  db: ReadDb,
  args: { asOf: string; inCustody: boolean; riskCategory: string | undefined },
): string[] {
  const m = statsModel(db);
  const D = dayOf(args.asOf);
  const over60 = registered(m, OVER_60);
  const wanted = args.riskCategory === undefined ? undefined : m.codeIndex.get(args.riskCategory);
  if (args.riskCategory !== undefined && wanted === undefined) return [];
  const ids: string[] = [];
  for (let i = 0; i < m.n; i++) {
    let state: State = IN;
    if (args.inCustody) {
      if (cannotPlaceCustody(m, i)) continue;
      state = custodyState(m, i, D);
      if (state !== IN) continue;
    }
    if (wanted !== undefined) {
      riskStates(m, i, D, state, over60);
      state = OUT;
      for (let k = 0; k < riskCount; k++) {
        if (riskCategories[k] === wanted) state = riskCategoryStates[k]!;
      }
    }
    if (state === IN) ids.push(m.ids[i]!);
  }
  return ids;
}

/** One person on a date as the figures see them: what the person page's summary shows. */
export interface PersonOnDate {
  /** The in_custody rule; `unplaced` when no custody event has a usable date. */
  custody: 'in' | 'out' | 'uncertain' | 'unplaced';
  /** The facility of the breakdowns by facility, on the date. */
  facility: string | null;
  /** Risk categories active on the date, in or out of custody, by the at_risk rules. */
  risks: { category: string; certain: boolean }[];
}

const CUSTODY_WORDS = { [OUT]: 'out', [UNCERTAIN]: 'uncertain', [IN]: 'in' } as const;

/** Person `id` on D by the figures' rules, or null for a person the figures do not know. */
export function personOnDate(db: ReadDb, id: string, asOf: string): PersonOnDate | null {
  const m = statsModel(db);
  const i = lowerBound(m.ids, id);
  if (m.ids[i] !== id) return null;
  const D = dayOf(asOf);
  riskStates(m, i, D, IN, registered(m, OVER_60));
  const risks: PersonOnDate['risks'] = [];
  for (let k = 0; k < riskCount; k++) {
    risks.push({ category: m.codes[riskCategories[k]!]!, certain: riskCategoryStates[k] === IN });
  }
  risks.sort((a, b) => (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
  return {
    custody: cannotPlaceCustody(m, i)
      ? 'unplaced'
      : CUSTODY_WORDS[custodyState(m, i, D) as 0 | 1 | 2],
    facility: codeOf(m, facilityAsOf(m, i, D)),
    risks,
  };
}

// ---------------------------------------------------------------------------------------------
// Share of early releases

export function figureEarlyReleaseShare(
  db: ReadDb,
  args: EarlyReleaseShareArgs,
): EarlyReleaseShareResult {
  const m = statsModel(db);
  const w: Window = {
    lo: intervalOf(args.since)!.lo,
    hi: args.asOf === undefined ? MAX_DAY : dayOf(args.asOf),
  };
  const match = personFilter(m, args.filters);
  const released = new PersonCount();
  const convicted = new PersonCount();
  for (let i = 0; i < m.n; i++) {
    if (!match(i)) continue;
    const id = m.ids[i]!;
    let early: State = OUT;
    let earlyUnplaced = false;
    for (let k = m.relStart[i]!; k < m.relStart[i + 1]!; k++) {
      if (m.relEarly[k] !== 1) continue;
      if (m.relLo[k] === NO_DAY) earlyUnplaced = true;
      else early = Math.max(early, placeIn(w, m.relLo[k]!, m.relHi[k]!));
    }
    if (early !== OUT) released.add(id, early);
    else if (earlyUnplaced) released.unplaced(id);

    let conviction: State = OUT;
    let convictionUnplaced = false;
    const c = convictionsOf(m, i);
    for (let k = c.from; k < c.to; k++) {
      if (c.lo[k] === NO_DAY) convictionUnplaced = true;
      else conviction = Math.max(conviction, placeIn(w, c.lo[k]!, c.hi[k]!));
    }
    if (conviction !== OUT) convicted.add(id, conviction);
    else if (convictionUnplaced) convicted.unplaced(id);
  }
  const numerator = released.figure('early_release_share');
  const denominator = convicted.figure('convicted_since');
  const ratio = (n: number, d: number) => (d > 0 ? n / d : null);
  return {
    since: args.since,
    asOf: args.asOf ?? null,
    numerator,
    denominator,
    ratio: ratio(numerator.value, denominator.value),
    ratioLow: ratio(numerator.value, denominator.upperBound),
    ratioHigh: ratio(numerator.upperBound, denominator.value),
    earlyTypes: [...EARLY_RELEASE_TYPES],
  };
}

// ---------------------------------------------------------------------------------------------
// Re-arrests after release

const ARREST_LIKE_BITS = (1 << DETENTION) | (1 << ARREST) | (1 << REARREST);

function isArrestLike(type: number): boolean {
  return ((1 << type) & ARREST_LIKE_BITS) !== 0;
}

export function figureRearrests(db: ReadDb, args: RearrestsArgs): Figure {
  const m = statsModel(db);
  const w = windowOf(args.from, args.to);
  const match = personFilter(m, args.filters);
  const count = new PersonCount();
  for (let i = 0; i < m.n; i++) {
    const relStart = m.relStart[i]!;
    const relEnd = m.relStart[i + 1]!;
    if (relStart === relEnd || !match(i)) continue;
    let state: State = OUT;
    let arrests = 0;
    for (let e = m.evStart[i]!; e < m.evStart[i + 1]! && state !== IN; e++) {
      const type = m.evType[e]!;
      if (!isArrestLike(type)) continue;
      arrests++;
      const lo = m.evLo[e]!;
      const hi = m.evHi[e]!;
      const inWindow = placeIn(w, lo, hi);
      if (inWindow === OUT) continue;
      // Same-day events follow the type order: a re-arrest comes after a release, a detention
      // or an arrest before it.
      const sameDayAfter = type > RELEASE;
      for (let k = relStart; k < relEnd; k++) {
        const rLo = m.relLo[k]!;
        const rHi = m.relHi[k]!;
        if (rLo === NO_DAY) continue;
        const after =
          lo > rHi || (lo === rHi && sameDayAfter)
            ? IN
            : hi > rLo || (hi === rLo && sameDayAfter)
              ? UNCERTAIN
              : OUT;
        const pair = after < inWindow ? after : inWindow;
        if (pair > state) state = pair;
      }
    }
    if (state !== OUT) count.add(m.ids[i]!, state);
    else if (
      // Undated releases sort last.
      (arrests > 0 && m.relLo[relEnd - 1] === NO_DAY) ||
      (m.undated[i]! & ARREST_LIKE_BITS) !== 0
    ) {
      count.unplaced(m.ids[i]!);
    }
  }
  return count.figure('rearrests');
}

// ---------------------------------------------------------------------------------------------
// Breakdowns

/** The facility of the last event (in the fixed order) starting on or before D that has one. */
function facilityAsOf(m: StatsModel, i: number, D: Day): number {
  for (let e = m.evStart[i + 1]! - 1; e >= m.evStart[i]!; e--) {
    if (m.evLo[e]! <= D && m.evFacility[e] !== NO_CODE) return m.evFacility[e]!;
  }
  return NO_CODE;
}

/** Where addToCells puts a person: the cell of a code number. */
interface CellSink {
  get(code: number): { add(id: string, state: State): void };
}

/** The cells of one person and their state in each (each code is added at most once). */
class PersonCells implements CellSink {
  readonly states = new Map<number, State>();
  private code = 0;
  private readonly adder = {
    add: (_id: string, state: State): void => {
      this.states.set(this.code, state);
    },
  };

  get(code: number): { add(id: string, state: State): void } {
    this.code = code;
    return this.adder;
  }
}

/** The articles already counted for the current person. */
const seenArticles: number[] = [];

/**
 * Adds a base person (state `state`) to the cells of their values: one value for region, sex
 * and facility; several (or none: not recorded) for citizenship and article; for the age band,
 * the band when the birth date settles it, else each band the person may be in, as uncertain;
 * for the stage, convicted or pre-trial when the dates settle it, else both, as uncertain.
 */
function addToCells(
  cells: CellSink,
  m: StatsModel,
  i: number,
  dimension: BreakdownArgs['dimension'],
  D: Day,
  state: State,
  derived: DerivedCodes,
): void {
  const id = m.ids[i]!;
  switch (dimension) {
    case 'region':
      cells.get(m.region[i]!).add(id, state);
      return;
    case 'sex':
      cells.get(m.sex[i]!).add(id, state);
      return;
    case 'facility':
      cells.get(facilityAsOf(m, i, D)).add(id, state);
      return;
    case 'citizenship': {
      const start = m.citStart[i]!;
      const end = m.citStart[i + 1]!;
      if (start === end) cells.get(NO_CODE).add(id, state);
      for (let k = start; k < end; k++) cells.get(m.cit[k]!).add(id, state);
      return;
    }
    case 'article': {
      seenArticles.length = 0;
      for (let k = m.prStart[i]!; k < m.prStart[i + 1]!; k++) {
        if (m.prLo[k]! > D) continue;
        for (let a = m.artStart[k]!; a < m.artStart[k + 1]!; a++) {
          const article = m.art[a]!;
          if (seenArticles.includes(article)) continue;
          seenArticles.push(article);
          cells.get(article).add(id, state);
        }
      }
      if (seenArticles.length === 0) cells.get(NO_CODE).add(id, state);
      return;
    }
    case 'ageBand': {
      if (!hasBirthDate(m, i)) {
        cells.get(NO_CODE).add(id, state);
        return;
      }
      // Thresholds passed by the oldest and by the youngest the person can be.
      const t = i * 6;
      const turns = m.turns;
      const oldest =
        (D >= turns[t]! ? 1 : 0) + (D >= turns[t + 1]! ? 1 : 0) + (D >= turns[t + 2]! ? 1 : 0);
      const youngest =
        (D >= turns[t + 3]! ? 1 : 0) + (D >= turns[t + 4]! ? 1 : 0) + (D >= turns[t + 5]! ? 1 : 0);
      for (let band = youngest; band <= oldest; band++) {
        cells.get(derived.bands[band]!).add(id, oldest === youngest ? state : UNCERTAIN);
      }
      return;
    }
    case 'stage': {
      const [pretrial, convicted] = derived.stages as [number, number];
      const conviction = convictedOn(m, i, D);
      if (conviction === UNCERTAIN) {
        cells.get(pretrial).add(id, UNCERTAIN);
        cells.get(convicted).add(id, UNCERTAIN);
      } else {
        cells.get(conviction === IN ? convicted : pretrial).add(id, state);
      }
      return;
    }
  }
}

/**
 * Walks the base population of a breakdown or pivot as of D (in custody, or at special risk
 * among them): `visit` gets each counted person with their state; the returned count is the base.
 */
function eachBasePerson(
  m: StatsModel,
  D: Day,
  base: 'inCustody' | 'atRisk',
  filters: FigureFilters | undefined,
  visit: (i: number, state: State) => void,
): PersonCount {
  const match = personFilter(m, filters);
  const atRisk = base === 'atRisk';
  const over60 = registered(m, OVER_60);
  const count = new PersonCount();
  for (let i = 0; i < m.n; i++) {
    if (!match(i)) continue;
    if (cannotPlaceCustody(m, i)) {
      if (!atRisk || m.rkStart[i] !== m.rkStart[i + 1] || hasBirthDate(m, i)) {
        count.unplaced(m.ids[i]!);
      }
      continue;
    }
    let state = custodyState(m, i, D);
    if (state !== OUT && atRisk) state = riskStates(m, i, D, state, over60);
    if (state === OUT) continue;
    count.add(m.ids[i]!, state);
    visit(i, state);
  }
  return count;
}

/**
 * The cells of one dimension as keyed rows, in the breakdown order: age bands and stages in
 * their own order (not recorded last), other values by count.
 */
function orderedCells<C>(
  m: StatsModel,
  cells: CountsBy<C>,
  dimension: BreakdownDimension,
  derived: DerivedCodes,
  figureOf: (count: C) => Figure,
): { key: string | null; code: number; figure: Figure }[] {
  const order =
    dimension === 'ageBand' ? derived.bands : dimension === 'stage' ? derived.stages : null;
  const rows = [...cells.map.entries()].map(([code, count]) => {
    const place = order === null ? 0 : order.indexOf(code);
    return {
      key: codeOf(m, code),
      code,
      place: place < 0 ? order!.length : place,
      figure: figureOf(count),
    };
  });
  rows.sort((a, b) =>
    order !== null
      ? a.place - b.place
      : b.figure.value - a.figure.value ||
        b.figure.upperBound - a.figure.upperBound ||
        compareNullableCodes(a.key, b.key),
  );
  return rows.map(({ key, code, figure }) => ({ key, code, figure }));
}

export function figureBreakdown(db: ReadDb, args: BreakdownArgs): BreakdownResult {
  const m = statsModel(db);
  const D = dayOf(args.asOf);
  const derived = derivedCodes(m);
  const cells = new CountsBy(() => new PersonCount());
  const base = eachBasePerson(m, D, args.base, args.filters, (i, state) =>
    addToCells(cells, m, i, args.dimension, D, state, derived),
  );
  return {
    asOf: args.asOf,
    dimension: args.dimension,
    base: base.figure(args.base === 'atRisk' ? 'at_risk' : 'in_custody'),
    multiValued: args.dimension === 'citizenship' || args.dimension === 'article',
    cells: orderedCells(m, cells, args.dimension, derived, (count) =>
      count.figure('breakdown'),
    ).map(({ key, figure }) => ({ key, figure })),
  };
}

// ---------------------------------------------------------------------------------------------
// Custom counts (pivot)

/** A row of a pivot: its own count (the one-dimension breakdown cell) and its column cells. */
class PivotRow {
  readonly total = new PersonCount();
  readonly cells = new CountsBy(() => new PersonCount());
}

/**
 * Rows by one dimension, columns by another (optional), over the same base as the breakdowns.
 * A person goes into each row cell of theirs exactly as in figureBreakdown, and within a row,
 * into each column cell of theirs; an age band the birth date leaves open is uncertain.
 */
export function figurePivot(db: ReadDb, args: PivotArgs): PivotResult {
  const m = statsModel(db);
  const D = dayOf(args.asOf);
  const derived = derivedCodes(m);
  const rows = new CountsBy(() => new PivotRow());
  const columns = new CountsBy(() => new PersonCount());
  // The cells of the current person, bucketed exactly as figureBreakdown does.
  const personRows = new PersonCells();
  const personColumns = new PersonCells();
  const base = eachBasePerson(m, D, args.measure, args.filters, (i, state) => {
    const id = m.ids[i]!;
    personRows.states.clear();
    personColumns.states.clear();
    addToCells(personRows, m, i, args.rows, D, state, derived);
    if (args.columns !== undefined) {
      addToCells(personColumns, m, i, args.columns, D, state, derived);
      for (const [code, columnState] of personColumns.states)
        columns.get(code).add(id, columnState);
    }
    for (const [rowCode, rowState] of personRows.states) {
      const row = rows.get(rowCode);
      row.total.add(id, rowState);
      for (const [columnCode, columnState] of personColumns.states) {
        row.cells.get(columnCode).add(id, rowState === IN && columnState === IN ? IN : UNCERTAIN);
      }
    }
  });
  const columnOrder =
    args.columns === undefined
      ? []
      : orderedCells(m, columns, args.columns, derived, (count) => count.figure('breakdown'));
  return {
    asOf: args.asOf,
    measure: args.measure,
    rowDimension: args.rows,
    columnDimension: args.columns ?? null,
    columnKeys: columnOrder.map((column) => column.key),
    rows: orderedCells(m, rows, args.rows, derived, (row) => row.total.figure('breakdown')).map(
      ({ key, code, figure }) => {
        const row = rows.map.get(code)!;
        return {
          key,
          total: figure,
          cells: columnOrder.flatMap((column) => {
            const cell = row.cells.map.get(column.code);
            return cell === undefined
              ? []
              : [{ key: column.key, figure: cell.figure('breakdown') }];
          }),
        };
      },
    ),
    columnTotals: columnOrder.map(({ key, figure }) => ({ key, figure })),
    total: base.figure(args.measure === 'atRisk' ? 'at_risk' : 'in_custody'),
  };
}

// ---------------------------------------------------------------------------------------------
// Time series

/** The last day of each month or year from the one holding `lo`, the last clipped to `hi`. */
export function periodEnds(lo: Day, hi: Day, step: 'month' | 'year'): Day[] {
  const days: Day[] = [];
  let [year, month] = civilFromDay(lo);
  for (;;) {
    const end =
      step === 'month'
        ? dayFromCivil(year, month, daysInMonth(year, month))
        : dayFromCivil(year, 12, 31);
    days.push(Math.min(end, hi));
    if (end >= hi) return days;
    if (step === 'year' || month === 12) {
      year++;
      month = 1;
    } else {
      month++;
    }
  }
}

/** The index of the first of the ascending `days` on or after `day` (days.length if none). */
function firstPointFrom(days: readonly Day[], day: Day): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (days[mid]! < day) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function figureCustodySeries(db: ReadDb, args: CustodySeriesArgs): CustodySeriesResult {
  const m = statsModel(db);
  const days = periodEnds(intervalOf(args.from)!.lo, intervalOf(args.to)!.hi, args.step);
  // Each step of a person's custody covers a run of points: add 1 at its first point and
  // take it off after its last (difference arrays), then sum up.
  const certain = new Int32Array(days.length + 1);
  const possible = new Int32Array(days.length + 1);
  const match = personFilter(m, args.filters);
  const unplaced: string[] = [];
  const stDay = m.stDay;
  const stState = m.stState;
  const lastDay = days[days.length - 1]!;
  for (let i = 0; i < m.n; i++) {
    const first = m.stStart[i]!;
    const end = m.stStart[i + 1]!;
    if (first === end) {
      if (cannotPlaceCustody(m, i) && match(i)) unplaced.push(m.ids[i]!);
      continue;
    }
    if (stDay[first]! > lastDay || !match(i)) continue;
    for (let k = first; k < end; k++) {
      const state = stState[k];
      if (state === OUT) continue;
      const from = firstPointFrom(days, stDay[k]!);
      const to = k + 1 < end ? firstPointFrom(days, stDay[k + 1]!) : days.length;
      if (from >= to) continue;
      const counts = state === IN ? certain : possible;
      counts[from]!++;
      counts[to]!--;
    }
  }
  for (let t = 1; t < days.length; t++) {
    certain[t]! += certain[t - 1]!;
    possible[t]! += possible[t - 1]!;
  }
  return {
    step: args.step,
    definition: 'custody_series',
    lowerBound: true,
    points: days.map((day, t) => ({
      date: isoFromDay(day),
      value: certain[t]!,
      upperBound: certain[t]! + possible[t]!,
    })),
    unplaced: { count: unplaced.length, personIds: unplaced },
  };
}

// ---------------------------------------------------------------------------------------------
// Drill-down

const CASES_CHUNK = 250;
const CASES_SQL = `SELECT id, name, name_latin, birth_date, region, consent FROM persons
  WHERE deleted = 0 AND id IN (${Array.from({ length: CASES_CHUNK }, () => '?').join(', ')})`;

/** Summaries of the given persons, in the order given; deleted or unknown ids are left out. */
export function figureCases(db: ReadDb, args: CasesArgs): CasesResult {
  const found = new Map<string, CaseSummary>();
  const ids = [...new Set(args.personIds)];
  for (let i = 0; i < ids.length; i += CASES_CHUNK) {
    const chunk: string[] = ids.slice(i, i + CASES_CHUNK);
    // A fixed number of placeholders keeps one cached statement for every call.
    while (chunk.length < CASES_CHUNK) chunk.push('');
    for (const row of all(db, CASES_SQL, chunk)) {
      found.set(String(row.id), {
        id: String(row.id),
        name: String(row.name),
        nameLatin: String(row.name_latin),
        birthDate: row.birth_date === null ? null : String(row.birth_date),
        region: row.region === null ? null : String(row.region),
        consent: String(row.consent) as CaseSummary['consent'],
        pseudonym: pseudonymCode(String(row.id)),
      });
    }
  }
  return { items: ids.flatMap((id) => found.get(id) ?? []) };
}
