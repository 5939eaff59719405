import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Figure } from '../../core/api/figures';
import { FiguresReportParams, ReportSpec, type ReportFigure } from '../../core/api/reports';
import { readRecords } from '../../core/db/records';
import { loadDemoData } from '../../core/demo/load';
import { compareFigureKeys, reportFigures } from '../../core/reports/figureSet';
import { recordFigureSnapshot, type FiguresReportSpec } from '../../core/reports/snapshots';
import { coreWithVault, type TestCore } from '../helpers/session';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const cores: TestCore[] = [];

afterEach(async () => {
  for (const core of cores.splice(0)) await core.session.lock();
});

const AS_OF = '2024-05-06';
const PARAMS = { asOf: AS_OF, releasesFrom: '2024-01', releasesTo: AS_OF };

async function demoCore(root = tempDir()): Promise<TestCore> {
  const core = await coreWithVault(root);
  cores.push(core);
  await loadDemoData(core.session, 300);
  return core;
}

function figuresSpec(params: Record<string, unknown>): FiguresReportSpec {
  const spec = ReportSpec.parse({ template: 'figures', params });
  if (spec.template !== 'figures') throw new Error('not a figures spec');
  return spec;
}

async function db(core: TestCore) {
  return (await core.session.readVault()).db;
}

/** The report's entry for a figure the dashboard shows through the API. */
function asEntry(key: string, figure: Figure): ReportFigure {
  return { key, value: figure.value, upperBound: figure.upperBound, personIds: figure.personIds };
}

/** Every headline figure as the dashboard asks the API for it, in the report's key scheme. */
async function dashboardFigures(
  core: TestCore,
  params: { asOf: string; releasesFrom?: string; releasesTo?: string; filters?: object },
): Promise<ReportFigure[]> {
  const { asOf, filters, releasesFrom: from, releasesTo: to } = params;
  const inCustody = await core.call('figureInCustody', { asOf, filters });
  const atRisk = await core.call('figureAtRisk', { asOf, filters });
  const releases = await core.call('figureReleases', { from, to, groupBy: 'year', filters });
  const share = await core.call('figureEarlyReleaseShare', { since: from, asOf, filters });
  const rearrests = await core.call('figureRearrests', { from, to, filters });
  return [
    asEntry('in_custody', inCustody),
    asEntry('at_risk', atRisk.total),
    ...atRisk.categories.map((c) => asEntry(`at_risk.category.${c.category}`, c.figure)),
    asEntry('releases.total', releases.total),
    ...releases.cells.map((c) =>
      asEntry(`releases.${c.period}.${c.releaseType ?? 'none'}`, c.figure),
    ),
    ...releases.byType.map((t) => asEntry(`releases.type.${t.releaseType ?? 'none'}`, t.figure)),
    asEntry('early_releases', releases.early),
    asEntry('early_release_share.numerator', share.numerator),
    asEntry('early_release_share.denominator', share.denominator),
    asEntry('rearrests', rearrests),
  ];
}

interface Event {
  id: string;
  personId: string;
  type: string;
  date: string | null;
}

/** Each person's custody events, in date order (the test picks persons with exact dates). */
async function eventsByPerson(core: TestCore): Promise<Map<string, Event[]>> {
  const events = new Map<string, Event[]>();
  for (const record of readRecords(await db(core), 'custodyEvent', '1 = 1', [], 'date, id')) {
    const event = record as unknown as Event;
    events.set(event.personId, [...(events.get(event.personId) ?? []), event]);
  }
  return events;
}

const exact = (events: Event[]) => events.every((e) => e.date !== null && e.date.length === 10);

describe('the figures of a figures report', () => {
  it('are the numbers and cases the dashboard shows for the same date, window and filters', async () => {
    const core = await demoCore();
    const region = String(
      readRecords(await db(core), 'person', 'region IS NOT NULL', [], 'id')[0]!.region,
    );
    for (const params of [
      { asOf: AS_OF, releasesFrom: '2021', releasesTo: '2024' },
      { asOf: '2023-06-30', releasesFrom: '2022-03', releasesTo: '2023-06', filters: { region } },
      { asOf: AS_OF, releasesFrom: '2020', filters: { sex: 'female' } },
    ]) {
      const report = reportFigures(await db(core), FiguresReportParams.parse(params));
      const dashboard = await dashboardFigures(core, params);
      expect(report).toEqual(dashboard);
      // Every key is stated once, and the demo register gives every group something to count.
      expect(new Set(report.map((f) => f.key)).size).toBe(report.length);
      expect(report.find((f) => f.key === 'in_custody')!.value).toBeGreaterThan(0);
      expect(report.some((f) => /^releases\.\d{4}\.[a-z_]+$/.test(f.key))).toBe(true);
    }
  });

  it('leave the early-release share out when the report gives it no start', async () => {
    const core = await demoCore();
    const keys = reportFigures(await db(core), FiguresReportParams.parse({ asOf: AS_OF })).map(
      (f) => f.key,
    );
    expect(keys).not.toContain('early_release_share.numerator');
    expect(keys).toContain('rearrests');
    const since = reportFigures(
      await db(core),
      FiguresReportParams.parse({ asOf: AS_OF, earlySince: '2020' }),
    );
    const share = await core.call('figureEarlyReleaseShare', { since: '2020', asOf: AS_OF });
    expect(since.find((f) => f.key === 'early_release_share.denominator')).toEqual(
      asEntry('early_release_share.denominator', share.denominator),
    );
  });
});

describe('the order of figure keys', () => {
  it("puts a snapshot's figures and today's in the order the report states them", () => {
    // In the order of the key scheme: a release without a type comes after every type.
    const ordered = [
      'in_custody',
      'at_risk',
      'at_risk.category.disability',
      'at_risk.category.over_60',
      'releases.total',
      'releases.2022.amnesty',
      'releases.2022.pardon',
      'releases.2022.none',
      'releases.2023.pardon',
      'releases.type.amnesty',
      'releases.type.pardon',
      'releases.type.none',
      'early_releases',
      'early_release_share.numerator',
      'early_release_share.denominator',
      'rearrests',
      'a_figure_of_a_newer_version',
    ];
    const shuffled = [...ordered].reverse();
    [shuffled[2], shuffled[9]] = [shuffled[9]!, shuffled[2]!];
    expect(shuffled.sort(compareFigureKeys)).toEqual(ordered);
  });
});

describe('figure snapshots', () => {
  it('name exactly the cases a new release and a corrected date moved, and why', async () => {
    const root = tempDir();
    const core = await demoCore(root);
    const spec = figuresSpec(PARAMS);
    const before = reportFigures(await db(core), spec.params);
    const inCustody = before.find((f) => f.key === 'in_custody')!.personIds;
    const events = await eventsByPerson(core);
    // Held on the as-of date, every event exactly dated before it: a release on that day frees them.
    const [released] = [...events].find(
      ([id, list]) => inCustody.includes(id) && exact(list) && list.every((e) => e.date! < AS_OF),
    )!;
    // Free since a release before the window and nothing after it: moving that release past the
    // as-of date puts them back in custody on it.
    const [corrected, correctedEvents] = [...events].find(
      ([id, list]) =>
        !inCustody.includes(id) &&
        exact(list) &&
        list.length >= 2 &&
        list.at(-1)!.type === 'release' &&
        list.filter((e) => e.type === 'release').length === 1 &&
        list.at(-1)!.date! < '2024-01-01',
    )!;
    const id = await recordFigureSnapshot(core.session, spec, 'Figures as of 6 May 2024', before);

    await core.call('createRecord', {
      kind: 'custodyEvent',
      fields: { personId: released, type: 'release', date: AS_OF, releaseType: 'pardon' },
    });
    await core.call('updateRecord', {
      kind: 'custodyEvent',
      id: correctedEvents.at(-1)!.id,
      fields: { date: '2024-06-01' },
    });
    await core.call('lockVault', {});
    await core.call('unlockVault', {
      folder: path.join(root, 'vault'),
      passphrase: 'test passphrase',
    });

    const comparison = await core.call('compareFigureSnapshot', { id });
    expect(comparison.snapshot).toMatchObject({ id, title: 'Figures as of 6 May 2024', spec });
    const moved = comparison.figures.flatMap((f) => [...f.entered, ...f.left]);
    expect(new Set(moved.map((p) => p.personId))).toEqual(new Set([released, corrected]));
    const names = new Map(
      readRecords(await db(core), 'person', 'id IN (?, ?)', [released, corrected]).map((p) => [
        p.id,
        p.name,
      ]),
    );
    for (const person of moved) {
      expect(person.reasons).toEqual([
        person.personId === released ? 'record_added' : 'record_changed',
      ]);
      expect(person.name).toBe(names.get(person.personId));
    }
    const change = (key: string) => comparison.figures.find((f) => f.key === key)!;
    const ids = (list: Array<{ personId: string }>) => list.map((p) => p.personId);
    expect(ids(change('in_custody').left)).toEqual([released]);
    expect(ids(change('in_custody').entered)).toEqual([corrected]);
    expect(change('in_custody').now).toBe(change('in_custody').then);
    expect(ids(change('releases.2024.pardon').entered)).toEqual([released]);
    expect(change('early_releases').now).toBe(change('early_releases').then + 1);
    // Then is what the snapshot recorded; now is what the same parameters give today.
    const now = reportFigures(await db(core), spec.params);
    const keys = [...new Set([...before, ...now].map((f) => f.key))];
    expect(comparison.figures.map((f) => f.key).sort()).toEqual(keys.sort());
    for (const f of comparison.figures) {
      expect(f.then).toBe(before.find((b) => b.key === f.key)?.value ?? 0);
      expect(f.now).toBe(now.find((n) => n.key === f.key)?.value ?? 0);
    }
  });

  it('show nothing moved when nothing changed, and a deleted case with no name', async () => {
    const core = await demoCore();
    const spec = figuresSpec(PARAMS);
    const figures = reportFigures(await db(core), spec.params);
    const id = await recordFigureSnapshot(core.session, spec, 'Unchanged', figures);
    const same = await core.call('compareFigureSnapshot', { id });
    expect(same.figures.every((f) => f.then === f.now && !f.entered.length && !f.left.length)).toBe(
      true,
    );
    expect(same.figures.map((f) => f.key)).toEqual(figures.map((f) => f.key));

    const [gone] = figures.find((f) => f.key === 'in_custody')!.personIds;
    await core.call('deleteRecord', { kind: 'person', id: gone! });
    const after = await core.call('compareFigureSnapshot', { id });
    expect(after.figures.find((f) => f.key === 'in_custody')!.left).toEqual([
      { personId: gone, name: '', reasons: ['person_deleted'] },
    ]);
    expect(after.figures.flatMap((f) => f.entered)).toEqual([]);
  });

  it('are listed newest first without their figures, and kept through lock and unlock', async () => {
    const root = tempDir();
    const core = await demoCore(root);
    const spec = figuresSpec(PARAMS);
    const figures = reportFigures(await db(core), spec.params);
    const first = await recordFigureSnapshot(core.session, spec, 'First', figures);
    const second = await recordFigureSnapshot(core.session, spec, 'Second', figures);
    // Not an edit of case data: undo leaves the snapshots alone.
    expect(await core.call('undoLastChange', {})).toEqual({ undone: false });
    await core.call('lockVault', {});
    expect(await core.fails('listFigureSnapshots', {})).toBe('VAULT_LOCKED');
    await core.call('unlockVault', {
      folder: path.join(root, 'vault'),
      passphrase: 'test passphrase',
    });
    const list = await core.call('listFigureSnapshots', {});
    expect(list.map((s) => [s.id, s.title])).toEqual([
      [second, 'Second'],
      [first, 'First'],
    ]);
    expect(list[0]).not.toHaveProperty('figures');
    expect(list[0]!.spec).toEqual(spec);
  });

  it('pass over a snapshot this version cannot read, and refuse an unknown one', async () => {
    const core = await demoCore();
    const spec = figuresSpec(PARAMS);
    const readable = await recordFigureSnapshot(
      core.session,
      spec,
      'Readable',
      reportFigures(await db(core), spec.params),
    );
    // A newer version's template and figures, written as that version would write them.
    const newer = 'ab'.repeat(16);
    await core.session.commit(
      [
        { entity: 'figureSnapshot', id: newer, field: 'title', value: 'From a newer version' },
        {
          entity: 'figureSnapshot',
          id: newer,
          field: 'spec',
          value: JSON.stringify({ template: 'timeline', params: {} }),
        },
        { entity: 'figureSnapshot', id: newer, field: 'figures', value: '{"v":2}' },
      ],
      { undoable: false },
    );
    expect((await core.call('listFigureSnapshots', {})).map((s) => s.id)).toEqual([readable]);
    expect(await core.fails('compareFigureSnapshot', { id: newer })).toBe('NOT_FOUND');
    expect(await core.fails('compareFigureSnapshot', { id: 'cd'.repeat(16) })).toBe('NOT_FOUND');
  });
});
