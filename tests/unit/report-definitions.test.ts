import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReportSpec } from '../../core/api/reports';
import { coreWithVault, type TestCore } from '../helpers/session';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const cores: TestCore[] = [];

afterEach(async () => {
  for (const core of cores.splice(0)) await core.session.lock();
});

const PASSPHRASE = 'test passphrase';
const NAME = 'Quarterly figures for Brindlemoor';
const FIGURES = {
  template: 'figures',
  language: 'be',
  params: { asOf: '2024-05-06', releasesFrom: '2021', filters: { sex: 'female' } },
};
const LIST = {
  template: 'list',
  pageSize: 'Letter',
  params: { persons: { kind: 'inCustody', asOf: '2024-05-06' }, groupBy: 'region' },
};

async function newCore(root: string): Promise<TestCore> {
  const core = await coreWithVault(root);
  cores.push(core);
  return core;
}

async function relock(core: TestCore, root: string): Promise<void> {
  await core.call('lockVault', {});
  await core.call('unlockVault', { folder: path.join(root, 'vault'), passphrase: PASSPHRASE });
}

describe('saved report definitions', () => {
  it('keep their name and parameters in the vault through lock and unlock, none in the settings file', async () => {
    const root = tempDir();
    const core = await newCore(root);
    await core.call('saveReportDefinition', { name: NAME, spec: FIGURES });
    const saved = await core.call('saveReportDefinition', { name: 'Held by region', spec: LIST });
    expect(saved.map((d) => d.name)).toEqual(['Held by region', NAME]);
    await relock(core, root);

    const list = await core.call('listReportDefinitions', {});
    expect(list).toEqual(saved);
    // Stored as given, with the defaults the contract fills in: parameters, never output.
    expect(list.find((d) => d.name === NAME)!.spec).toEqual(ReportSpec.parse(FIGURES));
    const settings = readFileSync(path.join(root, 'data', 'settings.json'), 'utf8');
    expect(settings).not.toContain(NAME);
    expect(settings).not.toContain('Held by region');
    expect(settings).not.toContain('figures');
  });

  it('replace one of the same name, and delete with a tombstone that outlasts a lock', async () => {
    const root = tempDir();
    const core = await newCore(root);
    const [first] = await core.call('saveReportDefinition', { name: NAME, spec: FIGURES });
    const replaced = await core.call('saveReportDefinition', { name: NAME, spec: LIST });
    expect(replaced).toEqual([{ id: first!.id, name: NAME, spec: ReportSpec.parse(LIST) }]);
    // Saved definitions are no case edits: undo does not take one back.
    expect(await core.call('undoLastChange', {})).toEqual({ undone: false });

    expect(await core.call('deleteReportDefinition', { id: first!.id })).toEqual({
      id: first!.id,
    });
    await relock(core, root);
    expect(await core.call('listReportDefinitions', {})).toEqual([]);
    expect(await core.fails('deleteReportDefinition', { id: first!.id })).toBe('NOT_FOUND');
  });

  it('refuse parameters no report takes, and pass over a saved one this version cannot read', async () => {
    const root = tempDir();
    const core = await newCore(root);
    for (const spec of [
      { ...FIGURES, params: { ...FIGURES.params, asOf: '2024-05' } },
      { ...FIGURES, params: { ...FIGURES.params, colour: 'red' } },
      { ...FIGURES, language: 'de' },
      { template: 'timeline', params: {} },
      { ...LIST, params: { ...LIST.params, columns: [] } },
    ]) {
      expect(await core.fails('saveReportDefinition', { name: NAME, spec })).toBe('INVALID_INPUT');
    }
    expect(await core.fails('saveReportDefinition', { name: ' ', spec: FIGURES })).toBe(
      'INVALID_INPUT',
    );
    expect(await core.call('listReportDefinitions', {})).toEqual([]);

    // A newer version's template, written as that version would write it.
    const newer = 'ef'.repeat(16);
    await core.session.commit(
      [
        { entity: 'reportDefinition', id: newer, field: 'name', value: 'From a newer version' },
        {
          entity: 'reportDefinition',
          id: newer,
          field: 'spec',
          value: JSON.stringify({ template: 'timeline', params: {} }),
        },
      ],
      { undoable: false },
    );
    const [kept] = await core.call('saveReportDefinition', { name: NAME, spec: FIGURES });
    expect((await core.call('listReportDefinitions', {})).map((d) => d.id)).toEqual([kept!.id]);
  });

  it('are refused on a locked vault', async () => {
    const root = tempDir();
    const core = await newCore(root);
    await core.call('lockVault', {});
    expect(await core.fails('saveReportDefinition', { name: NAME, spec: FIGURES })).toBe(
      'VAULT_LOCKED',
    );
    expect(await core.fails('listReportDefinitions', {})).toBe('VAULT_LOCKED');
  });
});
