import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyChanges } from '../../core/db/apply';
import { writableDb, type ReadDb, type WriteDb } from '../../core/db/handle';
import type { Cell, ChangeSet } from '../../core/changes/changeSet';
import { formatHlc } from '../../core/changes/hlc';
import { prepareDatabase } from '../../core/db/prepare';
import { migrate } from '../../core/db/schema';
import { loadSqlJs } from '../../core/db/sqlite';
import {
  custodyStateAt,
  custodySteps,
  EVENT_TYPES,
  IN,
  isCustodial,
  OUT,
  stateFromSteps,
  UNCERTAIN,
} from '../../core/stats/custody';
import { intervalOf } from '../../core/api/dates';
import {
  figureAtRisk,
  figureBreakdown,
  figureCustodySeries,
  figureEarlyReleaseShare,
  figureInCustody,
  figureRearrests,
  figureReleases,
} from '../../core/stats/figures';
import { forgetStatsModel } from '../../core/stats/model';
import { BreakdownDimension, type Figure, type FigureFilters } from '../../core/api/figures';

/**
 * Properties of the figure engine over random registers. Each run loads its register into a
 * fresh in-memory database through the single write path (`applyChanges`, one change set), as
 * a vault would hold it, without the files.
 */

const AUTHOR = '0123456789abcdef';
let SQL: Awaited<ReturnType<typeof loadSqlJs>>;
let tick = 0;

beforeAll(async () => {
  SQL = await loadSqlJs();
});

// ---------------------------------------------------------------------------------------------
// Random registers

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Dates crowded into a few years, so that partial dates overlap and windows cut through them. */
const partialDate = fc
  .record({
    y: fc.integer({ min: 2020, max: 2023 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
    precision: fc.constantFrom('day', 'day', 'day', 'month', 'year'),
  })
  .map(({ y, m, d, precision }) =>
    precision === 'year'
      ? `${y}`
      : precision === 'month'
        ? `${y}-${pad(m)}`
        : `${y}-${pad(m)}-${pad(d)}`,
  );
const maybeDate = fc.option(partialDate, { freq: 12 });

const birthDate = fc.option(
  fc.oneof(
    fc.constantFrom('1964', '1964-02-29', '1962-06', '1963-12-31', '1960-02-29'),
    fc
      .record({
        y: fc.integer({ min: 1940, max: 2000 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 28 }),
      })
      .map(({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`),
  ),
  { freq: 6 },
);

const RELEASE_TYPES = ['pardon', 'amnesty', 'exchange', 'sentence_served', 'acquittal', 'other'];

const event = fc.record({
  type: fc.constantFrom(...EVENT_TYPES, 'release', 'release', 'detention'),
  date: maybeDate,
  releaseType: fc.option(fc.constantFrom(...RELEASE_TYPES), { freq: 8 }),
  facility: fc.option(fc.constantFrom('sizo-1', 'colony-1'), { freq: 2 }),
  deleted: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
});

const risk = fc.record({
  category: fc.constantFrom('disability', 'serious_health', 'over_60', 'pregnant'),
  startDate: fc.option(partialDate, { freq: 3 }),
  endDate: fc.option(partialDate, { freq: 2 }),
  deleted: fc.constant(false),
});

const proceeding = fc.record({
  kind: fc.constantFrom('criminal', 'criminal', 'administrative'),
  articles: fc.subarray(['cc-342', 'cc-130', 'ac-24.23']),
  openedDate: fc.option(partialDate, { freq: 2 }),
  verdictDate: fc.option(partialDate, { freq: 3 }),
});

const personArb = fc.record({
  birthDate,
  sex: fc.option(fc.constantFrom('female', 'male'), { freq: 5 }),
  region: fc.option(fc.constantFrom('minsk_city', 'grodno'), { freq: 5 }),
  citizenship: fc.subarray(['BY', 'PL', 'UA']),
  deleted: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
  events: fc.array(event, { maxLength: 7 }),
  risks: fc.array(risk, { maxLength: 3 }),
  proceedings: fc.array(proceeding, { maxLength: 2 }),
});
type GenPerson = typeof personArb extends fc.Arbitrary<infer T> ? T : never;

const register = fc.array(personArb, { minLength: 1, maxLength: 14 });

let idCounter = 0;
function newId(prefix: string): string {
  idCounter++;
  return `${prefix}${idCounter.toString(16).padStart(31, '0')}`;
}

function recordCells(entity: string, id: string, fields: Record<string, Cell['value']>): Cell[] {
  return [
    ...Object.entries(fields).map(([field, value]) => ({ entity, id, field, value })),
    { entity, id, field: 'createdAt', value: '2026-01-01T00:00:00.000Z' },
  ];
}

/** The cells that create these persons with all their records; ids start with `prefix`. */
function registerCells(persons: GenPerson[], prefix: string): Cell[] {
  const cells: Cell[] = [];
  for (const p of persons) {
    const personId = newId(prefix);
    cells.push(
      ...recordCells('person', personId, {
        name: 'Invented',
        birthDate: p.birthDate,
        sex: p.sex,
        region: p.region,
        citizenship: p.citizenship,
        deleted: p.deleted,
      }),
    );
    for (const e of p.events) {
      cells.push(
        ...recordCells('custodyEvent', newId(prefix), {
          personId,
          type: e.type,
          date: e.date,
          releaseType: e.type === 'release' ? e.releaseType : null,
          facility: e.facility,
          deleted: e.deleted,
        }),
      );
    }
    for (const r of p.risks)
      cells.push(...recordCells('riskAssignment', newId(prefix), { personId, ...r }));
    for (const pr of p.proceedings) {
      cells.push(...recordCells('proceeding', newId(prefix), { personId, ...pr }));
    }
  }
  return cells;
}

function commit(db: WriteDb, cells: Cell[]): void {
  if (cells.length === 0) return;
  tick++;
  const set: ChangeSet = {
    v: 1,
    hlc: formatHlc(Date.UTC(2026, 0, 1) + tick, 0, AUTHOR),
    author: AUTHOR,
    cells,
  };
  db.exec('BEGIN');
  applyChanges(db, set);
  db.exec('COMMIT');
}

function databaseWith(persons: GenPerson[]): WriteDb {
  const db = writableDb(new SQL.Database());
  migrate(db);
  prepareDatabase(db);
  commit(db, registerCells(persons, 'a'));
  return db;
}

// ---------------------------------------------------------------------------------------------
// Parameters

const asOf = fc
  .record({
    y: fc.integer({ min: 2020, max: 2024 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`);

/** A window that ends by 2024 (optional start). */
const window = fc
  .tuple(fc.option(partialDate, { freq: 3 }), partialDate)
  .filter(([from, to]) => from === null || intervalOf(from)!.lo <= intervalOf(to)!.hi)
  .map(([from, to]) => (from === null ? { to } : { from, to }));

const filters = fc.option(
  fc.record(
    {
      region: fc.constantFrom('minsk_city', 'grodno'),
      citizenship: fc.constantFrom('BY', 'PL', 'UA'),
      sex: fc.constantFrom('female' as const, 'male' as const),
    },
    { requiredKeys: [] },
  ),
  { freq: 2, nil: undefined },
);

interface Params {
  asOf: string;
  window: { from?: string; to: string };
  groupBy: 'year' | 'month';
  filters: FigureFilters | undefined;
}

const params = fc.record({
  asOf,
  window,
  groupBy: fc.constantFrom('year' as const, 'month' as const),
  filters,
});

/** Every figure the engine computes for these parameters. */
function allFigures(db: ReadDb, p: Params) {
  return {
    inCustody: figureInCustody(db, { asOf: p.asOf, filters: p.filters }),
    releases: figureReleases(db, { ...p.window, groupBy: p.groupBy, filters: p.filters }),
    atRisk: figureAtRisk(db, { asOf: p.asOf, filters: p.filters }),
    share: figureEarlyReleaseShare(db, {
      since: p.window.from ?? '2020',
      asOf: p.asOf,
      filters: p.filters,
    }),
    rearrests: figureRearrests(db, { ...p.window, filters: p.filters }),
    breakdowns: BreakdownDimension.options.map((dimension) =>
      figureBreakdown(db, { asOf: p.asOf, dimension, base: 'inCustody', filters: p.filters }),
    ),
    series: figureCustodySeries(db, {
      from: '2019-06',
      to: p.window.to,
      step: p.groupBy,
      filters: p.filters,
    }),
  };
}

function everyFigure(all: ReturnType<typeof allFigures>): Figure[] {
  return [
    all.inCustody,
    ...all.releases.cells.map((c) => c.figure),
    ...all.releases.byType.map((c) => c.figure),
    all.releases.total,
    all.releases.early,
    ...all.atRisk.categories.map((c) => c.figure),
    all.atRisk.total,
    all.share.numerator,
    all.share.denominator,
    all.rearrests,
    ...all.breakdowns.flatMap((b) => [b.base, ...b.cells.map((c) => c.figure)]),
  ];
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const RUNS = { numRuns: 150 };

describe('figure engine properties', () => {
  it('per-type (and per-cell) release counts sum to the total, bounds included', () => {
    fc.assert(
      fc.property(register, params, (persons, p) => {
        const db = databaseWith(persons);
        try {
          const r = figureReleases(db, { ...p.window, groupBy: p.groupBy, filters: p.filters });
          for (const parts of [r.byType, r.cells]) {
            expect(sum(parts.map((c) => c.figure.value))).toBe(r.total.value);
            expect(sum(parts.map((c) => c.figure.upperBound))).toBe(r.total.upperBound);
          }
          expect(sum(r.byType.map((c) => c.figure.unplaced.count))).toBe(r.total.unplaced.count);
          expect(r.early.value).toBeLessThanOrEqual(r.total.value);
          expect(r.early.upperBound).toBeLessThanOrEqual(r.total.upperBound);
        } finally {
          db.close();
        }
      }),
      RUNS,
    );
  });

  it('the distinct at-risk total lies between the largest category and their sum', () => {
    fc.assert(
      fc.property(register, asOf, filters, (persons, date, f) => {
        const db = databaseWith(persons);
        try {
          const r = figureAtRisk(db, { asOf: date, filters: f });
          for (const bound of ['value', 'upperBound'] as const) {
            const counts = r.categories.map((c) => c.figure[bound]);
            expect(r.total[bound]).toBeGreaterThanOrEqual(Math.max(0, ...counts));
            expect(r.total[bound]).toBeLessThanOrEqual(sum(counts));
          }
          // "In at least one category": the union of the categories, no more, no less.
          const certain = new Set(r.categories.flatMap((c) => c.figure.personIds));
          expect([...certain].sort()).toEqual(r.total.personIds);
          const possible = new Set(r.categories.flatMap((c) => c.figure.uncertainIds));
          expect([...possible].filter((id) => !certain.has(id)).sort()).toEqual(
            r.total.uncertainIds,
          );
          // Nobody is at risk who is not (possibly) in custody on that day.
          const held = figureInCustody(db, { asOf: date, filters: f });
          const heldIds = new Set([...held.personIds, ...held.uncertainIds]);
          for (const id of [...r.total.personIds, ...r.total.uncertainIds])
            expect(heldIds.has(id)).toBe(true);
          for (const id of r.total.personIds) expect(held.personIds).toContain(id);
        } finally {
          db.close();
        }
      }),
      RUNS,
    );
  });

  it('drill-down lists have exactly the figure’s counts, sorted and disjoint', () => {
    fc.assert(
      fc.property(register, params, (persons, p) => {
        const db = databaseWith(persons);
        try {
          for (const f of everyFigure(allFigures(db, p))) {
            expect(f.upperBound).toBeGreaterThanOrEqual(f.value);
            if (f.unit === 'persons') {
              expect(f.personIds).toHaveLength(f.value);
              expect(f.uncertainIds).toHaveLength(f.upperBound - f.value);
            } else {
              expect(f.eventIds).toHaveLength(f.value);
              expect(f.uncertainEventIds).toHaveLength(f.upperBound - f.value);
              expect(new Set([...f.eventIds!, ...f.uncertainEventIds!]).size).toBe(f.upperBound);
            }
            for (const ids of [f.personIds, f.uncertainIds, f.unplaced.personIds]) {
              expect([...ids].sort()).toEqual(ids);
              expect(new Set(ids).size).toBe(ids.length);
            }
            const certain = new Set(f.personIds);
            expect(f.uncertainIds.some((id) => certain.has(id))).toBe(false);
          }
        } finally {
          db.close();
        }
      }),
      RUNS,
    );
  });

  it('single-valued breakdowns add up to their base; the series agrees with "in custody"', () => {
    fc.assert(
      fc.property(register, params, (persons, p) => {
        const db = databaseWith(persons);
        try {
          const all = allFigures(db, p);
          for (const b of all.breakdowns) {
            const values = sum(b.cells.map((c) => c.figure.value));
            const uppers = sum(b.cells.map((c) => c.figure.upperBound));
            if (b.dimension === 'region' || b.dimension === 'sex' || b.dimension === 'facility') {
              expect(values).toBe(b.base.value);
              expect(uppers).toBe(b.base.upperBound);
            } else if (b.dimension === 'ageBand' || b.dimension === 'stage') {
              // A person whose band (or stage) is uncertain is in the upper bound of each band
              // they may be in.
              expect(values).toBeLessThanOrEqual(b.base.value);
              expect(uppers).toBeGreaterThanOrEqual(b.base.upperBound);
            } else {
              expect(values).toBeGreaterThanOrEqual(b.base.value);
            }
          }
          for (const point of all.series.points) {
            const f = figureInCustody(db, { asOf: point.date, filters: p.filters });
            expect([point.value, point.upperBound]).toEqual([f.value, f.upperBound]);
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('figures do not change when unrelated records are added', () => {
    // Unrelated: persons without events, and persons whose every event and record lies in
    // 2027, after every as-of date and window end drawn here.
    const later = fc.record({
      events: fc.array(
        fc.record({
          type: fc.constantFrom(...EVENT_TYPES),
          date: fc.constantFrom('2027', '2027-03', '2027-06-01'),
          releaseType: fc.constantFrom('pardon', 'amnesty'),
          facility: fc.constant(null),
          deleted: fc.constant(false),
        }),
        { maxLength: 4 },
      ),
      risks: fc.array(
        fc.record({
          category: fc.constantFrom('disability', 'serious_health'),
          startDate: fc.constant('2027-01'),
          endDate: fc.constant(null),
          deleted: fc.constant(false),
        }),
        { maxLength: 2 },
      ),
      proceedings: fc.array(
        fc.record({
          kind: fc.constant('criminal'),
          articles: fc.constant<string[]>(['cc-342']),
          openedDate: fc.constant('2027'),
          verdictDate: fc.constant('2027-05'),
        }),
        { maxLength: 1 },
      ),
    });
    const extra = fc.array(
      fc
        .tuple(personArb, later)
        .map(([person, records]) => ({ ...person, ...records, deleted: false })),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(register, extra, params, (persons, added, p) => {
        const db = databaseWith(persons);
        try {
          const before = allFigures(db, p);
          commit(db, registerCells(added, 'f'));
          expect(allFigures(db, p)).toEqual(before);
        } finally {
          db.close();
        }
      }),
      { numRuns: 100 },
    );
  });

  it('after edits, the patched cache gives what a full read gives', () => {
    fc.assert(
      fc.property(
        register,
        register,
        params,
        fc.array(fc.nat(), { maxLength: 6 }),
        (persons, more, p, picks) => {
          const db = databaseWith(persons);
          try {
            allFigures(db, p); // fills the cache
            // Another batch of persons, deletions, and dates moved, in separate change sets.
            commit(db, registerCells(more.slice(0, 3), 'b'));
            const events = db.exec('SELECT id, person_id FROM custody_events')[0]?.values ?? [];
            for (const pick of picks) {
              const row = events[pick % Math.max(1, events.length)];
              if (!row) break;
              const [id, personId] = row as [string, string];
              commit(db, [
                pick % 3 === 0
                  ? { entity: 'custodyEvent', id, field: 'deleted', value: true }
                  : pick % 3 === 1
                    ? { entity: 'custodyEvent', id, field: 'date', value: `202${pick % 4}` }
                    : { entity: 'person', id: personId, field: 'deleted', value: pick % 2 === 0 },
              ]);
            }
            const patched = allFigures(db, p);
            forgetStatsModel(db);
            expect(patched).toEqual(allFigures(db, p));
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('custody state with partial dates', () => {
  /** Abstract events on days 0..9, so every placement can be enumerated. */
  const events = fc.array(
    fc.record({
      lo: fc.integer({ min: 0, max: 8 }),
      width: fc.integer({ min: 0, max: 3 }),
      type: fc.integer({ min: 0, max: EVENT_TYPES.length - 1 }),
    }),
    { maxLength: 4 },
  );

  /** Every placement of every event inside its interval; same-day events in type order. */
  function bruteForce(list: { lo: number; width: number; type: number }[], D: number): number {
    const outcomes = new Set<boolean>();
    const placement = new Array<number>(list.length).fill(0);
    const visit = (i: number) => {
      if (i === list.length) {
        let last = -1;
        for (let j = 0; j < list.length; j++) {
          if (placement[j]! > D) continue;
          if (
            last < 0 ||
            placement[j]! > placement[last]! ||
            (placement[j] === placement[last] && list[j]!.type >= list[last]!.type)
          ) {
            last = j;
          }
        }
        outcomes.add(last >= 0 && isCustodial(list[last]!.type));
        return;
      }
      for (let day = list[i]!.lo; day <= list[i]!.lo + list[i]!.width; day++) {
        placement[i] = day;
        visit(i + 1);
      }
    };
    visit(0);
    return outcomes.size === 2 ? UNCERTAIN : outcomes.has(true) ? IN : OUT;
  }

  it('is certain exactly when every placement of the events agrees', () => {
    fc.assert(
      fc.property(events, (list) => {
        const intervals = {
          lo: list.map((e) => e.lo),
          hi: list.map((e) => e.lo + e.width),
          type: list.map((e) => e.type),
          count: list.length,
        };
        // In the given order, and in the (day, type) order the model stores them in.
        const sorted = [...list].sort((a, b) => a.lo - b.lo || a.type - b.type);
        const stepsAsGiven = custodySteps(intervals);
        const stepsSorted = custodySteps({
          lo: sorted.map((e) => e.lo),
          hi: sorted.map((e) => e.lo + e.width),
          type: sorted.map((e) => e.type),
          count: sorted.length,
        });
        for (let D = -1; D <= 13; D++) {
          const expected = bruteForce(list, D);
          expect(custodyStateAt(intervals, D)).toBe(expected);
          expect(stateFromSteps(stepsAsGiven, D)).toBe(expected);
          expect(stateFromSteps(stepsSorted, D)).toBe(expected);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
