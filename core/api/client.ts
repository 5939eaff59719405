import type { ApiResult } from './errors';
import { METHOD_NAMES, type MethodArgs, type MethodName, type MethodResult } from './contract';

/** What the renderer sees as `window.vigil`. */
export type VigilApi = {
  [M in MethodName]: (
    ...args: Record<never, never> extends MethodArgs<M> ? [MethodArgs<M>?] : [MethodArgs<M>]
  ) => Promise<ApiResult<MethodResult<M>>>;
};

export type Invoke = (method: MethodName, args: unknown) => Promise<unknown>;

/**
 * Builds `window.vigil` from the contract around one generic transport. Used by Electron's
 * preload and by the browser host's page script, so both expose exactly the same methods.
 */
export function createVigilApi(invoke: Invoke): VigilApi {
  const api: Record<string, (args?: unknown) => Promise<unknown>> = {};
  for (const name of METHOD_NAMES) {
    api[name] = (args?: unknown) => invoke(name, args ?? {});
  }
  return Object.freeze(api) as unknown as VigilApi;
}
