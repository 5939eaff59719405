import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database, SqlValue } from 'sql.js';
import type { RecordKind } from '../core/api/records';
import { codecOf, fieldsOf, snakeCase, TABLES } from '../core/changes/entities';
import { demoCases, demoSharedRecords } from '../core/demo/cases';
import type { DemoRecord } from '../core/demo/types';
import { all } from '../core/db/statements';
import { createHandlers, type Handlers } from '../core/service/handlers';
import { call } from './call';
import { CoreSession } from '../core/service/session';
import { forgetStatsModel } from '../core/stats/model';
import { Vault, type CompactionPolicy } from '../core/vault/vault';
import { emitPercentiles, progress, type Benchmark, type Emit, type RunContext } from './benchmark';
import { measurePaired, median, round, timeMs, type PairedSamples } from './stats';
import { BENCH_KDF, BENCH_PASSPHRASE } from './synthetic';

/**
 * `npm run bench -- figures`: the figure engine (core/stats) on demo registers of 10k and 100k
 * persons. Each call goes through `dispatch`, as the core worker runs it (argument and result
 * validation included), minus only the message passing to and from the worker.
 *
 * The register is the demo generator's (core/demo): about 8 custody events, 1.4 proceedings and
 * 0.2 risk assignments per person. Its persons, custody events, proceedings and risk
 * assignments (and the facility terms) are written straight into the vault's database with SQL
 * and saved with one compaction: going through the change-set write path would take minutes at
 * 100k and measures nothing the figures do. Sources, citations and status events, which no
 * figure reads, are left out.
 */

const AS_OF = '2024-05-06';
const SEED = 1;
/** Kinds of demo records the figures read, plus the facility terms they refer to. */
const LOADED = new Set<RecordKind>([
  'person',
  'custodyEvent',
  'proceeding',
  'riskAssignment',
  'thesaurusTerm',
]);

/** The calls of one dashboard refresh, as the dashboard screen makes them. */
const FIGURES: ReadonlyArray<readonly [name: string, method: string, args: unknown]> = [
  ['in_custody', 'figureInCustody', { asOf: AS_OF }],
  ['releases_by_year_type', 'figureReleases', { groupBy: 'year' }],
  ['at_risk', 'figureAtRisk', { asOf: AS_OF }],
  ['early_release_share', 'figureEarlyReleaseShare', { since: '2020', asOf: AS_OF }],
  ['breakdown_region', 'figureBreakdown', { asOf: AS_OF, dimension: 'region' }],
  ['custody_series', 'figureCustodySeries', { from: '2020-01', to: '2024-12', step: 'month' }],
  ['rearrests', 'figureRearrests', {}],
];

function plan(size: number, quick: boolean) {
  return {
    samples: quick ? 10 : size >= 100_000 ? 50 : 100,
    warmup: quick ? 2 : 5,
    dashboards: quick ? 5 : size >= 100_000 ? 30 : 50,
    edits: quick ? 3 : 20,
    cold: quick ? 1 : 3,
  };
}

/** One prepared INSERT per kind, every field of its schema as a column. */
function inserter(db: Database) {
  const statements = new Map<RecordKind, ReturnType<Database['prepare']>>();
  return (record: DemoRecord, createdAt: string) => {
    const kind = record.kind;
    const fields = fieldsOf(kind);
    let s = statements.get(kind);
    if (!s) {
      const columns = ['id', 'created_at', 'updated_at', ...fields.map(snakeCase)];
      s = db.prepare(
        `INSERT OR REPLACE INTO ${TABLES[kind]} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      statements.set(kind, s);
    }
    const values = record.fields as Record<string, unknown>;
    s.run([
      record.id,
      createdAt,
      createdAt,
      ...fields.map((field): SqlValue => {
        const value = values[field] ?? null;
        const codec = codecOf(kind, field);
        if (codec === 'json') return JSON.stringify(value ?? []);
        if (codec === 'bool') return value ? 1 : 0;
        return value as SqlValue;
      }),
    ]);
  };
}

const NO_AUTOMATIC_COMPACTION: CompactionPolicy = { maxRecords: Infinity, maxBytes: Infinity };

/** A vault in `folder` holding the demo register of `size` persons; returns its event count. */
export async function seedDemoVault(folder: string, size: number): Promise<number> {
  const { vault } = await Vault.create(folder, BENCH_PASSPHRASE, BENCH_KDF, {
    compaction: NO_AUTOMATIC_COMPACTION,
  });
  try {
    const insert = inserter(vault.db);
    const createdAt = new Date().toISOString();
    vault.db.exec('BEGIN');
    for (const record of demoSharedRecords(SEED)) {
      if (LOADED.has(record.kind)) insert(record, createdAt);
    }
    let done = 0;
    for (const { person, records } of demoCases(size, SEED)) {
      insert(person, createdAt);
      for (const record of records) if (LOADED.has(record.kind)) insert(record, createdAt);
      if (++done % 20_000 === 0) progress(`figures ${size}: ${done} persons`);
    }
    vault.db.exec('COMMIT');
    const events = Number(all(vault.db, 'SELECT count(*) AS n FROM custody_events')[0]!.n);
    await vault.compact();
    return events;
  } finally {
    await vault.close();
  }
}

async function dashboard(handlers: Handlers): Promise<void> {
  for (const [, method, args] of FIGURES) await call(handlers, method, args);
}

/**
 * The first figure as the user meets it: the vault unlocked through the handlers, then a
 * figure, timed from the unlock's answer to the figure's. Asked for at once, the figure waits
 * for what the background read after unlock has left to do; `figures.warm_after_unlock` is how
 * long that read takes when nothing else is asked, and `figures.dashboard_after_warm` the
 * whole dashboard once it is done.
 */
async function firstAfterUnlock(
  handlers: Handlers,
  session: CoreSession,
  folder: string,
  size: number,
  runs: number,
  emit: Emit,
): Promise<void> {
  progress(`figures ${size}: first figure after unlock`);
  const unlock = () => call(handlers, 'unlockVault', { folder, passphrase: BENCH_PASSPHRASE });
  const unlockMs: number[] = [];
  const first: number[] = [];
  const warm: number[] = [];
  const afterWarm: number[] = [];
  for (let i = 0; i < runs; i++) {
    await call(handlers, 'lockVault', {});
    unlockMs.push(await timeMs(unlock));
    first.push(await timeMs(() => call(handlers, 'figureInCustody', { asOf: AS_OF })));
    await call(handlers, 'lockVault', {});
    await unlock();
    warm.push(await timeMs(() => session.figuresWarm()));
    afterWarm.push(await timeMs(() => dashboard(handlers)));
  }
  emit({ bench: 'figures.first_after_unlock', size, metric: 'ms', value: round(median(first)) });
  emit({
    bench: 'figures.first_after_unlock',
    size,
    metric: 'unlock_ms',
    value: round(median(unlockMs)),
  });
  emit({ bench: 'figures.warm_after_unlock', size, metric: 'ms', value: round(median(warm)) });
  emit({
    bench: 'figures.dashboard_after_warm',
    size,
    metric: 'ms',
    value: round(median(afterWarm)),
  });
}

async function run(size: number, emit: Emit, context: RunContext): Promise<void> {
  const counts = plan(size, context.quick);
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'vigil-bench-figures-'));
  const folder = path.join(root, 'vault');
  try {
    progress(`figures ${size}: generating and writing the demo register`);
    let events = 0;
    const seedMs = await timeMs(async () => {
      events = await seedDemoVault(folder, size);
    });
    emit({ bench: 'figures.seed', size, metric: 'ms', value: round(seedMs, 0) });
    emit({ bench: 'figures.seed', size, metric: 'custody_events', value: events });

    const session = await CoreSession.start({ dataDir: path.join(root, 'app'), kdf: BENCH_KDF });
    const handlers = createHandlers(session);
    await call(handlers, 'unlockVault', { folder, passphrase: BENCH_PASSPHRASE });
    try {
      const db = (await session.readVault()).db;
      // The yardstick: one SQL pass over the custody events, in the same database.
      const baseline = async () =>
        all(db, 'SELECT type, count(*) AS n FROM custody_events WHERE deleted = 0 GROUP BY type');

      progress(`figures ${size}: cold reads`);
      const cold: number[] = [];
      const coldDashboard: number[] = [];
      for (let i = 0; i < counts.cold; i++) {
        forgetStatsModel(db);
        cold.push(await timeMs(() => call(handlers, 'figureInCustody', { asOf: AS_OF })));
        forgetStatsModel(db);
        coldDashboard.push(await timeMs(() => dashboard(handlers)));
      }
      emit({ bench: 'figures.load', size, metric: 'ms', value: round(median(cold)) });
      emit({
        bench: 'figures.dashboard_cold',
        size,
        metric: 'ms',
        value: round(median(coldDashboard)),
      });

      for (const [name, method, args] of FIGURES) {
        progress(`figures ${size}: ${name}`);
        const samples = await measurePaired(
          counts.samples,
          counts.warmup,
          () => call(handlers, method, args),
          baseline,
        );
        emitPercentiles(emit, `figures.${name}`, size, samples, [50, 95]);
      }

      progress(`figures ${size}: dashboard`);
      const full = await measurePaired(
        counts.dashboards,
        counts.warmup,
        () => dashboard(handlers),
        baseline,
      );
      emitPercentiles(emit, 'figures.dashboard', size, full, [50, 95]);

      // After an edit the cached model is patched for the persons the edit touched.
      progress(`figures ${size}: dashboard after an edit`);
      const eventIds = all(db, 'SELECT id FROM custody_events ORDER BY id LIMIT 1000').map((r) =>
        String(r.id),
      );
      const afterEdit: PairedSamples = { op: [], baseline: [] };
      for (let i = 0; i < counts.edits; i++) {
        await call(handlers, 'updateRecord', {
          kind: 'custodyEvent',
          id: eventIds[(i * 37) % eventIds.length],
          fields: { notes: `benchmark edit ${i}` },
        });
        afterEdit.op.push(await timeMs(() => dashboard(handlers)));
        afterEdit.baseline.push(await timeMs(baseline));
      }
      emitPercentiles(emit, 'figures.dashboard_after_edit', size, afterEdit, [50, 95]);

      await firstAfterUnlock(handlers, session, folder, size, counts.cold, emit);
    } finally {
      await call(handlers, 'lockVault', {});
    }
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

export const figuresBenchmark: Benchmark = {
  name: 'figures',
  defaultSizes: [10_000, 100_000],
  run,
};
