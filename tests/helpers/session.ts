import path from 'node:path';
import type { CoreResult, MethodName } from '../../core/api/contract';
import type { PrintPdf } from '../../core/api/print';
import { createHandlers } from '../../core/service/handlers';
import { CoreSession } from '../../core/service/session';
import { dispatchWithPaths } from './dispatchWithPaths';
import { TEST_KDF } from './vault';

export { dispatchWithPaths };

/** The core as the worker runs it, in-process: every call goes through the contract. */
export interface TestCore {
  session: CoreSession;
  /** Paths are given as paths: the call carries them as the host would, behind tokens. */
  call<M extends MethodName>(method: M, args: unknown): Promise<CoreResult<M>>;
  /** The error code of a call that must fail. */
  fails(method: MethodName, args: unknown): Promise<string>;
}

/** `printPdf`: a PDF engine for reports (tests/helpers/pdf.ts); without one, PDFs fail. */
export async function startCore(root: string, printPdf?: PrintPdf): Promise<TestCore> {
  const session = await CoreSession.start({
    dataDir: path.join(root, 'data'),
    kdf: TEST_KDF,
    reports: { printPdf },
  });
  const handlers = createHandlers(session);
  return {
    session,
    async call(method, args) {
      const result = await dispatchWithPaths(handlers, method, args);
      if (!result.ok)
        throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
      return result.value as never;
    },
    async fails(method, args) {
      const result = await dispatchWithPaths(handlers, method, args);
      if (result.ok) throw new Error(`${method} succeeded`);
      return result.error.code;
    },
  };
}

/** A started core with a new, unlocked vault. */
export async function coreWithVault(root: string, printPdf?: PrintPdf): Promise<TestCore> {
  const core = await startCore(root, printPdf);
  await core.call('createVault', {
    folder: path.join(root, 'vault'),
    passphrase: 'test passphrase',
  });
  return core;
}
