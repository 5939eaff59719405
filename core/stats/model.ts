import type { SqlValue, Statement } from 'sql.js';
import type { ReadDb } from '../db/handle';
import { first, statement } from '../db/statements';
import * as custody from './custody';
import * as dates from '../api/dates';
import type { DayInterval } from '../api/dates';
import { AGE_BANDS, EARLY_RELEASE_TYPES, OVER_60, STAGES } from '../api/figureDefinitions';

/**
 * What the figures need from the case records, read once per version of the data: columns of
 * typed arrays, one row per live person in id order, and each person's custody events,
 * releases, sentences, proceedings and risk assignments as contiguous ranges ("start" arrays
 * of n + 1 offsets). The custody state of each person is stored as a step function of the day.
 * Codes (regions, countries, facilities, release types, categories, articles, periods) are
 * numbers into `codes`. A register of 100k persons with 800k events takes some 30 MB this
 * way, and a figure is a loop over numbers. Deleted records, and every record of a deleted
 * person, are not in it.
 */

// Read once, not through an import binding per row (per-file transpilers turn those into
// getter calls).
const { custodySteps, RELEASE, SENTENCE, typeNumber } = custody;
const { MAX_DAY, MIN_DAY, parseInterval, turnsOn } = dates;
const EARLY = new Set(EARLY_RELEASE_TYPES);

/** "No usable date" in a day column. */
export const NO_DAY = -2_147_483_648;
/** "Not recorded" in a code column. */
export const NO_CODE = -1;

export const AGE_THRESHOLDS = [30, 45, 60] as const;

export interface StatsModel {
  /** Number of persons. */
  n: number;
  ids: string[];
  codes: string[];
  codeIndex: Map<string, number>;
  region: Int32Array;
  sex: Int32Array;
  citStart: Int32Array;
  cit: Int32Array;
  /**
   * Per person, 6 days: when the oldest the person can be (born on the first day the birth
   * date allows) turns 30, 45, 60, then the same for the youngest (born on its last day).
   * NO_DAY when the birth date is unknown.
   */
  turns: Int32Array;
  /** Dated custody events in their fixed order (first day, type order, last day). */
  evStart: Int32Array;
  evLo: Int32Array;
  evHi: Int32Array;
  evType: Uint8Array;
  evFacility: Int32Array;
  /** Bit t set: the person has an undated custody event of type number t. */
  undated: Uint8Array;
  /** Custody state steps (see `custodySteps`): from stDay[k] on, stState[k]. */
  stStart: Int32Array;
  stDay: Int32Array;
  stState: Uint8Array;
  /** Release events: dated ones by date, then undated ones (NO_DAY). */
  relStart: Int32Array;
  relLo: Int32Array;
  relHi: Int32Array;
  relType: Int32Array;
  relEarly: Uint8Array;
  /** Codes of the grouping periods: the year, and the month (the year when known by year). */
  relYear: Int32Array;
  relMonth: Int32Array;
  relId: string[];
  /** Sentence custody events (NO_DAY when undated). */
  senStart: Int32Array;
  senLo: Int32Array;
  senHi: Int32Array;
  /** Proceedings: criminal or not, earliest day (opened, else verdict; MIN_DAY if neither). */
  prStart: Int32Array;
  prCriminal: Uint8Array;
  prLo: Int32Array;
  prVerdictLo: Int32Array;
  prVerdictHi: Int32Array;
  /** Articles of each proceeding (offsets per proceeding). */
  artStart: Int32Array;
  art: Int32Array;
  /** Risk assignments; no start is MIN_DAY ("since always"), no end MAX_DAY ("ongoing"). */
  rkStart: Int32Array;
  rkCategory: Int32Array;
  rkStartLo: Int32Array;
  rkStartHi: Int32Array;
  rkEndLo: Int32Array;
  rkEndHi: Int32Array;
}

type Numbers = Int32Array | Uint8Array;

/** A growable column of integers; `T` is the typed array it finishes as. */
class Column<T extends Numbers> {
  length = 0;

  constructor(
    private data: Numbers,
    private readonly make: (size: number) => Numbers,
  ) {}

  private reserve(count: number): void {
    let size = this.data.length;
    while (this.length + count > size) size *= 2;
    if (size === this.data.length) return;
    const bigger = this.make(size);
    bigger.set(this.data);
    this.data = bigger;
  }

  push(value: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = value;
  }

  /** Appends `from[start..end)`, each value plus `delta`. */
  append(from: Numbers, start: number, end: number, delta = 0): void {
    const count = end - start;
    this.reserve(count);
    if (delta === 0) this.data.set(from.subarray(start, end), this.length);
    else for (let k = 0; k < count; k++) this.data[this.length + k] = from[start + k]! + delta;
    this.length += count;
  }

  /** The values; a copy of exactly that length when `exact`, else a view (no copy). */
  finish(exact: boolean): T {
    return (exact ? this.data.slice(0, this.length) : this.data.subarray(0, this.length)) as T;
  }
}

const ints = (size = 1024) =>
  new Column<Int32Array>(new Int32Array(size), (s) => new Int32Array(s));
const bytes = (size = 1024) =>
  new Column<Uint8Array>(new Uint8Array(size), (s) => new Uint8Array(s));

/** One custody event row as read: its type number, date interval and codes. */
interface EventRow {
  lo: number;
  hi: number;
  type: number;
  facility: number;
}

interface ReleaseRow {
  lo: number;
  hi: number;
  type: number;
  early: number;
  year: number;
  month: number;
  id: string;
}

const scratch: DayInterval = { lo: 0, hi: 0 };
/** One person's sorted events for `custodySteps`, reused from person to person. */
const intervals = { lo: [] as number[], hi: [] as number[], type: [] as number[], count: 0 };

function text(value: SqlValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * Appends persons to the columns, either read from rows (`person`, then their records, then
 * `endPerson`) or copied in runs from an earlier model (`copy`).
 */
class ModelBuilder {
  readonly ids: string[] = [];
  readonly codes: string[];
  readonly codeIndex: Map<string, number>;
  private readonly lists = new Map<string, number[]>();
  private readonly c;

  private readonly relId: string[] = [];
  /** The current person's dated events, sorted and turned into steps by `endPerson`. */
  private events: EventRow[] = [];
  private releases: ReleaseRow[] = [];
  private undatedBits = 0;

  /**
   * `like`: a model whose persons this one will mostly copy (a patch), to size the columns
   * once instead of growing them.
   */
  constructor(private readonly like?: StatsModel) {
    const size = (column: keyof StatsModel) => {
      const existing = like?.[column] as Numbers | undefined;
      return existing ? existing.length + 1024 : 1024;
    };
    this.c = {
      region: ints(size('region')),
      sex: ints(size('sex')),
      citStart: ints(size('citStart')),
      cit: ints(size('cit')),
      turns: ints(size('turns')),
      evStart: ints(size('evStart')),
      evLo: ints(size('evLo')),
      evHi: ints(size('evHi')),
      evType: bytes(size('evType')),
      evFacility: ints(size('evFacility')),
      undated: bytes(size('undated')),
      stStart: ints(size('stStart')),
      stDay: ints(size('stDay')),
      stState: bytes(size('stState')),
      relStart: ints(size('relStart')),
      relLo: ints(size('relLo')),
      relHi: ints(size('relHi')),
      relType: ints(size('relType')),
      relEarly: bytes(size('relEarly')),
      relYear: ints(size('relYear')),
      relMonth: ints(size('relMonth')),
      senStart: ints(size('senStart')),
      senLo: ints(size('senLo')),
      senHi: ints(size('senHi')),
      prStart: ints(size('prStart')),
      prCriminal: bytes(size('prCriminal')),
      prLo: ints(size('prLo')),
      prVerdictLo: ints(size('prVerdictLo')),
      prVerdictHi: ints(size('prVerdictHi')),
      artStart: ints(size('artStart')),
      art: ints(size('art')),
      rkStart: ints(size('rkStart')),
      rkCategory: ints(size('rkCategory')),
      rkStartLo: ints(size('rkStartLo')),
      rkStartHi: ints(size('rkStartHi')),
      rkEndLo: ints(size('rkEndLo')),
      rkEndHi: ints(size('rkEndHi')),
    };
    const codes = like?.codes ?? [];
    this.codes = [...codes];
    this.codeIndex = new Map(this.codes.map((code, i) => [code, i]));
    // Codes the figures derive rather than read: always there, whatever the records hold.
    for (const code of [OVER_60, ...AGE_BANDS, ...STAGES]) this.code(code);
  }

  code(value: string | null): number {
    if (value === null) return NO_CODE;
    let index = this.codeIndex.get(value);
    if (index === undefined) {
      index = this.codes.length;
      this.codes.push(value);
      this.codeIndex.set(value, index);
    }
    return index;
  }

  /** A JSON array of codes as code numbers; each distinct text is parsed once. */
  private codeList(value: SqlValue | undefined): number[] {
    if (typeof value !== 'string' || value === '[]') return [];
    let list = this.lists.get(value);
    if (!list) {
      let parsed: unknown = [];
      try {
        parsed = JSON.parse(value);
      } catch {
        // Not a list: no codes.
      }
      list = Array.isArray(parsed)
        ? parsed.filter((v): v is string => typeof v === 'string').map((v) => this.code(v))
        : [];
      this.lists.set(value, list);
    }
    return list;
  }

  /** Starts a person from a row `id, region, sex, birth_date, citizenship`. */
  person(row: SqlValue[]): void {
    const c = this.c;
    this.ids.push(String(row[0]));
    c.region.push(this.code(text(row[1])));
    c.sex.push(this.code(text(row[2])));
    c.citStart.push(c.cit.length);
    for (const country of this.codeList(row[4])) c.cit.push(country);
    if (parseInterval(text(row[3]), scratch)) {
      const { lo, hi } = scratch;
      for (const years of AGE_THRESHOLDS) c.turns.push(turnsOn(lo, years));
      for (const years of AGE_THRESHOLDS) c.turns.push(turnsOn(hi, years));
    } else {
      for (let k = 0; k < 6; k++) c.turns.push(NO_DAY);
    }
    c.evStart.push(c.evLo.length);
    c.stStart.push(c.stDay.length);
    c.relStart.push(c.relLo.length);
    c.senStart.push(c.senLo.length);
    c.prStart.push(c.prLo.length);
    c.rkStart.push(c.rkCategory.length);
    this.events = [];
    this.releases = [];
    this.undatedBits = 0;
  }

  /** A custody event row `person_id, type, date, facility, release_type, id`. */
  event(row: SqlValue[]): void {
    const type = typeNumber(String(row[1]));
    if (type < 0) return;
    const date = text(row[2]);
    const dated = parseInterval(date, scratch);
    if (dated) {
      this.events.push({ lo: scratch.lo, hi: scratch.hi, type, facility: this.code(text(row[3])) });
    } else {
      this.undatedBits |= 1 << type;
    }
    if (type === RELEASE) {
      const releaseType = text(row[4]);
      const year = dated ? this.code(date!.slice(0, 4)) : NO_CODE;
      this.releases.push({
        lo: dated ? scratch.lo : NO_DAY,
        hi: dated ? scratch.hi : NO_DAY,
        type: this.code(releaseType),
        early: releaseType !== null && EARLY.has(releaseType) ? 1 : 0,
        year,
        month: dated && date!.length >= 7 ? this.code(date!.slice(0, 7)) : year,
        id: String(row[5]),
      });
    } else if (type === SENTENCE) {
      this.c.senLo.push(dated ? scratch.lo : NO_DAY);
      this.c.senHi.push(dated ? scratch.hi : NO_DAY);
    }
  }

  /** A proceeding row `person_id, kind, articles, opened_date, verdict_date`. */
  proceeding(row: SqlValue[]): void {
    const c = this.c;
    const verdict = parseInterval(text(row[4]), scratch);
    const verdictLo = verdict ? scratch.lo : NO_DAY;
    c.prCriminal.push(row[1] === 'criminal' ? 1 : 0);
    c.prVerdictLo.push(verdictLo);
    c.prVerdictHi.push(verdict ? scratch.hi : NO_DAY);
    c.prLo.push(parseInterval(text(row[3]), scratch) ? scratch.lo : verdict ? verdictLo : MIN_DAY);
    c.artStart.push(c.art.length);
    for (const article of this.codeList(row[2])) c.art.push(article);
  }

  /** A risk assignment row `person_id, category, start_date, end_date`. */
  risk(row: SqlValue[]): void {
    const category = text(row[1]);
    if (!category) return;
    const c = this.c;
    c.rkCategory.push(this.code(category));
    const hasStart = parseInterval(text(row[2]), scratch);
    c.rkStartLo.push(hasStart ? scratch.lo : MIN_DAY);
    c.rkStartHi.push(hasStart ? scratch.hi : MIN_DAY);
    const hasEnd = parseInterval(text(row[3]), scratch);
    c.rkEndLo.push(hasEnd ? scratch.lo : MAX_DAY);
    c.rkEndHi.push(hasEnd ? scratch.hi : MAX_DAY);
  }

  /** Orders the person's events and releases, and computes the custody steps. */
  endPerson(): void {
    const c = this.c;
    const events = this.events;
    events.sort((a, b) => a.lo - b.lo || a.type - b.type || a.hi - b.hi);
    for (const e of events) {
      c.evLo.push(e.lo);
      c.evHi.push(e.hi);
      c.evType.push(e.type);
      c.evFacility.push(e.facility);
    }
    c.undated.push(this.undatedBits);
    intervals.lo.length = intervals.hi.length = intervals.type.length = 0;
    for (const e of events) {
      intervals.lo.push(e.lo);
      intervals.hi.push(e.hi);
      intervals.type.push(e.type);
    }
    intervals.count = events.length;
    const steps = custodySteps(intervals);
    for (let k = 0; k < steps.length; k += 2) {
      c.stDay.push(steps[k]!);
      c.stState.push(steps[k + 1]!);
    }
    // Releases by date, undated last, then by id: never in storage order.
    const releases = this.releases;
    releases.sort(
      (a, b) =>
        (a.lo === NO_DAY ? 1 : 0) - (b.lo === NO_DAY ? 1 : 0) ||
        a.lo - b.lo ||
        a.hi - b.hi ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    for (const r of releases) {
      c.relLo.push(r.lo);
      c.relHi.push(r.hi);
      c.relType.push(r.type);
      c.relEarly.push(r.early);
      c.relYear.push(r.year);
      c.relMonth.push(r.month);
      this.relId.push(r.id);
    }
  }

  /** Copies persons [from, to) of an earlier model (built with the same codes). */
  copy(m: StatsModel, from: number, to: number): void {
    if (to <= from) return;
    const c = this.c;
    for (let i = from; i < to; i++) this.ids.push(m.ids[i]!);
    c.region.append(m.region, from, to);
    c.sex.append(m.sex, from, to);
    c.undated.append(m.undated, from, to);
    c.turns.append(m.turns, from * 6, to * 6);
    const ranged = (
      start: Column<Int32Array>,
      mStart: Int32Array,
      columns: Array<[Column<Int32Array> | Column<Uint8Array>, Numbers]>,
    ) => {
      const a = mStart[from]!;
      const b = mStart[to]!;
      const delta = columns[0]![0].length - a;
      start.append(mStart, from, to, delta);
      for (const [column, source] of columns) column.append(source, a, b);
      return [a, b] as const;
    };
    ranged(c.citStart, m.citStart, [[c.cit, m.cit]]);
    ranged(c.evStart, m.evStart, [
      [c.evLo, m.evLo],
      [c.evHi, m.evHi],
      [c.evType, m.evType],
      [c.evFacility, m.evFacility],
    ]);
    ranged(c.stStart, m.stStart, [
      [c.stDay, m.stDay],
      [c.stState, m.stState],
    ]);
    const [ra, rb] = ranged(c.relStart, m.relStart, [
      [c.relLo, m.relLo],
      [c.relHi, m.relHi],
      [c.relType, m.relType],
      [c.relEarly, m.relEarly],
      [c.relYear, m.relYear],
      [c.relMonth, m.relMonth],
    ]);
    for (let k = ra; k < rb; k++) this.relId.push(m.relId[k]!);
    ranged(c.senStart, m.senStart, [
      [c.senLo, m.senLo],
      [c.senHi, m.senHi],
    ]);
    const pa = m.prStart[from]!;
    const pb = m.prStart[to]!;
    const artDelta = c.art.length - m.artStart[pa]!;
    c.artStart.append(m.artStart, pa, pb, artDelta);
    c.art.append(m.art, m.artStart[pa]!, m.artStart[pb]!);
    ranged(c.prStart, m.prStart, [
      [c.prCriminal, m.prCriminal],
      [c.prLo, m.prLo],
      [c.prVerdictLo, m.prVerdictLo],
      [c.prVerdictHi, m.prVerdictHi],
    ]);
    ranged(c.rkStart, m.rkStart, [
      [c.rkCategory, m.rkCategory],
      [c.rkStartLo, m.rkStartLo],
      [c.rkStartHi, m.rkStartHi],
      [c.rkEndLo, m.rkEndLo],
      [c.rkEndHi, m.rkEndHi],
    ]);
  }

  finish(): StatsModel {
    const c = this.c;
    // A full read grew its columns by doubling: copy them to size. A patch sized them.
    const exact = this.like === undefined;
    // The closing offsets.
    c.citStart.push(c.cit.length);
    c.evStart.push(c.evLo.length);
    c.stStart.push(c.stDay.length);
    c.relStart.push(c.relLo.length);
    c.senStart.push(c.senLo.length);
    c.prStart.push(c.prLo.length);
    c.artStart.push(c.art.length);
    c.rkStart.push(c.rkCategory.length);
    return {
      n: this.ids.length,
      ids: this.ids,
      codes: this.codes,
      codeIndex: this.codeIndex,
      region: c.region.finish(exact),
      sex: c.sex.finish(exact),
      citStart: c.citStart.finish(exact),
      cit: c.cit.finish(exact),
      turns: c.turns.finish(exact),
      evStart: c.evStart.finish(exact),
      evLo: c.evLo.finish(exact),
      evHi: c.evHi.finish(exact),
      evType: c.evType.finish(exact),
      evFacility: c.evFacility.finish(exact),
      undated: c.undated.finish(exact),
      stStart: c.stStart.finish(exact),
      stDay: c.stDay.finish(exact),
      stState: c.stState.finish(exact),
      relStart: c.relStart.finish(exact),
      relLo: c.relLo.finish(exact),
      relHi: c.relHi.finish(exact),
      relType: c.relType.finish(exact),
      relEarly: c.relEarly.finish(exact),
      relYear: c.relYear.finish(exact),
      relMonth: c.relMonth.finish(exact),
      relId: this.relId,
      senStart: c.senStart.finish(exact),
      senLo: c.senLo.finish(exact),
      senHi: c.senHi.finish(exact),
      prStart: c.prStart.finish(exact),
      prCriminal: c.prCriminal.finish(exact),
      prLo: c.prLo.finish(exact),
      prVerdictLo: c.prVerdictLo.finish(exact),
      prVerdictHi: c.prVerdictHi.finish(exact),
      artStart: c.artStart.finish(exact),
      art: c.art.finish(exact),
      rkStart: c.rkStart.finish(exact),
      rkCategory: c.rkCategory.finish(exact),
      rkStartLo: c.rkStartLo.finish(exact),
      rkStartHi: c.rkStartHi.finish(exact),
      rkEndLo: c.rkEndLo.finish(exact),
      rkEndHi: c.rkEndHi.finish(exact),
    };
  }
}

const PERSON_COLUMNS = 'id, region, sex, birth_date, citizenship';
const EVENT_COLUMNS =
  "person_id, type, date, facility, release_type, CASE WHEN type = 'release' THEN id END";
const PROCEEDING_COLUMNS = 'person_id, kind, articles, opened_date, verdict_date';
const RISK_COLUMNS = 'person_id, category, start_date, end_date';

/**
 * Live rows after a person id, ordered by person, so that one pass joins them to the persons.
 * Persons come a slice at a time; the other statements stop at the slice's last person.
 */
const SQL_AFTER = {
  persons: `SELECT ${PERSON_COLUMNS} FROM persons WHERE deleted = 0 AND id > ? ORDER BY id LIMIT ?`,
  events: `SELECT ${EVENT_COLUMNS} FROM custody_events WHERE deleted = 0 AND person_id > ? ORDER BY person_id`,
  proceedings: `SELECT ${PROCEEDING_COLUMNS} FROM proceedings WHERE deleted = 0 AND person_id > ? ORDER BY person_id`,
  risks: `SELECT ${RISK_COLUMNS} FROM risk_assignments WHERE deleted = 0 AND person_id > ? ORDER BY person_id`,
};

const SQL_ONE = {
  persons: `SELECT ${PERSON_COLUMNS} FROM persons WHERE deleted = 0 AND id = ?`,
  events: `SELECT ${EVENT_COLUMNS} FROM custody_events WHERE deleted = 0 AND person_id = ?`,
  proceedings: `SELECT ${PROCEEDING_COLUMNS} FROM proceedings WHERE deleted = 0 AND person_id = ?`,
  risks: `SELECT ${RISK_COLUMNS} FROM risk_assignments WHERE deleted = 0 AND person_id = ?`,
};

/** Rows of a statement ordered by person id (first column), read alongside the persons. */
class Cursor {
  private row: SqlValue[] | null = null;

  constructor(private readonly s: Statement) {
    this.next();
  }

  private next(): void {
    this.row = this.s.step() ? this.s.get() : null;
  }

  /** Visits the rows of person `id`, skipping those of earlier ids (records of no live person). */
  each(id: string, visit: (row: SqlValue[]) => void): void {
    while (this.row !== null && String(this.row[0]) < id) this.next();
    while (this.row !== null && this.row[0] === id) {
      visit(this.row);
      this.next();
    }
  }
}

function withStatements<T>(
  db: ReadDb,
  sqls: string[],
  params: SqlValue[],
  use: (statements: Statement[]) => T,
): T {
  const statements = sqls.map((sql) => statement(db, sql));
  try {
    for (const s of statements) s.bind(params);
    return use(statements);
  } finally {
    for (const s of statements) s.reset();
  }
}

/**
 * Persons read per slice of a build: a few milliseconds, the longest a call waits for a build
 * running in the background.
 */
export const SLICE_PERSONS = 250;

/**
 * Appends the next slice of live persons after id `after`, with their records; returns the last
 * id read, or null when there are no more. A slice opens and closes its statements, so the
 * database may change between slices (see `startModelBuild`).
 */
function readSlice(db: ReadDb, b: ModelBuilder, after: string): string | null {
  const rows = withStatements(db, [SQL_AFTER.persons], [after, SLICE_PERSONS], ([p]) => {
    const out: SqlValue[][] = [];
    while (p!.step()) out.push(p!.get());
    return out;
  });
  if (rows.length === 0) return null;
  const { events, proceedings, risks } = SQL_AFTER;
  withStatements(db, [events, proceedings, risks], [after], ([e, pr, r]) => {
    const eventRows = new Cursor(e!);
    const proceedingRows = new Cursor(pr!);
    const riskRows = new Cursor(r!);
    const onEvent = (row: SqlValue[]) => b.event(row);
    const onProceeding = (row: SqlValue[]) => b.proceeding(row);
    const onRisk = (row: SqlValue[]) => b.risk(row);
    for (const row of rows) {
      const id = String(row[0]);
      b.person(row);
      eventRows.each(id, onEvent);
      proceedingRows.each(id, onProceeding);
      riskRows.each(id, onRisk);
      b.endPerson();
    }
  });
  return String(rows[rows.length - 1]![0]);
}

/** Reads every live person with their records, one slice per step; returns the model. */
function* slices(db: ReadDb): Generator<void, StatsModel, void> {
  const b = new ModelBuilder();
  let after: string | null = '';
  while ((after = readSlice(db, b, after)) !== null) yield;
  return b.finish();
}

/** Reads every live person with their records. */
export function buildModel(db: ReadDb): StatsModel {
  const build = slices(db);
  for (;;) {
    const step = build.next();
    if (step.done) return step.value;
  }
}

/** Appends one person as the database holds them now; nothing when deleted or gone. */
function readPerson(db: ReadDb, b: ModelBuilder, id: string): void {
  const row = withStatements(db, [SQL_ONE.persons], [id], ([s]) => (s!.step() ? s!.get() : null));
  if (!row) return;
  b.person(row);
  const { events, proceedings, risks } = SQL_ONE;
  withStatements(db, [events], [id], ([s]) => {
    while (s!.step()) b.event(s!.get());
  });
  withStatements(db, [proceedings], [id], ([s]) => {
    while (s!.step()) b.proceeding(s!.get());
  });
  withStatements(db, [risks], [id], ([s]) => {
    while (s!.step()) b.risk(s!.get());
  });
  b.endPerson();
}

/** Where `id` is, or would be, in the sorted `ids`. */
export function lowerBound(ids: readonly string[], id: string): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ids[mid]! < id) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The model with the given persons read again from the database and everyone else copied:
 * runs of unchanged persons are copied column by column, so a patch costs a copy of the
 * arrays (milliseconds at 100k persons), not a read of every record.
 */
export function refreshPersons(db: ReadDb, m: StatsModel, changed: Iterable<string>): StatsModel {
  const b = new ModelBuilder(m);
  let next = 0;
  for (const id of [...new Set(changed)].sort()) {
    const at = lowerBound(m.ids, id);
    b.copy(m, next, at);
    next = m.ids[at] === id ? at + 1 : at;
    readPerson(db, b, id);
  }
  b.copy(m, next, m.n);
  return b.finish();
}

/** The kinds of a person's records the figures read (besides the person), and their tables. */
export const PERSON_TABLES: Record<string, string> = {
  custodyEvent: 'custody_events',
  proceeding: 'proceedings',
  riskAssignment: 'risk_assignments',
};

/** Above this many changed records a full read is as quick as a patch, and simpler. */
const PATCH_LIMIT = 2000;

/**
 * The persons whose figures may have changed since audit entry `seq`, from the audit tables
 * (every change set that changed anything is an entry there), or null when there are too many
 * to patch. A record moved to another person changes both.
 */
function personsChangedSince(db: ReadDb, seq: number): Set<string> | null {
  const changed: Array<[string, string]> = [];
  withStatements(
    db,
    [
      'SELECT entity, entity_id FROM audit_created WHERE seq > ?1 UNION SELECT entity, entity_id FROM audit_edits WHERE seq > ?1',
    ],
    [seq],
    ([s]) => {
      while (s!.step() && changed.length <= PATCH_LIMIT) {
        const row = s!.get();
        changed.push([String(row[0]), String(row[1])]);
      }
    },
  );
  if (changed.length > PATCH_LIMIT) return null;
  const persons = new Set<string>();
  for (const [entity, id] of changed) {
    if (entity === 'person') {
      persons.add(id);
      continue;
    }
    const table = PERSON_TABLES[entity];
    if (!table) continue;
    const row = first(db, `SELECT person_id FROM ${table} WHERE id = ?`, [id]);
    if (row) persons.add(String(row.person_id));
  }
  withStatements(
    db,
    ["SELECT before FROM audit_edits WHERE seq > ? AND field = 'personId'"],
    [seq],
    ([s]) => {
      while (s!.step()) {
        try {
          const before: unknown = JSON.parse(String(s!.get()[0]));
          if (typeof before === 'string') persons.add(before);
        } catch {
          // Not a value a person id can be: nothing to refresh.
        }
      }
    },
  );
  return persons;
}

interface Head {
  seq: number;
  hash: string;
}

interface CacheEntry extends Head {
  model: StatsModel;
}

const cache = new WeakMap<ReadDb, CacheEntry>();

/** A full read running slice by slice, and the head of the audit chain when it started. */
interface PendingBuild extends Head {
  slices: Generator<void, StatsModel, void>;
}

const pending = new WeakMap<ReadDb, PendingBuild>();

function head(db: ReadDb): Head {
  const row = first(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  return row ? { seq: Number(row.seq), hash: String(row.hash) } : { seq: 0, hash: '' };
}

/**
 * Reads the next slice of a pending build, or all the rest; once the last is read, caches the
 * model under the build's starting head. Answers whether there is more to read.
 */
function advance(db: ReadDb, build: PendingBuild, untilDone: boolean): boolean {
  let step: IteratorResult<void, StatsModel>;
  try {
    step = build.slices.next();
    while (untilDone && !step.done) step = build.slices.next();
  } catch (err) {
    // A generator that threw is over: the next figure reads everything afresh.
    pending.delete(db);
    throw err;
  }
  if (!step.done) return true;
  pending.delete(db);
  cache.set(db, { seq: build.seq, hash: build.hash, model: step.value });
  return false;
}

/**
 * Starts a full read of the model of `db` that runs one slice per `step()`, off the request
 * path. The database may take commits between slices, so a person read before one may be
 * stale: the model is cached under the head of the audit chain when the build started, and
 * the next figure patches the persons changed since, as after any commit. A figure asked for
 * meanwhile reads the remaining slices itself. `step` answers whether there is more to read;
 * `cancel` drops the build.
 */
export function startModelBuild(db: ReadDb): { step: () => boolean; cancel: () => void } {
  const build: PendingBuild = { ...head(db), slices: slices(db) };
  pending.set(db, build);
  const mine = () => pending.get(db) === build;
  return {
    step: () => mine() && advance(db, build, false),
    cancel: () => {
      if (mine()) pending.delete(db);
    },
  };
}

/**
 * The model of the database as it is now. It is cached per database and keyed by the head of
 * the audit chain (sequence number and hash), which every applied change set advances. When
 * the chain has only grown since, the persons the new entries touched are read again; any other
 * difference (a restored or repaired vault) reads everything.
 */
export function statsModel(db: ReadDb): StatsModel {
  const build = pending.get(db);
  if (build) advance(db, build, true);
  const now = head(db);
  const entry = cache.get(db);
  if (entry && entry.seq === now.seq && entry.hash === now.hash) return entry.model;
  let model: StatsModel | null = null;
  if (entry && now.seq > entry.seq) {
    const previous = first(db, 'SELECT hash FROM audit_log WHERE seq = ?', [entry.seq]);
    const continues = entry.seq === 0 ? entry.hash === '' : previous?.hash === entry.hash;
    const changed = continues ? personsChangedSince(db, entry.seq) : null;
    if (changed) model = refreshPersons(db, entry.model, changed);
  }
  model ??= buildModel(db);
  cache.set(db, { ...now, model });
  return model;
}

/** Forgets the cached model of a database (tests and benchmarks time a cold read with it). */
export function forgetStatsModel(db: ReadDb): void {
  cache.delete(db);
  pending.delete(db);
}
