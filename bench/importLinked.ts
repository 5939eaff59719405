import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportPreview, ImportShape } from '../core/api/import';
import type { ImportResult } from '../core/api/importRuns';
import { createHandlers, type Handlers } from '../core/service/handlers';
import { LIMITS } from '../core/import/read';
import { CoreSession } from '../core/service/session';
import { progress, type Benchmark, type Emit, type RunContext } from './benchmark';
import { call } from './call';
import {
  EVENT_MAPPING,
  EVENTS_PER_PERSON,
  PERSON_MAPPING,
  REGISTER_VALUES,
  writeRegister,
} from './registerFiles';
import { round, timed } from './stats';
import { BENCH_KDF, BENCH_PASSPHRASE } from './synthetic';

const BENCH = 'cases.import.linked';

interface Clocked<T> {
  value: T;
  ms: number;
  cpuMs: number;
}

async function clocked<T>(work: () => Promise<T>): Promise<Clocked<T>> {
  const cpu = process.cpuUsage();
  const { value, ms } = await timed(work);
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

/** The process's peak resident memory so far; sizes run smallest first, so it is this size's. */
function peakRssMb(): number {
  return round(process.resourceUsage().maxRSS / 1024, 0);
}

function expectEqual(what: string, actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
}

/**
 * The dry run of one table with the register's value map, checked: the suggested mapping is
 * the expected one, every unknown value has its choice and every row is valid and new, so
 * that what is timed next is the import of the whole file.
 */
async function dryRun(
  handlers: Handlers,
  file: string,
  shape: ImportShape,
  mapping: Record<string, string>,
  rows: number,
): Promise<ImportPreview> {
  const preview = await call<ImportPreview>(handlers, 'previewImport', {
    path: file,
    shape,
    values: REGISTER_VALUES,
  });
  expectEqual(`${shape} mapping`, preview.mapping, mapping);
  const unmapped = preview.unknownValues.filter((value) => value.choice === null);
  expectEqual(`${shape} values without a choice`, unmapped.length, 0);
  expectEqual(`${shape} rows`, [preview.rows, preview.validRows], [rows, rows]);
  expectEqual(`${shape} plan`, preview.plan, {
    new: rows,
    changed: 0,
    unchanged: 0,
    duplicates: 0,
  });
  return preview;
}

async function importTable(
  handlers: Handlers,
  file: string,
  shape: ImportShape,
  mapping: ImportPreview['mapping'],
): Promise<ImportResult> {
  return call<ImportResult>(handlers, 'runImport', {
    path: file,
    shape,
    mapping,
    values: REGISTER_VALUES,
    mode: 'all',
  });
}

/** Counts read from the vault itself, not from the import's own report of what it did. */
async function countStored(session: CoreSession): Promise<number[]> {
  const { db } = await session.readVault();
  const [result] = db.exec(
    `SELECT (SELECT count(*) FROM persons WHERE deleted = 0),
            (SELECT count(*) FROM custody_events WHERE deleted = 0),
            (SELECT count(*) FROM custody_events e WHERE deleted = 0
               AND NOT EXISTS (SELECT 1 FROM persons p WHERE p.id = e.person_id))`,
  );
  return (result?.values[0] ?? []).map(Number);
}

/**
 * A register of `size` persons and ten custody events each, linked by the organisation's list
 * number, imported into a new empty vault through the core API as the worker runs it: the dry
 * run and the import of the person table (with a value map for its regions), then of the
 * event table (its release types mapped the same way, each row linked by `personExternalId`).
 * An event table over the import's row limit is written as several files, split between
 * persons, as a user would have to split it; each is dry-run and imported in turn, and
 * `event_files` says how many there were. `total_ms` is every step, from the first dry run to
 * the last event stored.
 */
async function run(size: number, emit: Emit, _context: RunContext): Promise<void> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'vigil-bench-import-'));
  let session: CoreSession | null = null;
  try {
    progress(`import ${size}: writing the register`);
    const files = await writeRegister(root, size, LIMITS.maxRows);
    session = await CoreSession.start({ dataDir: path.join(root, 'data'), kdf: BENCH_KDF });
    const handlers = createHandlers(session);
    await call(handlers, 'createVault', {
      folder: path.join(root, 'vault'),
      passphrase: BENCH_PASSPHRASE,
    });

    const phases = new Map<string, { ms: number; cpuMs: number }>();
    const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
      const { value, ms, cpuMs } = await clocked(work);
      const sum = phases.get(name) ?? { ms: 0, cpuMs: 0 };
      phases.set(name, { ms: sum.ms + ms, cpuMs: sum.cpuMs + cpuMs });
      // On stderr as it goes, so a run that fails at 100k still says how far it got.
      progress(`import ${size}: ${name} ${round(ms, 0)} ms, peak rss ${peakRssMb()} MB`);
      return value;
    };
    const persons = await phase('persons_dry_run', () =>
      dryRun(handlers, files.persons, 'persons', PERSON_MAPPING, size),
    );
    const personsResult = await phase('persons_import', () =>
      importTable(handlers, files.persons, 'persons', persons.mapping),
    );
    expectEqual('persons created', personsResult.personsCreated, size);
    let eventsCreated = 0;
    for (const [i, file] of files.events.entries()) {
      const rows = Math.min(LIMITS.maxRows, files.eventRows - i * LIMITS.maxRows);
      const events = await phase('events_dry_run', () =>
        dryRun(handlers, file, 'events', EVENT_MAPPING, rows),
      );
      const result = await phase('events_import', () =>
        importTable(handlers, file, 'events', events.mapping),
      );
      eventsCreated += result.eventsCreated;
    }
    const rssMb = peakRssMb();

    expectEqual('events created', eventsCreated, files.eventRows);
    expectEqual('stored persons, events, unlinked events', await countStored(session), [
      size,
      size * EVENTS_PER_PERSON,
      0,
    ]);

    const line = (metric: string, value: number) =>
      emit({ bench: BENCH, size, metric, value: round(value) });
    const all = [...phases.values()];
    line(
      'total_ms',
      all.reduce((sum, p) => sum + p.ms, 0),
    );
    line(
      'cpu_ms',
      all.reduce((sum, p) => sum + p.cpuMs, 0),
    );
    for (const [name, p] of phases) line(`${name}_ms`, p.ms);
    line('rss_mb', rssMb);
    line('event_rows', files.eventRows);
    line('event_files', files.events.length);
  } finally {
    await session?.lock();
    await fs.rm(root, { recursive: true, force: true });
  }
}

export const importLinkedBenchmark: Benchmark = {
  name: 'import',
  defaultSizes: [1000, 10_000, 100_000],
  run,
};
