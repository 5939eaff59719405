import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodResult } from '../../core/api/contract';
import { IN, OUT, UNCERTAIN } from '../../core/stats/custody';
import { NO_DAY } from '../../core/stats/model';
import { convictionState } from '../../core/stats/stage';
import { coreWithVault, type TestCore } from '../helpers/session';

/**
 * The procedural stage (docs/methodology.md, 8.1) on a small hand-made register. Worked out by
 * hand as of J = 2024-06-01, when every date below is settled:
 *
 * S1 f  detention 2023-01-10; criminal case, verdict 2023-09-01.        convicted
 * S2 m  detention 2024-02-01; criminal case opened 2024-02-02, no verdict. pre-trial
 * S3 f  detention 2024-01-15; criminal verdict 2024-06-20 (after J).    pre-trial (convicted on 2024-07-01)
 * S4 m  detention 2024-05-01; administrative case, verdict 2024-05-02.  pre-trial (not a conviction)
 * S5 m  detention 2018-10-01; criminal verdict 2019-03-01; release 2021-02-01 sentence served;
 *       detention 2023-11-01, no new verdict.                           pre-trial (old spell's verdict)
 * S6 f  detention 2022-03-01; sentence event 2022-08-15, no proceeding. convicted
 * S7 f  detention 2022-01-05; criminal verdict 2022-06-01; release 2023-06-01 pardon. not in custody
 * S8 m  detention 2024-01-10; criminal verdict "2024-05" (month only).  convicted (on 2024-05-06: either)
 * S9 m  detention 2020-01-01; sentence 2020-05-05 and pardon the same day; rearrest 2023-03-03.
 *                                                                       pre-trial (the sentence came before the release)
 *
 * In custody on J: S1-S6, S8, S9 = 8. Convicted: S1, S6, S8 = 3 (f 2, m 1). Pre-trial: S2, S3,
 * S4, S5, S9 = 5 (f 1, m 4).
 */

const J = '2024-06-01';
let root: string;
let core: TestCore;
const ids = new Map<string, string>();

async function person(label: string, sex: 'female' | 'male') {
  const created = await core.call('createPerson', { name: `Invented ${label}`, sex });
  ids.set(label, created.id);
  return created.id;
}

async function event(personId: string, type: string, date: string, releaseType?: string) {
  await core.call('createRecord', {
    kind: 'custodyEvent',
    fields: { personId, type, date, ...(releaseType ? { releaseType } : {}) },
  });
}

async function proceeding(personId: string, fields: Record<string, unknown>) {
  await core.call('createRecord', {
    kind: 'proceeding',
    fields: { personId, kind: 'criminal', articles: ['cc-342'], ...fields },
  });
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'vigil-stage-'));
  core = await coreWithVault(root);
  const s1 = await person('S1', 'female');
  await event(s1, 'detention', '2023-01-10');
  await proceeding(s1, { verdictDate: '2023-09-01' });
  const s2 = await person('S2', 'male');
  await event(s2, 'detention', '2024-02-01');
  await proceeding(s2, { openedDate: '2024-02-02' });
  const s3 = await person('S3', 'female');
  await event(s3, 'detention', '2024-01-15');
  await proceeding(s3, { verdictDate: '2024-06-20' });
  const s4 = await person('S4', 'male');
  await event(s4, 'detention', '2024-05-01');
  await proceeding(s4, { kind: 'administrative', articles: [], verdictDate: '2024-05-02' });
  const s5 = await person('S5', 'male');
  await event(s5, 'detention', '2018-10-01');
  await proceeding(s5, { verdictDate: '2019-03-01' });
  await event(s5, 'release', '2021-02-01', 'sentence_served');
  await event(s5, 'detention', '2023-11-01');
  const s6 = await person('S6', 'female');
  await event(s6, 'detention', '2022-03-01');
  await event(s6, 'sentence', '2022-08-15');
  const s7 = await person('S7', 'female');
  await event(s7, 'detention', '2022-01-05');
  await proceeding(s7, { verdictDate: '2022-06-01' });
  await event(s7, 'release', '2023-06-01', 'pardon');
  const s8 = await person('S8', 'male');
  await event(s8, 'detention', '2024-01-10');
  await proceeding(s8, { verdictDate: '2024-05' });
  const s9 = await person('S9', 'male');
  await event(s9, 'detention', '2020-01-01');
  await event(s9, 'sentence', '2020-05-05');
  await event(s9, 'release', '2020-05-05', 'pardon');
  await event(s9, 'rearrest', '2023-03-03');
});

afterAll(async () => {
  await core?.session.lock();
  rmSync(root, { recursive: true, force: true });
});

function labelsOf(personIds: readonly string[]): string[] {
  const byId = new Map([...ids].map(([label, id]) => [id, label]));
  return personIds.map((id) => byId.get(id) ?? id).sort();
}

type Breakdown = MethodResult<'figureBreakdown'>;

async function stages(asOf: string): Promise<Breakdown> {
  return core.call('figureBreakdown', { asOf, dimension: 'stage' });
}

/** key -> [certain persons, possible persons] of a breakdown. */
function byStage(breakdown: Breakdown): Record<string, [string[], string[]]> {
  return Object.fromEntries(
    breakdown.cells.map((c) => [
      String(c.key),
      [labelsOf(c.figure.personIds), labelsOf(c.figure.uncertainIds)],
    ]),
  );
}

describe('procedural stage', () => {
  it('splits the persons in custody into pre-trial and convicted, worked out by hand', async () => {
    const breakdown = await stages(J);
    expect(breakdown.multiValued).toBe(false);
    expect(breakdown.cells.map((c) => c.key)).toEqual(['pretrial', 'convicted']);
    expect(byStage(breakdown)).toEqual({
      pretrial: [['S2', 'S3', 'S4', 'S5', 'S9'], []],
      convicted: [['S1', 'S6', 'S8'], []],
    });
    const inCustody = await core.call('figureInCustody', { asOf: J });
    expect(inCustody.value).toBe(8);
    expect(breakdown.base.personIds).toEqual(inCustody.personIds);
    const [pretrial, convicted] = breakdown.cells.map((c) => c.figure);
    expect(pretrial!.value + convicted!.value).toBe(inCustody.value);
    expect([...pretrial!.personIds, ...convicted!.personIds].sort()).toEqual(inCustody.personIds);
  });

  it('counts a verdict from its date on, not before', async () => {
    // S3's verdict of 2024-06-20 makes her convicted on 2024-07-01.
    expect(byStage(await stages('2024-07-01'))).toEqual({
      pretrial: [['S2', 'S4', 'S5', 'S9'], []],
      convicted: [['S1', 'S3', 'S6', 'S8'], []],
    });
  });

  it('leaves the stage open while a partial verdict date may still be to come', async () => {
    // On 2024-05-06 S8's verdict "2024-05" may be before or after: possible in both cells.
    // S4 is held since 2024-05-01 on an administrative case: pre-trial.
    const breakdown = await stages('2024-05-06');
    expect(byStage(breakdown)).toEqual({
      pretrial: [['S2', 'S3', 'S4', 'S5', 'S9'], ['S8']],
      convicted: [['S1', 'S6'], ['S8']],
    });
    const [pretrial, convicted] = breakdown.cells.map((c) => c.figure);
    expect(pretrial!.value + convicted!.value + 1).toBe(breakdown.base.value);
  });

  it('gives the same cells as rows and as columns of a custom count', async () => {
    const asRows = await core.call('figurePivot', {
      measure: 'inCustody',
      rows: 'stage',
      columns: 'sex',
      asOf: J,
    });
    const table = Object.fromEntries(
      asRows.rows.map((row) => [
        row.key,
        Object.fromEntries(row.cells.map((cell) => [cell.key, labelsOf(cell.figure.personIds)])),
      ]),
    );
    expect(table).toEqual({
      pretrial: { male: ['S2', 'S4', 'S5', 'S9'], female: ['S3'] },
      convicted: { female: ['S1', 'S6'], male: ['S8'] },
    });
    const breakdown = await stages(J);
    expect(asRows.rows.map((r) => [r.key, r.total.personIds])).toEqual(
      breakdown.cells.map((c) => [c.key, c.figure.personIds]),
    );

    const asColumns = await core.call('figurePivot', {
      measure: 'inCustody',
      rows: 'sex',
      columns: 'stage',
      asOf: J,
    });
    expect(asColumns.columnKeys).toEqual(['pretrial', 'convicted']);
    expect(asColumns.columnTotals.map((c) => [c.key, c.figure.personIds])).toEqual(
      breakdown.cells.map((c) => [c.key, c.figure.personIds]),
    );
    // Each cell of one is the transposed cell of the other.
    for (const row of asColumns.rows) {
      for (const cell of row.cells) {
        const across = asRows.rows
          .find((r) => r.key === cell.key)!
          .cells.find((c) => c.key === row.key)!;
        expect(cell.figure.personIds).toEqual(across.figure.personIds);
      }
    }
    expect(asColumns.total.personIds).toEqual(breakdown.base.personIds);
  });

  it('lists the cases behind each cell', async () => {
    const breakdown = await stages(J);
    const convicted = breakdown.cells.find((c) => c.key === 'convicted')!.figure;
    const cases = await core.call('figureCases', { personIds: convicted.personIds });
    expect(cases.items.map((c) => c.name).sort()).toEqual([
      'Invented S1',
      'Invented S6',
      'Invented S8',
    ]);
    const pivot = await core.call('figurePivot', {
      measure: 'inCustody',
      rows: 'stage',
      columns: 'sex',
      asOf: J,
    });
    const femalePretrial = pivot.rows
      .find((r) => r.key === 'pretrial')!
      .cells.find((c) => c.key === 'female')!;
    const femaleCases = await core.call('figureCases', {
      personIds: femalePretrial.figure.personIds,
    });
    expect(femaleCases.items.map((c) => c.name)).toEqual(['Invented S3']);
  });
});

describe('conviction in the current custody spell with partial dates', () => {
  /** Abstract dates on days 0..9 (NO_DAY: undated), so every placement can be enumerated. */
  const interval = fc.record({
    lo: fc.integer({ min: 0, max: 8 }),
    width: fc.integer({ min: 0, max: 3 }),
    undated: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  });
  const list = fc.array(interval, { maxLength: 3 });
  type Abstract = { lo: number; width: number; undated: boolean };

  /** The days a date can be on: its interval, or any day at all (past both ends) if undated. */
  const daysOf = (d: Abstract): number[] => {
    const [from, to] = d.undated ? [-2, 15] : [d.lo, d.lo + d.width];
    return Array.from({ length: to - from + 1 }, (_, k) => from + k);
  };

  /**
   * Convicted on D for every placement, none, or some: a conviction on or before D after every
   * release on or before D (one on a release's day comes before it). Undated releases are ignored.
   */
  function bruteForce(convictions: Abstract[], releases: Abstract[], D: number): number {
    const dated = releases.filter((r) => !r.undated);
    const all = [...convictions, ...dated];
    const outcomes = new Set<boolean>();
    const placement: number[] = [];
    const visit = (k: number) => {
      if (k === all.length) {
        const lastRelease = Math.max(
          -Infinity,
          ...placement.slice(convictions.length).filter((day) => day <= D),
        );
        outcomes.add(placement.slice(0, convictions.length).some((c) => c <= D && c > lastRelease));
        return;
      }
      for (const day of daysOf(all[k]!)) {
        placement[k] = day;
        visit(k + 1);
      }
    };
    visit(0);
    return outcomes.size === 2 ? UNCERTAIN : outcomes.has(true) ? IN : OUT;
  }

  const asIntervals = (dates: Abstract[]) => ({
    lo: dates.map((d) => (d.undated ? NO_DAY : d.lo)),
    hi: dates.map((d) => (d.undated ? NO_DAY : d.lo + d.width)),
    from: 0,
    to: dates.length,
  });

  it('is certain exactly when every placement of the dates agrees', () => {
    fc.assert(
      fc.property(list, list, (convictions, releases) => {
        for (let D = -1; D <= 13; D++) {
          expect(convictionState(asIntervals(convictions), asIntervals(releases), D)).toBe(
            bruteForce(convictions, releases, D),
          );
        }
      }),
      { numRuns: 1500 },
    );
  });
});
