import { isMethodName, pathFieldsOf } from '../../core/api/contract';
import type { Handlers } from '../../core/service/handlers';
import { dispatch } from '../../core/service/dispatch';

// Shared by the tests and the benchmarks, which both run the core in-process: no test runner here.

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
