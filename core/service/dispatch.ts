import { contract, type MethodName } from '../api/contract';
import { ApiError, toErrorBody, type ApiResult } from '../api/errors';
import { validateCall } from '../api/validate';
import type { Handlers } from './handlers';

/**
 * Runs one call inside the core. Arguments are validated again here (the worker trusts no
 * host), and results are checked against the contract so nothing unlisted leaves the core.
 */
export async function dispatch(
  handlers: Handlers,
  method: unknown,
  args: unknown,
): Promise<ApiResult<unknown>> {
  try {
    const call = validateCall(method, args);
    const handler = (handlers as Partial<Record<MethodName, (a: unknown) => unknown>>)[call.method];
    if (!handler) throw new ApiError('INTERNAL', 'The host answers this method, not the core');
    const value = await handler(call.args);
    const checked = contract[call.method as MethodName].result.safeParse(value);
    if (!checked.success) throw new ApiError('INTERNAL', 'Result does not match the contract');
    return { ok: true, value: checked.data };
  } catch (err) {
    return { ok: false, error: toErrorBody(err) };
  }
}
