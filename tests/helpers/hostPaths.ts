import { isMethodName, pathFieldsOf } from '../../core/api/contract';
import type { ApiResult } from '../../core/api/errors';
import type { CoreHost } from '../../core/host/coreHost';

/**
 * Calls a CoreHost with paths where the contract wants tokens, as a renderer would after the
 * user picked them: each path is granted for its field's first purpose. In the answer, a vault
 * status's folder token is read back as the path it stands for, when the test named that path.
 */
export async function callWithPaths(
  host: CoreHost,
  method: string,
  args: Record<string, unknown>,
): Promise<ApiResult<unknown>> {
  const known = new Map<string, string>();
  const tokens = { ...args };
  if (isMethodName(method)) {
    for (const [field, purposes] of Object.entries(pathFieldsOf(method))) {
      const chosen = args[field];
      if (typeof chosen !== 'string' || !purposes[0]) continue;
      tokens[field] = host.grantPath(chosen, purposes[0]).token;
      known.set(host.grantPath(chosen, 'openVault').token, chosen);
    }
  }
  const result = await host.call(method, tokens);
  if (!result.ok) return result;
  return { ok: true, value: readBack(result.value, known) };
}

function readBack(value: unknown, known: Map<string, string>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if ('status' in record) return { ...record, status: readBack(record.status, known) };
  const folder = record.folder as { token?: string } | null | undefined;
  if (folder && typeof folder === 'object' && typeof folder.token === 'string') {
    return { ...record, folder: known.get(folder.token) ?? folder };
  }
  return value;
}
