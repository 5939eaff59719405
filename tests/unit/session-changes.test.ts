import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc, parseHlc } from '../../core/changes/hlc';
import { updateRecord } from '../../core/service/records';
import { useTempDirs } from '../helpers/tempDir';
import { coreWithVault, type TestCore } from '../helpers/session';
import { newId } from '../helpers/vault';

const tempDir = useTempDirs();
const cores: TestCore[] = [];

async function newCore(): Promise<{ core: TestCore; root: string }> {
  const root = tempDir();
  const core = await coreWithVault(root);
  cores.push(core);
  return { core, root };
}

afterEach(async () => {
  for (const core of cores.splice(0)) await core.session.lock();
});

describe('updating a record', () => {
  it('refuses unknown fields and the fields no update may set, and changes nothing', async () => {
    const { core } = await newCore();
    const source = await core.call('createRecord', {
      kind: 'source',
      fields: { title: 'Court record', kind: 'court_record' },
    });
    for (const fields of [
      { shoeSize: '38' },
      { createdAt: '2020-01-01T00:00:00.000Z' },
      { id: newId() },
      { deleted: true },
      { title: 'Renamed', reliabilty: 'high' },
    ]) {
      expect(
        await core.fails('updateRecord', { kind: 'source', id: source.id, fields }),
        JSON.stringify(fields),
      ).toBe('INVALID_INPUT');
      // The service checks too, for callers inside the core that skip the contract.
      await expect(updateRecord(core.session, 'source', source.id, fields)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      });
    }
    expect(await core.call('getRecord', { kind: 'source', id: source.id })).toEqual(source);
    const renamed = await core.call('updateRecord', {
      kind: 'source',
      id: source.id,
      fields: { title: 'Renamed', reliability: 'high' },
    });
    expect(renamed).toMatchObject({ title: 'Renamed', reliability: 'high' });
  });
});

describe('the clock on unlock', () => {
  it('opens a vault holding a far-future change and stamps new edits with local time', async () => {
    const { core, root } = await newCore();
    const installId = core.session.status().installId;
    const future = Date.UTC(2999, 0, 1);
    const vault = await core.session.readVault();
    await vault.commit({
      v: 1,
      hlc: formatHlc(future, 0, installId),
      author: installId,
      cells: [{ entity: 'person', id: newId(), field: 'name', value: 'Futura Tempo' }],
    });
    await core.call('lockVault', {});
    await core.call('unlockVault', {
      folder: path.join(root, 'vault'),
      passphrase: 'test passphrase',
    });
    const before = Date.now();
    await core.call('createPerson', { name: 'Nova Hora' });
    const set = core.session.takeUndoable()!;
    const wall = parseHlc(set.hlc)!.wall;
    expect(wall).toBeGreaterThanOrEqual(before);
    expect(wall).toBeLessThan(future);
  });
});
