import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OVER_60 } from '../../core/api/figureDefinitions';
import { loadDemoData } from '../../core/demo/load';
import { localDate } from '../../core/service/session';
import { coreWithVault, type TestCore } from '../helpers/session';

// One demo vault for every test here (they only read it); loading it is the slow part.
let dir: string;
let core: TestCore;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-test-'));
  core = await coreWithVault(dir);
  await loadDemoData(core.session, 400, 1);
});

afterAll(async () => {
  await core.session.lock();
  rmSync(dir, { recursive: true, force: true });
});

/** Every person the list shows for a filter, over all its pages, sorted. */
async function listed(filter: object): Promise<string[]> {
  const page = await core.call('listPersons', { ...filter, limit: 1000 });
  const { total } = await core.call('countPersons', filter);
  expect(page.items).toHaveLength(total);
  return page.items.map((person) => person.id).sort();
}

describe('the person list filters, by the figure engine', () => {
  it('"over 60" and "in custody" find the persons the dashboard counts as over 60', async () => {
    const today = localDate(new Date());
    const atRisk = await core.call('figureAtRisk', { asOf: today });
    const over60 = atRisk.categories.find((c) => c.category === OVER_60)!.figure;
    // Demo data stores no "over 60" assignment: the engine derives it from birth dates.
    expect(over60.value).toBeGreaterThan(0);

    const both = await listed({ riskCategory: OVER_60, inCustody: true });
    expect(both).toEqual([...over60.personIds].sort());
  });

  it('"over 60" alone also finds the released, and "in custody" alone is the custody figure', async () => {
    const today = localDate(new Date());
    const held = await core.call('figureInCustody', { asOf: today });
    expect(await listed({ inCustody: true })).toEqual([...held.personIds].sort());

    const atRisk = await core.call('figureAtRisk', { asOf: today });
    const heldOver60 = atRisk.categories.find((c) => c.category === OVER_60)!.figure.personIds;
    const over60 = await listed({ riskCategory: OVER_60 });
    expect(over60.length).toBeGreaterThan(heldOver60.length);
    expect(over60).toEqual(expect.arrayContaining(heldOver60));
  });

  it('a category the register does not use finds nobody, not everybody', async () => {
    expect(await listed({ riskCategory: 'no_such_category' })).toEqual([]);
  });
});
