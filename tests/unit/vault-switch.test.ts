import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../core/api/errors';
import { CoreHost } from '../../core/host/coreHost';
import { startCore } from '../helpers/session';
import { callWithPaths } from '../helpers/hostPaths';
import { useTempDirs } from '../helpers/tempDir';
import { TEST_KDF } from '../helpers/vault';

// Opening another vault while one is unlocked must never cost the open one: a wrong passphrase
// leaves it working, and a successful switch leaves nothing of it behind (its worker exits).

const WORKER = path.resolve('dist/core/worker.js');
const PASS_A = 'amber lighthouse quarry 61';
const PASS_B = 'birch meadow lantern 25';
const tempDir = useTempDirs();
const hosts: CoreHost[] = [];

beforeAll(() => {
  if (!existsSync(WORKER)) throw new Error('Run `npm run build` first (npm test does).');
});

afterEach(async () => {
  for (const host of hosts.splice(0)) await host.dispose();
  vi.restoreAllMocks();
});

/** A host whose worker threads the test can see: every thread a call was posted to. */
function watchedHost() {
  const posted = vi.spyOn(Worker.prototype, 'postMessage');
  const host = new CoreHost({ workerFile: WORKER, dataDir: tempDir(), kdf: TEST_KDF });
  hosts.push(host);
  const threads = () => [...new Set(posted.mock.contexts as Worker[])];
  /** The thread that answered the most recent call. */
  const lastThread = () => posted.mock.contexts.at(-1) as Worker;
  const running = () => threads().filter((thread) => thread.threadId !== -1);
  return { host, threads, lastThread, running };
}

function names(result: ApiResult<unknown>): string[] {
  if (!result.ok) throw new Error(`listPersons failed: ${result.error.code}`);
  return (result.value as { items: { name: string }[] }).items.map((item) => item.name);
}

async function twoVaults() {
  const watched = watchedHost();
  const { host } = watched;
  const folderB = path.join(tempDir(), 'vault-b');
  const folderA = path.join(tempDir(), 'vault-a');
  expect(
    await callWithPaths(host, 'createVault', { folder: folderB, passphrase: PASS_B }),
  ).toMatchObject({
    ok: true,
  });
  await host.call('createPerson', { name: 'Brona Vetkevich' });
  const threadB = watched.lastThread();
  expect(
    await callWithPaths(host, 'createVault', { folder: folderA, passphrase: PASS_A }),
  ).toMatchObject({
    ok: true,
    value: { state: 'unlocked', folder: folderA },
  });
  await host.call('createPerson', { name: 'Alesia Marchuk' });
  return { ...watched, folderA, folderB, threadB, threadA: watched.lastThread() };
}

describe('the core host switching vaults', () => {
  it('keeps the open vault and its worker when another vault refuses the passphrase', async () => {
    const { host, folderB, threadA, running } = await twoVaults();
    expect(
      await callWithPaths(host, 'unlockVault', { folder: folderB, passphrase: 'wrong words here' }),
    ).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(names(await host.call('listPersons', {}))).toEqual(['Alesia Marchuk']);
    expect(await host.call('vaultStatus', {})).toMatchObject({
      ok: true,
      value: { state: 'unlocked' },
    });
    // The worker that tried B is gone; A's is the only one left.
    expect(running()).toEqual([threadA]);
  });

  it('keeps the open vault when creating or restoring elsewhere fails', async () => {
    const { host, folderA, folderB, running, threadA } = await twoVaults();
    expect(
      await callWithPaths(host, 'createVault', { folder: folderB, passphrase: PASS_A }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VAULT_EXISTS' },
    });
    expect(
      await callWithPaths(host, 'restoreBackup', {
        source: path.join(tempDir(), 'no-backup-here'),
        folder: path.join(tempDir(), 'restored'),
        passphrase: PASS_A,
      }),
    ).toMatchObject({ ok: false });
    expect(names(await host.call('listPersons', {}))).toEqual(['Alesia Marchuk']);
    expect(await host.call('vaultStatus', {})).toMatchObject({
      value: { folder: { label: path.basename(folderA) } },
    });
    expect(running()).toEqual([threadA]);
  });

  it('serves the other vault from a new worker and ends the old one once it opens', async () => {
    const { host, folderB, threadA, threadB, lastThread, running } = await twoVaults();
    // Creating A already replaced the worker that held B.
    expect(threadB.threadId).toBe(-1);
    expect(
      await callWithPaths(host, 'unlockVault', { folder: folderB, passphrase: PASS_B }),
    ).toMatchObject({
      ok: true,
      value: { state: 'unlocked', folder: folderB },
    });
    expect(threadA.threadId).toBe(-1);
    expect(names(await host.call('listPersons', {}))).toEqual(['Brona Vetkevich']);
    expect(running()).toEqual([lastThread()]);
    expect(lastThread()).not.toBe(threadA);
  });

  it('reopens the open vault itself in place, read-only after read-write', async () => {
    const { host, folderA, threadA, running } = await twoVaults();
    expect(
      await callWithPaths(host, 'unlockVault', {
        folder: folderA,
        passphrase: PASS_A,
        readOnly: true,
      }),
    ).toMatchObject({ ok: true, value: { state: 'unlocked', readOnly: true, folder: folderA } });
    expect(threadA.threadId).toBe(-1);
    expect(names(await host.call('listPersons', {}))).toEqual(['Alesia Marchuk']);
    expect(running()).toHaveLength(1);
  });
});

describe('the session switching vaults', () => {
  it('opens the next vault before closing the open one', async () => {
    const root = tempDir();
    const core = await startCore(root);
    const folderA = path.join(root, 'vault-a');
    const folderB = path.join(root, 'vault-b');
    await core.call('createVault', { folder: folderB, passphrase: PASS_B });
    await core.call('createPerson', { name: 'Brona Vetkevich' });
    await core.call('createVault', { folder: folderA, passphrase: PASS_A });
    await core.call('createPerson', { name: 'Alesia Marchuk' });

    expect(await core.fails('unlockVault', { folder: folderB, passphrase: 'wrong words' })).toBe(
      'WRONG_PASSPHRASE',
    );
    expect(await core.fails('createVault', { folder: folderB, passphrase: PASS_A })).toBe(
      'VAULT_EXISTS',
    );
    expect(core.session.status()).toMatchObject({ state: 'unlocked', folder: folderA });
    const stillA = await core.call('listPersons', {});
    expect(stillA.items.map((item) => item.name)).toEqual(['Alesia Marchuk']);
    await core.call('createPerson', { name: 'Alesia Second' });

    await core.call('unlockVault', { folder: folderB, passphrase: PASS_B });
    const nowB = await core.call('listPersons', {});
    expect(nowB.items.map((item) => item.name)).toEqual(['Brona Vetkevich']);
    await core.call('lockVault', {});
  });
});
