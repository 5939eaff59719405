import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { ApiResult } from '../../core/api/errors';
import { dispatchWithPaths } from '../helpers/session';
import { createHandlers } from '../../core/service/handlers';
import { CoreSession } from '../../core/service/session';
import { useTempDirs } from '../helpers/tempDir';
import { TEST_KDF } from '../helpers/vault';

/** A core with an unlocked, empty vault, called through the contract as the worker does. */
export interface TestCore {
  session: CoreSession;
  dataDir: string;
  folder: string;
  call(method: string, args: unknown): Promise<ApiResult<unknown>>;
  /** The value of a call that must succeed. */
  ok<T = Record<string, unknown>>(method: string, args: unknown): Promise<T>;
  /** The error code of a call that must fail. */
  fails(method: string, args: unknown): Promise<string>;
  /** Writes a file in a temp folder and returns its path. */
  file(name: string, content: string | Uint8Array): string;
  /** How many change sets the vault's audit log holds. */
  auditEntries(): Promise<number>;
}

/** Call at the top of a test file; each call of the returned function starts a new core. */
export function useCores(): () => Promise<TestCore> {
  const tempDir = useTempDirs();
  const sessions: CoreSession[] = [];
  // Registered after the temp folders, so it runs before they are removed.
  afterEach(async () => {
    for (const session of sessions.splice(0)) await session.lock();
  });
  return async () => {
    const dataDir = tempDir();
    const files = tempDir();
    const session = await CoreSession.start({ dataDir, kdf: TEST_KDF });
    sessions.push(session);
    const handlers = createHandlers(session);
    const call = (method: string, args: unknown) => dispatchWithPaths(handlers, method, args);
    const folder = path.join(dataDir, 'vault');
    const core: TestCore = {
      session,
      dataDir,
      folder,
      call,
      async ok<T>(method: string, args: unknown) {
        const result = await call(method, args);
        if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
        return result.value as T;
      },
      async fails(method, args) {
        const result = await call(method, args);
        if (result.ok) throw new Error(`${method} succeeded`);
        return result.error.code;
      },
      file(name, content) {
        const file = path.join(files, name);
        writeFileSync(file, content);
        return file;
      },
      async auditEntries() {
        const db = (await session.readVault()).db;
        return Number(db.exec('SELECT count(*) FROM audit_log')[0]!.values[0]![0]);
      },
    };
    await core.ok('createVault', { folder, passphrase: 'a test passphrase' });
    return core;
  };
}
