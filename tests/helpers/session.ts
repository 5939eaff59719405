import path from 'node:path';
import {
  isMethodName,
  pathFieldsOf,
  type CoreResult,
  type MethodName,
} from '../../core/api/contract';
import type { PrintPdf } from '../../core/api/print';
import { createHandlers, type Handlers } from '../../core/service/handlers';
import { dispatch } from '../../core/service/dispatch';
import { CoreSession } from '../../core/service/session';
import { TEST_KDF } from './vault';

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

/** Any well-formed token: the worker takes the host's word for the path behind it. */
const HOST_TOKEN = 'hosttokenhosttokenhosttokenhosttokenhosttok';

/**
 * Calls the core as the host does once it has resolved a call's tokens: each path field
 * carries a token, and the path itself travels beside the arguments.
 */
export function dispatchWithPaths(
  handlers: Handlers,
  method: unknown,
  args: unknown,
): ReturnType<typeof dispatch> {
  if (!isMethodName(method) || typeof args !== 'object' || args === null)
    return dispatch(handlers, method, args);
  const tokens: Record<string, unknown> = { ...args };
  const paths: Record<string, string> = {};
  for (const field of Object.keys(pathFieldsOf(method))) {
    const value = tokens[field];
    if (typeof value !== 'string') continue;
    paths[field] = value;
    tokens[field] = HOST_TOKEN;
  }
  return dispatch(handlers, method, tokens, paths);
}
