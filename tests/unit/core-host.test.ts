import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CoreHost } from '../../core/host/coreHost';
import { callWithPaths } from '../helpers/hostPaths';
import { useTempDirs } from '../helpers/tempDir';
import { TEST_KDF } from '../helpers/vault';

const WORKER = path.resolve('dist/core/worker.js');
const PASS = 'correct horse battery staple';
const tempDir = useTempDirs();
const hosts: CoreHost[] = [];

function newHost(dataDir = tempDir()): CoreHost {
  const host = new CoreHost({ workerFile: WORKER, dataDir, kdf: TEST_KDF });
  hosts.push(host);
  return host;
}

beforeAll(() => {
  if (!existsSync(WORKER)) throw new Error('Run `npm run build` first (npm test does).');
});

afterEach(async () => {
  for (const host of hosts.splice(0)) await host.dispose();
});

describe('core host and worker', () => {
  it('creates a vault, adds a person, locks, and unlocks again', async () => {
    const host = newHost();
    const folder = path.join(tempDir(), 'vault');
    expect(await host.call('vaultStatus', {})).toMatchObject({
      ok: true,
      value: { state: 'none' },
    });
    expect(await callWithPaths(host, 'createVault', { folder, passphrase: PASS })).toMatchObject({
      ok: true,
      value: { state: 'unlocked', folder },
    });
    const created = await host.call('createPerson', { name: 'Ганна', birthDate: '1961-03' });
    expect(created).toMatchObject({ ok: true, value: { name: 'Ганна', birthDate: '1961-03' } });

    expect(await host.call('lockVault', {})).toMatchObject({
      ok: true,
      value: { state: 'locked', folder },
    });
    expect(await host.call('listPersons', {})).toMatchObject({
      ok: false,
      error: { code: 'VAULT_LOCKED' },
    });
    expect(await callWithPaths(host, 'unlockVault', { folder, passphrase: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    await callWithPaths(host, 'unlockVault', { folder, passphrase: PASS });
    const list = await host.call('listPersons', { query: 'ганна' });
    expect(list).toMatchObject({ ok: true, value: { total: 1, items: [{ name: 'Ганна' }] } });
  });

  it('validates every call against the contract before the worker sees it', async () => {
    const host = newHost();
    expect(await host.call('dropDatabase', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
    expect(await host.call('createPerson', { name: 7 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await host.call('createPerson', { name: 'A', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await host.call('createPerson', { name: 'A', birthDate: '2021-02-30' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await host.call('toString', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
  });

  it('updates only the fields it is given', async () => {
    const host = newHost();
    await callWithPaths(host, 'createVault', {
      folder: path.join(tempDir(), 'v'),
      passphrase: PASS,
    });
    const created = await host.call('createPerson', { name: 'A', notes: 'keep me' });
    if (!created.ok) throw new Error('create failed');
    const { id } = created.value as { id: string };
    const updated = await host.call('updatePerson', {
      id,
      changes: { name: 'B', citizenship: ['BY', 'UA'] },
    });
    expect(updated).toMatchObject({
      ok: true,
      value: { name: 'B', notes: 'keep me', citizenship: ['BY', 'UA'] },
    });
    expect(
      await host.call('updatePerson', { id: 'f'.repeat(32), changes: { name: 'C' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('remembers the vault folder across host restarts', async () => {
    const dataDir = tempDir();
    const folder = path.join(tempDir(), 'vault');
    const first = newHost(dataDir);
    await callWithPaths(first, 'createVault', { folder, passphrase: PASS });
    await first.call('createPerson', { name: 'Persisted' });
    await first.dispose();
    const second = newHost(dataDir);
    // The renderer gets a token for the remembered folder, and its name, never its path.
    const status = await second.call('vaultStatus', {});
    expect(status).toMatchObject({
      ok: true,
      value: { state: 'locked', folder: { label: 'vault' } },
    });
    expect(JSON.stringify(status)).not.toContain(folder);
    await callWithPaths(second, 'unlockVault', { folder, passphrase: PASS });
    expect(await second.call('listPersons', {})).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('hands out the recovery key once, and it unlocks and resets the passphrase', async () => {
    const host = newHost();
    const folder = path.join(tempDir(), 'vault');
    const created = await callWithPaths(host, 'createVault', { folder, passphrase: PASS });
    if (!created.ok) throw new Error('create failed');
    const { recoveryKey } = created.value as { recoveryKey: string };
    expect(recoveryKey.split(' ')).toHaveLength(12);
    expect(await host.call('vaultStatus', {})).not.toMatchObject({ value: { recoveryKey } });
    await host.call('lockVault', {});
    expect(
      await callWithPaths(host, 'unlockVault', { folder, passphrase: PASS, recoveryKey }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await callWithPaths(host, 'unlockVault', { folder, recoveryKey })).toMatchObject({
      ok: true,
    });
    expect(
      await host.call('changePassphrase', {
        recoveryKey,
        newPassphrase: 'another long passphrase',
      }),
    ).toMatchObject({
      ok: true,
    });
    await host.call('lockVault', {});
    expect(await callWithPaths(host, 'unlockVault', { folder, passphrase: PASS })).toMatchObject({
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect(
      await callWithPaths(host, 'unlockVault', { folder, passphrase: 'another long passphrase' }),
    ).toMatchObject({ ok: true });
  });

  it('saves a backup and restores it as the current vault', async () => {
    const host = newHost();
    await callWithPaths(host, 'createVault', {
      folder: path.join(tempDir(), 'vault'),
      passphrase: PASS,
    });
    await host.call('createPerson', { name: 'Backed up' });
    const stick = path.join(tempDir(), 'stick');
    // The renderer learns the backup's folder name, never its path.
    expect(await callWithPaths(host, 'saveBackup', { folder: stick })).toMatchObject({
      ok: true,
      value: { folder: 'stick' },
    });
    const restoredFolder = path.join(tempDir(), 'restored');
    expect(
      await callWithPaths(host, 'restoreBackup', {
        source: stick,
        folder: restoredFolder,
        passphrase: PASS,
      }),
    ).toMatchObject({
      ok: true,
      value: { state: 'unlocked', folder: restoredFolder },
    });
    expect(await host.call('listPersons', {})).toMatchObject({
      value: { items: [{ name: 'Backed up' }] },
    });
  });

  it('answers an import’s progress and its cancel while the import runs in the worker', async () => {
    const host = newHost();
    await callWithPaths(host, 'createVault', {
      folder: path.join(tempDir(), 'vault'),
      passphrase: PASS,
    });
    const file = path.join(tempDir(), 'long.csv');
    const rows = Array.from({ length: 5000 }, (_, i) => `Выдуманы Асоба ${i + 1},1970`);
    writeFileSync(file, ['Name,Birth date', ...rows].join('\n'));
    const args = {
      path: file,
      shape: 'persons',
      mapping: { Name: 'name', 'Birth date': 'birthDate' },
    };
    const answered: string[] = [];
    const sent = (method: string, callArgs: Record<string, unknown>) =>
      callWithPaths(host, method, callArgs).finally(() => answered.push(method));
    // Sent after the import, these would wait for it if queued; the worker answers them first,
    // while the import reads its file. The run is registered when the import starts, so the
    // cancel is heard before any batch is written.
    const importing = sent('runImport', { ...args, mode: 'all' });
    const progress = sent('importProgress', {});
    const cancel = sent('cancelImport', {});
    expect(await progress).toMatchObject({ ok: true, value: { imported: 0, cancelling: false } });
    expect(await cancel).toEqual({ ok: true, value: { cancelling: true } });
    const result = await importing;
    expect(answered).toEqual(['importProgress', 'cancelImport', 'runImport']);
    expect(result).toMatchObject({ ok: true, value: { cancelled: true, imported: 0 } });
    expect(await host.call('listPersons', {})).toMatchObject({ value: { total: 0 } });
    expect(await host.call('listImportRuns', {})).toMatchObject({
      value: [{ fileName: 'long.csv', state: 'cancelled', imported: 0 }],
    });
  });

  it('gives the same figures right after unlock, and after a lock while the model was read', async () => {
    const host = newHost();
    const folder = path.join(tempDir(), 'vault');
    await callWithPaths(host, 'createVault', { folder, passphrase: PASS });
    await host.call('loadDemoData', { persons: 300 });
    const figure = { asOf: '2024-05-06' };
    const warm = await host.call('figureInCustody', figure);
    expect(warm).toMatchObject({ ok: true });
    await host.call('lockVault', {});
    // Asked as soon as the unlock answers, while the worker reads the model in the background.
    await callWithPaths(host, 'unlockVault', { folder, passphrase: PASS });
    const [list, first] = await Promise.all([
      host.call('listPersons', {}),
      host.call('figureInCustody', figure),
    ]);
    expect(list).toMatchObject({ ok: true, value: { total: 300 } });
    expect(first).toEqual(warm);
    // Locked before the read could end, then unlocked again.
    await host.call('lockVault', {});
    await callWithPaths(host, 'unlockVault', { folder, passphrase: PASS });
    await host.call('lockVault', {});
    await callWithPaths(host, 'unlockVault', { folder, passphrase: PASS });
    expect(await host.call('figureInCustody', figure)).toEqual(warm);
  });

  it('keeps the auto-lock setting, five minutes unless changed', async () => {
    const dataDir = tempDir();
    const host = newHost(dataDir);
    expect(await host.call('getSettings', {})).toEqual({
      ok: true,
      value: { autoLockMinutes: 5, language: null },
    });
    expect(await host.call('updateSettings', { autoLockMinutes: 0 })).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
    await host.call('updateSettings', { autoLockMinutes: 15 });
    await host.dispose();
    expect(await newHost(dataDir).call('getSettings', {})).toEqual({
      ok: true,
      value: { autoLockMinutes: 15, language: null },
    });
  });

  it('lists the forms a lock discarded once after it, and never what was in them', async () => {
    const host = newHost();
    const folder = path.join(tempDir(), 'vault');
    await callWithPaths(host, 'createVault', { folder, passphrase: PASS });
    const person = { form: 'person', personId: null };
    const event = { form: 'timeline', personId: '0123456789abcdef0123456789abcdef' };
    // Typed text is refused: the host takes only which form and whose.
    expect(
      await host.call('noteUnsavedForms', { forms: [{ ...person, name: 'Ганна' }] }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await host.call('noteUnsavedForms', { forms: [person, event] });
    await host.call('noteUnsavedForms', { forms: [event] });
    await host.call('lockVault', {});
    await callWithPaths(host, 'unlockVault', { folder, passphrase: PASS });
    expect(await host.call('takeDiscardedForms', {})).toEqual({
      ok: true,
      value: { forms: [event] },
    });
    expect(await host.call('takeDiscardedForms', {})).toEqual({ ok: true, value: { forms: [] } });

    // Saved before the lock: nothing to report.
    await host.call('noteUnsavedForms', { forms: [person] });
    await host.call('noteUnsavedForms', { forms: [] });
    await host.call('lockVault', {});
    expect(await host.call('takeDiscardedForms', {})).toEqual({ ok: true, value: { forms: [] } });
  });
});
