import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CoreHost } from '../../core/host/coreHost';
import { PathGrants, type PickRequest } from '../../core/host/pathGrants';
import { useTempDirs } from '../helpers/tempDir';
import { TEST_KDF } from '../helpers/vault';

const WORKER = path.resolve('dist/core/worker.js');
const PASS = 'correct horse battery staple';
const tempDir = useTempDirs();
const hosts: CoreHost[] = [];

/** A host whose picker answers with the next of `answers` (null: the user cancelled). */
function hostPicking(answers: (string | null)[], asked: PickRequest[] = []): CoreHost {
  const host = new CoreHost({
    workerFile: WORKER,
    dataDir: tempDir(),
    kdf: TEST_KDF,
    pickPath: (request) => {
      asked.push(request);
      return Promise.resolve(answers.shift() ?? null);
    },
  });
  hosts.push(host);
  return host;
}

beforeAll(() => {
  if (!existsSync(WORKER)) throw new Error('Run `npm run build` first (npm test does).');
});

afterEach(async () => {
  for (const host of hosts.splice(0)) await host.dispose();
});

describe('path grants', () => {
  it('resolves a token only for the purposes it was picked for', () => {
    const grants = new PathGrants();
    const picked = grants.grant('/tmp/invented/cases.csv', 'importFile');
    expect(picked.label).toBe('cases.csv');
    expect(picked.token).not.toContain('cases');
    expect(grants.resolve(picked.token, ['importFile'])).toBe('/tmp/invented/cases.csv');
    expect(() => grants.resolve(picked.token, ['exportFile'])).toThrow(
      expect.objectContaining({ code: 'PATH_WRONG_PURPOSE' }),
    );
    expect(() => grants.resolve('A'.repeat(43), ['importFile'])).toThrow(
      expect.objectContaining({ code: 'PATH_NOT_CHOSEN' }),
    );
    grants.clear();
    expect(() => grants.resolve(picked.token, ['importFile'])).toThrow(
      expect.objectContaining({ code: 'PATH_NOT_CHOSEN' }),
    );
  });

  it('gives two picks of one file two different, unguessable tokens per purpose', () => {
    const grants = new PathGrants();
    const a = grants.grant('/tmp/invented/a.csv', 'importFile');
    const b = grants.grant('/tmp/invented/b.csv', 'importFile');
    expect(a.token).not.toBe(b.token);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(grants.grant('/tmp/invented/a.csv', 'importFile').token).toBe(a.token);
  });
});

describe('the host picker', () => {
  it('refuses a path or a made-up token where a token is wanted', async () => {
    const host = hostPicking([]);
    expect(
      await host.call('previewImport', { path: '/etc/passwd', shape: 'persons' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await host.call('previewImport', { path: 'A'.repeat(43), shape: 'persons' }),
    ).toMatchObject({ ok: false, error: { code: 'PATH_NOT_CHOSEN' } });
  });

  it('asks the host for a folder to write a new vault into, and creates the vault there', async () => {
    const folder = path.join(tempDir(), 'new-vault');
    const asked: PickRequest[] = [];
    const host = hostPicking([folder], asked);
    // The picker speaks the language the interface last said it shows.
    expect(await host.call('showInterfaceLanguage', { language: 'be' })).toEqual({
      ok: true,
      value: {},
    });
    const picked = await host.call('pickPath', { purpose: 'newVault' });
    expect(asked).toEqual([
      { purpose: 'newVault', kind: 'folder', mode: 'write', extensions: [], language: 'be' },
    ]);
    expect(picked).toMatchObject({ ok: true, value: { label: 'new-vault' } });
    const token = (picked as { value: { token: string } }).value.token;
    // A token for a new vault does not open an import file or unlock a vault.
    expect(await host.call('previewImport', { path: token, shape: 'persons' })).toMatchObject({
      ok: false,
      error: { code: 'PATH_WRONG_PURPOSE' },
    });
    expect(await host.call('createVault', { folder: token, passphrase: PASS })).toMatchObject({
      ok: true,
      value: { state: 'unlocked', folder: { label: 'new-vault' } },
    });
    expect(existsSync(path.join(folder, 'vault.vgh'))).toBe(true);
  });

  it('changes nothing when the picker is cancelled', async () => {
    const first = path.join(tempDir(), 'first.csv');
    writeFileSync(first, 'Name\nВыдуманы Чалавек\n');
    const host = hostPicking([first, null]);
    const picked = await host.call('pickPath', { purpose: 'importFile' });
    const before = await host.call('vaultStatus', {});
    expect(await host.call('pickPath', { purpose: 'importFile' })).toEqual({
      ok: true,
      value: null,
    });
    expect(await host.call('vaultStatus', {})).toEqual(before);
    // The earlier choice still stands for what it was picked for.
    const token = (picked as { value: { token: string } }).value.token;
    expect(await host.call('previewImport', { path: token, shape: 'persons' })).toMatchObject({
      ok: false,
      error: { code: 'VAULT_LOCKED' },
    });
  });

  it('refuses a folder that holds other files for a new vault, and writes nothing there', async () => {
    const folder = tempDir();
    writeFileSync(path.join(folder, 'notes.txt'), 'invented notes');
    const host = hostPicking([folder]);
    expect(await host.call('pickPath', { purpose: 'newVault' })).toMatchObject({
      ok: false,
      error: { code: 'FOLDER_NOT_EMPTY' },
    });
    expect(existsSync(path.join(folder, 'vault.vgh'))).toBe(false);
  });

  it('forgets every token when the vault locks', async () => {
    const vault = path.join(tempDir(), 'vault');
    const stick = path.join(tempDir(), 'stick');
    mkdirSync(stick);
    const host = hostPicking([vault, path.join(stick, 'backup')]);
    const folder = (await host.call('pickPath', { purpose: 'newVault' })) as {
      value: { token: string };
    };
    await host.call('createVault', { folder: folder.value.token, passphrase: PASS });
    const backup = (await host.call('pickPath', { purpose: 'backupFolder' })) as {
      value: { token: string };
    };
    await host.call('lockVault', {});
    expect(
      await host.call('unlockVault', { folder: folder.value.token, passphrase: PASS }),
    ).toMatchObject({ ok: false, error: { code: 'PATH_NOT_CHOSEN' } });
    // The status hands out a fresh token for the last vault, which opens it.
    const status = (await host.call('vaultStatus', {})) as {
      value: { folder: { token: string } };
    };
    expect(
      await host.call('unlockVault', { folder: status.value.folder.token, passphrase: PASS }),
    ).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    expect(await host.call('saveBackup', { folder: backup.value.token })).toMatchObject({
      ok: false,
      error: { code: 'PATH_NOT_CHOSEN' },
    });
  });
});
