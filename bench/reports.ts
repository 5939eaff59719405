import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { browserPrinter } from '../browser-host/printer';
import { createHandlers } from '../core/service/handlers';
import { call } from './call';
import { CoreSession } from '../core/service/session';
import { progress, type Benchmark, type Emit, type RunContext } from './benchmark';
import { seedDemoVault } from './figures';
import { median, round, timeMs } from './stats';
import { BENCH_KDF, BENCH_PASSPHRASE } from './synthetic';

/**
 * `npm run bench -- reports`: a report from the query to the finished PDF on disk, through
 * `dispatch` as the worker runs it, printed by the browser host's engine (the system Chromium):
 * `reports.figures` on the demo register of `size` persons (target: under 3 s at 10k), and
 * `reports.list` of 1,500 persons in custody grouped by facility, about 40 pages (target: under
 * 5 s). The baseline is the same engine printing a one-line document, so the ratio says how
 * much of the time is the report's own.
 */

const AS_OF = '2024-05-06';
const LIST_SIZE = 1500;

async function run(size: number, emit: Emit, context: RunContext): Promise<void> {
  const runs = context.quick ? 1 : 5;
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'vigil-bench-reports-'));
  const browser = await chromium.launch({
    executablePath: process.env.VIGIL_CHROMIUM ?? '/usr/bin/chromium',
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
  try {
    progress(`reports ${size}: writing the demo register`);
    const folder = path.join(root, 'vault');
    await seedDemoVault(folder, size);
    const printPdf = browserPrinter(browser);
    const session = await CoreSession.start({
      dataDir: path.join(root, 'app'),
      kdf: BENCH_KDF,
      reports: { printPdf },
    });
    const handlers = createHandlers(session);
    await call(handlers, 'unlockVault', { folder, passphrase: BENCH_PASSPHRASE });
    const file = (name: string, i: number) => path.join(root, `${name}-${i}.pdf`);
    const save = (name: string, i: number, spec: object) =>
      call(handlers, 'saveReport', { ...spec, path: file(name, i), confirmPlaintext: true });
    const figures = { template: 'figures', params: { asOf: AS_OF, releasesFrom: '2020' } };
    const inCustody = (await call(handlers, 'figureInCustody', { asOf: AS_OF })) as {
      personIds: string[];
    };
    const list = {
      template: 'list',
      params: {
        persons: {
          kind: 'ids',
          personIds: inCustody.personIds.slice(0, LIST_SIZE),
          description: 'benchmark',
        },
        asOf: AS_OF,
        groupBy: 'facility',
      },
    };
    const baseline = async () =>
      printPdf({
        html: '<!doctype html><title>x</title><p>x</p>',
        pageSize: 'A4',
        margins: { top: 20, bottom: 20, left: 16, right: 16 },
        headerTemplate: '<span></span>',
        footerTemplate: '<span></span>',
      });
    const measure = async (
      bench: string,
      benchSize: number,
      op: (i: number) => Promise<unknown>,
    ) => {
      // One run first: the font is read and Chromium warmed up, as after the first report.
      await op(-1);
      const times: number[] = [];
      const base: number[] = [];
      for (let i = 0; i < runs; i++) {
        times.push(await timeMs(() => op(i)));
        base.push(await timeMs(baseline));
      }
      const value = median(times);
      const baselineMs = median(base);
      emit({
        bench,
        size: benchSize,
        metric: 'total_ms',
        value: round(value),
        baseline_ms: round(baselineMs),
        ratio: round(value / baselineMs, 2),
      });
    };
    progress(`reports ${size}: figures report`);
    await measure('reports.figures', size, (i) => save('figures', i, figures));
    progress(`reports ${size}: list report of ${LIST_SIZE} persons`);
    let pages = 0;
    await measure('reports.list', LIST_SIZE, async (i) => {
      pages = ((await save('list', i, list)) as { pages: number }).pages;
    });
    emit({ bench: 'reports.list', size: LIST_SIZE, metric: 'pages', value: pages });
    await call(handlers, 'lockVault', {});
  } finally {
    await browser.close();
    await fs.rm(root, { recursive: true, force: true });
  }
}

export const reportsBenchmark: Benchmark = {
  name: 'reports',
  defaultSizes: [10_000],
  run,
};
