import type { Handlers } from '../core/service/handlers';
import { dispatchWithPaths } from '../tests/helpers/dispatchWithPaths';

/**
 * One call through the contract, as the core worker runs it once the host has resolved the
 * call's tokens: paths are given as paths. A failure stops the benchmark with its code.
 */
export async function call<T = unknown>(
  handlers: Handlers,
  method: string,
  args: unknown,
): Promise<T> {
  const result = await dispatchWithPaths(handlers, method, args);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}
