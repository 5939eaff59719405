import { coreResultSchema, pathFieldsOf, type MethodName } from '../api/contract';
import { ApiError, toErrorBody, type ApiResult } from '../api/errors';
import { validateCall } from '../api/validate';
import type { Handlers } from './handlers';

/**
 * Runs one call inside the core. Arguments are validated again here (the worker trusts no
 * host), and results are checked against the contract so nothing unlisted leaves the core.
 * `paths` holds, for each token field of the method, the path the host resolved it to.
 */
export async function dispatch(
  handlers: Handlers,
  method: unknown,
  args: unknown,
  paths: Readonly<Record<string, string>> = {},
): Promise<ApiResult<unknown>> {
  try {
    const call = validateCall(method, args);
    const handler = (handlers as Partial<Record<MethodName, (a: unknown) => unknown>>)[call.method];
    if (!handler) throw new ApiError('INTERNAL', 'The host answers this method, not the core');
    const value = await handler(withPaths(call.method, call.args, paths));
    const checked = coreResultSchema(call.method).safeParse(value);
    if (!checked.success) throw new ApiError('INTERNAL', 'Result does not match the contract');
    return { ok: true, value: checked.data };
  } catch (err) {
    return { ok: false, error: toErrorBody(err) };
  }
}

/** The call's arguments with each token replaced by its path; a token left unresolved is refused. */
function withPaths(
  method: MethodName,
  args: unknown,
  paths: Readonly<Record<string, string>>,
): unknown {
  const resolved = { ...(args as Record<string, unknown>) };
  for (const field of Object.keys(pathFieldsOf(method))) {
    if (resolved[field] === undefined) continue;
    const target = paths[field];
    if (typeof target !== 'string') throw new ApiError('INTERNAL', 'The host resolved no path');
    resolved[field] = target;
  }
  return resolved;
}
