import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodResult } from '../../core/api/contract';
import { coreWithVault, type TestCore } from '../helpers/session';

/**
 * Custom counts on a small hand-made register. As of 2024-05-06 (A):
 *
 * Q1 f 1985 BY    minsk_city  detained 2023-01-01, held.                in custody
 * Q2 m 1990 BY    minsk_city  detained 2022-06-01, held; disability.    in custody, at risk
 * Q3 f 1970 BY+PL grodno      detained 2021-03-03, held.                in custody
 * Q4 m 1980 BY    grodno      detained 2021-01-01, released 2022-01-01. not in custody
 * Q5 m 1975 UA    grodno      detained 2023-05-05, held; serious_health. in custody, at risk
 *
 * Region x sex, in custody: minsk_city f1 m1; grodno f1 m1 (Q4 is out). Region x citizenship:
 * minsk_city BY 2; grodno BY 1, PL 1, UA 1 (Q3 counts under both of hers).
 */

const A = '2024-05-06';
let root: string;
let core: TestCore;
const ids = new Map<string, string>();

async function person(label: string, fields: Record<string, unknown>, detained: string) {
  const created = await core.call('createPerson', { name: label, ...fields });
  ids.set(label, created.id);
  await core.call('createRecord', {
    kind: 'custodyEvent',
    fields: { personId: created.id, type: 'detention', date: detained },
  });
  return created.id;
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'vigil-pivot-'));
  core = await coreWithVault(root);
  const at = (region: string, sex: string, birthDate: string, citizenship: string[]) => ({
    region,
    sex,
    birthDate,
    citizenship,
  });
  await person('Q1', at('minsk_city', 'female', '1985-01-01', ['BY']), '2023-01-01');
  const q2 = await person('Q2', at('minsk_city', 'male', '1990-01-01', ['BY']), '2022-06-01');
  await person('Q3', at('grodno', 'female', '1970-01-01', ['BY', 'PL']), '2021-03-03');
  const q4 = await person('Q4', at('grodno', 'male', '1980-01-01', ['BY']), '2021-01-01');
  const q5 = await person('Q5', at('grodno', 'male', '1975-01-01', ['UA']), '2023-05-05');
  await core.call('createRecord', {
    kind: 'custodyEvent',
    fields: { personId: q4, type: 'release', date: '2022-01-01', releaseType: 'pardon' },
  });
  for (const [personId, category] of [
    [q2, 'disability'],
    [q5, 'serious_health'],
  ] as const) {
    await core.call('createRecord', {
      kind: 'riskAssignment',
      fields: { personId, category, startDate: '2022-01-01', endDate: null },
    });
  }
});

afterAll(async () => {
  await core?.session.lock();
  rmSync(root, { recursive: true, force: true });
});

type Pivot = MethodResult<'figurePivot'>;

/** row key -> column key -> count. */
function table(pivot: Pivot): Record<string, Record<string, number>> {
  return Object.fromEntries(
    pivot.rows.map((row) => [
      String(row.key),
      Object.fromEntries(row.cells.map((cell) => [String(cell.key), cell.figure.value])),
    ]),
  );
}

function label(personIds: readonly string[]): string[] {
  const byId = new Map([...ids].map(([l, id]) => [id, l]));
  return personIds.map((id) => byId.get(id) ?? id).sort();
}

describe('custom counts (pivot)', () => {
  it('counts region x sex by hand', async () => {
    const pivot = await core.call('figurePivot', {
      measure: 'inCustody',
      rows: 'region',
      columns: 'sex',
      asOf: A,
    });
    expect(table(pivot)).toEqual({
      minsk_city: { female: 1, male: 1 },
      grodno: { female: 1, male: 1 },
    });
    const grodnoMale = pivot.rows
      .find((r) => r.key === 'grodno')!
      .cells.find((c) => c.key === 'male')!;
    expect(label(grodnoMale.figure.personIds)).toEqual(['Q5']);
    expect(pivot.total.value).toBe(4);
  });

  it('puts a person with two citizenships in both columns', async () => {
    const pivot = await core.call('figurePivot', {
      measure: 'inCustody',
      rows: 'region',
      columns: 'citizenship',
      asOf: A,
    });
    expect(table(pivot)).toEqual({
      minsk_city: { BY: 2 },
      grodno: { BY: 1, PL: 1, UA: 1 },
    });
    expect(pivot.rows.find((r) => r.key === 'grodno')!.total.value).toBe(2);
  });

  it('counts the at-risk measure and honours filters', async () => {
    const atRisk = await core.call('figurePivot', {
      measure: 'atRisk',
      rows: 'region',
      columns: 'sex',
      asOf: A,
    });
    expect(table(atRisk)).toEqual({ minsk_city: { male: 1 }, grodno: { male: 1 } });
    expect(atRisk.total.value).toBe(2);
    const filtered = await core.call('figurePivot', {
      measure: 'inCustody',
      rows: 'sex',
      asOf: A,
      filters: { region: 'grodno' },
    });
    expect(filtered.rows.map((r) => [r.key, r.total.value, r.cells.length])).toEqual([
      ['female', 1, 0],
      ['male', 1, 0],
    ]);
    expect(filtered.columnKeys).toEqual([]);
  });

  for (const [rows, columns] of [
    ['region', 'sex'],
    ['citizenship', 'ageBand'],
    ['sex', 'facility'],
    ['ageBand', 'region'],
  ] as const) {
    it(`rows agree with the breakdown and the total with in custody (${rows} x ${columns})`, async () => {
      const pivot = await core.call('figurePivot', {
        measure: 'inCustody',
        rows,
        columns,
        asOf: A,
      });
      const breakdown = await core.call('figureBreakdown', { asOf: A, dimension: rows });
      expect(pivot.rows.map((r) => [r.key, r.total.value, r.total.personIds])).toEqual(
        breakdown.cells.map((c) => [c.key, c.figure.value, c.figure.personIds]),
      );
      const byColumn = await core.call('figureBreakdown', { asOf: A, dimension: columns });
      expect(pivot.columnTotals.map((c) => [c.key, c.figure.value])).toEqual(
        byColumn.cells.map((c) => [c.key, c.figure.value]),
      );
      const inCustody = await core.call('figureInCustody', { asOf: A });
      expect(pivot.total.value).toBe(inCustody.value);
      expect(pivot.total.personIds).toEqual(inCustody.personIds);
    });
  }

  it('refuses the same dimension twice', async () => {
    expect(
      await core.fails('figurePivot', {
        measure: 'inCustody',
        rows: 'sex',
        columns: 'sex',
        asOf: A,
      }),
    ).toBeTruthy();
  });

  it('saves definitions only, in the vault', async () => {
    const definition = { measure: 'atRisk', rows: 'region', columns: 'sex', asOf: A };
    expect(await core.call('listPivots', {})).toEqual([]);
    await core.call('savePivot', { name: 'Risk by region', definition });
    const list = await core.call('savePivot', {
      name: 'Risk by region',
      definition: { ...definition, columns: 'ageBand' },
    });
    expect(list).toEqual([
      {
        id: expect.any(String),
        name: 'Risk by region',
        definition: { ...definition, columns: 'ageBand' },
      },
    ]);
    expect(await core.call('listPivots', {})).toEqual(list);
    const onDisk = readFileSync(path.join(root, 'data', 'settings.json'), 'utf8');
    expect(onDisk).not.toContain('Risk by region');
    await core.call('deletePivot', { id: list[0]!.id });
    expect(await core.call('listPivots', {})).toEqual([]);
  });
});
