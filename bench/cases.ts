import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHandlers, type Handlers } from '../core/service/handlers';
import { call } from './call';
import { CoreSession } from '../core/service/session';
import { progress, type Benchmark, type Emit, type RunContext } from './benchmark';
import { median, percentile, round, sortedCopy, timeMs } from './stats';
import { BENCH_KDF, BENCH_PASSPHRASE, Rng, seedVault } from './synthetic';

interface Summary {
  id: string;
  name: string;
  nameLatin: string;
}

async function openCore(
  root: string,
  folder: string,
): Promise<{ session: CoreSession; handlers: Handlers }> {
  const session = await CoreSession.start({
    dataDir: path.join(root, `data-${Math.random()}`),
    kdf: BENCH_KDF,
  });
  const handlers = createHandlers(session);
  await call(handlers, 'unlockVault', { folder, passphrase: BENCH_PASSPHRASE });
  return { session, handlers };
}

/**
 * What a researcher types, by kind: a surname in Latin letters (as in a foreign report), in
 * Cyrillic, a Cyrillic first name with a Latin surname, the first letters of a surname, and the
 * one to three letters typed before the list has narrowed (`П`, `Pr`, `Ка`), which match
 * thousands of people. Drawn from the vault's own people.
 */
const QUERY_KINDS: Record<string, (cyrillic: string[], latin: string[]) => string> = {
  latin: (_, latin) => latin.at(-1)!,
  cyrillic: (cyrillic) => cyrillic.at(-1)!,
  mixed: (cyrillic, latin) => `${cyrillic[0]} ${latin.at(-1)}`,
  prefix4: (cyrillic) => cyrillic.at(-1)!.slice(0, 4),
  prefix1: (cyrillic) => cyrillic.at(-1)!.slice(0, 1),
  prefix2: (cyrillic, latin) => (latin.at(-1) ?? cyrillic.at(-1)!).slice(0, 2),
  prefix3: (cyrillic) => cyrillic.at(-1)!.slice(0, 3),
};

interface Query {
  kind: string;
  text: string;
}

function queriesFrom(people: Summary[], count: number): Query[] {
  const rng = new Rng(7, 0);
  const kinds = Object.entries(QUERY_KINDS);
  return Array.from({ length: count }, (_, i) => {
    const person = people[rng.int(people.length)]!;
    const cyrillic = person.name.split(' ');
    const latin = (person.nameLatin || person.name).split(' ');
    const [kind, make] = kinds[i % kinds.length]!;
    return { kind, text: make(cyrillic, latin) };
  });
}

async function samplesOf(count: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(await timeMs(() => work(i)));
  return times;
}

function p95(times: readonly number[]): number {
  return round(percentile(sortedCopy(times), 95));
}

/** The search's p95 over every query, then p50 and p95 of each kind of query. */
function emitSearch(size: number, queries: Query[], times: number[], emit: Emit): void {
  emit({ bench: 'cases.search', size, metric: 'p95_ms', value: p95(times) });
  for (const kind of Object.keys(QUERY_KINDS)) {
    const own = times.filter((_, i) => queries[i]!.kind === kind);
    emit({ bench: `cases.search.${kind}`, size, metric: 'p50_ms', value: round(median(own)) });
    emit({ bench: `cases.search.${kind}`, size, metric: 'p95_ms', value: p95(own) });
  }
}

async function benchImport(
  root: string,
  handlers: Handlers,
  size: number,
  format: 'csv' | 'xlsx',
  emit: Emit,
): Promise<void> {
  const file = path.join(root, `persons.${format}`);
  await call(handlers, 'exportRecords', {
    path: file,
    format,
    shape: 'persons',
    // Every person, as recorded: the import that follows measures the whole register.
    audience: 'internal',
    confirmPlaintext: true,
    overwrite: true,
  });
  const target = await CoreSession.start({
    dataDir: path.join(root, `import-${format}`),
    kdf: BENCH_KDF,
  });
  const targetHandlers = createHandlers(target);
  await call(targetHandlers, 'createVault', {
    folder: path.join(root, `import-${format}`, 'vault'),
    passphrase: BENCH_PASSPHRASE,
  });
  progress(`cases ${size}: importing ${format}`);
  const ms = await timeMs(async () => {
    const preview = await call<{ mapping: Record<string, string> }>(
      targetHandlers,
      'previewImport',
      {
        path: file,
        shape: 'persons',
      },
    );
    await call(targetHandlers, 'runImport', {
      path: file,
      shape: 'persons',
      mapping: preview.mapping,
      mode: 'validOnly',
    });
  });
  const imported = await call<{ total: number }>(targetHandlers, 'listPersons', { limit: 1 });
  if (imported.total !== size) throw new Error(`imported ${imported.total} of ${size} rows`);
  emit({ bench: `cases.import.${format}`, size, metric: 'total_ms', value: round(ms) });
  await target.lock();
}

/**
 * `loadDemoData` of `size` persons into a new empty vault, through the core API as the worker
 * runs it: the time from the call to every record durable, the compaction it starts after.
 */
async function benchDemoLoad(root: string, size: number, emit: Emit): Promise<void> {
  const session = await CoreSession.start({ dataDir: path.join(root, 'demo'), kdf: BENCH_KDF });
  const handlers = createHandlers(session);
  await call(handlers, 'createVault', {
    folder: path.join(root, 'demo', 'vault'),
    passphrase: BENCH_PASSPHRASE,
  });
  progress(`cases ${size}: loading demo data`);
  const ms = await timeMs(() => call(handlers, 'loadDemoData', { persons: size }));
  const loaded = await call<{ total: number }>(handlers, 'listPersons', { limit: 1 });
  if (loaded.total !== size) throw new Error(`loaded ${loaded.total} of ${size} demo persons`);
  emit({ bench: 'demo.load', size, metric: 'ms', value: round(ms) });
  await session.lock();
}

/**
 * A page in alphabetical order (the stored sort key) against the same page in order of last
 * change (an index on a timestamp), first and in the middle of the list, in the same process:
 * the ratio says what the language's order costs a page.
 */
async function benchListOrder(
  handlers: Handlers,
  size: number,
  context: RunContext,
  emit: Emit,
): Promise<void> {
  const runs = context.quick ? 5 : 20;
  for (const [metric, offset] of [
    ['first', 0],
    ['middle', Math.floor(size / 2)],
  ] as const) {
    const byName: number[] = [];
    const byUpdated: number[] = [];
    for (let i = 0; i < runs; i++) {
      byName.push(await timeMs(() => call(handlers, 'listPersons', { limit: 200, offset })));
      byUpdated.push(
        await timeMs(() => call(handlers, 'listPersons', { limit: 200, offset, sort: 'updated' })),
      );
    }
    emit({
      bench: 'cases.list',
      size,
      metric: `${metric}_page_name_vs_updated_ratio`,
      value: round(median(byName) / median(byUpdated)),
    });
  }
}

/**
 * Search, open and list at this size, measured in the core (the worker's code, IPC excluded),
 * then a dry run plus import of the vault's persons exported to CSV and to XLSX, into a new
 * vault: the time from choosing the file to having every row stored; then a demo load.
 */
async function run(size: number, emit: Emit, context: RunContext): Promise<void> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'vigil-bench-cases-'));
  try {
    const folder = path.join(root, 'vault');
    progress(`cases ${size}: seeding`);
    const { vault } = await seedVault(folder, size);
    await vault.compact();
    await vault.close();
    const { session, handlers } = await openCore(root, folder);
    const samples = context.quick ? 30 : 300;

    const firstPage: number[] = [];
    for (let i = 0; i < (context.quick ? 5 : 20); i++) {
      firstPage.push(await timeMs(() => call(handlers, 'listPersons', { limit: 200 })));
    }
    emit({ bench: 'cases.list', size, metric: 'first_page_ms', value: round(median(firstPage)) });
    await benchListOrder(handlers, size, context, emit);

    const people = (
      await call<{ items: Summary[] }>(handlers, 'listPersons', { limit: 1000, sort: 'updated' })
    ).items;
    const queries = queriesFrom(people, samples);
    const searchTimes = await samplesOf(samples, (i) =>
      call(handlers, 'listPersons', { query: queries[i]!.text, limit: 200 }),
    );
    emitSearch(size, queries, searchTimes, emit);
    emit({
      bench: 'cases.open',
      size,
      metric: 'p95_ms',
      value: p95(
        await samplesOf(samples, (i) =>
          call(handlers, 'getPersonFile', { id: people[i % people.length]!.id }),
        ),
      ),
    });

    await benchImport(root, handlers, size, 'csv', emit);
    await benchImport(root, handlers, size, 'xlsx', emit);
    await session.lock();
    await benchDemoLoad(root, size, emit);
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

export const casesBenchmark: Benchmark = {
  name: 'cases',
  defaultSizes: [1000, 10_000, 100_000],
  run,
};
