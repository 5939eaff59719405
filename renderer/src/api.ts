import type { VigilApi } from '../../core/api/client';
import { ERROR_CODES, type ApiResult, type ErrorCode } from '../../core/api/errors';

function isErrorCode(code: unknown): code is ErrorCode {
  return (ERROR_CODES as readonly unknown[]).includes(code);
}

/**
 * Calls `window.vigil` and always resolves to an ApiResult: a broken bridge or a code this
 * build does not know becomes INTERNAL, so every failure reaches the user as a sentence.
 */
export async function request<T>(
  call: (api: VigilApi) => Promise<ApiResult<T>>,
): Promise<ApiResult<T>> {
  try {
    const result = await call(window.vigil);
    if (result.ok || isErrorCode(result.error.code)) return result;
  } catch {
    // Falls through: the cause is a developer matter and the user gets the same sentence.
  }
  return { ok: false, error: { code: 'INTERNAL', message: 'Bridge call failed' } };
}

/**
 * Starts the page afresh. Used after locking, so that no case data survives in this renderer's
 * memory; the fresh page asks the host for the vault state and shows the unlock screen.
 */
function restartRenderer(): void {
  window.location.reload();
}

/**
 * For calls made while the vault is open. VAULT_LOCKED then means the host locked it on its own
 * (idle timer, suspend), which is handled like the Lock button.
 */
export async function requestUnlocked<T>(
  call: (api: VigilApi) => Promise<ApiResult<T>>,
): Promise<ApiResult<T>> {
  const result = await request(call);
  if (!result.ok && result.error.code === 'VAULT_LOCKED') restartRenderer();
  return result;
}

/** Locks the vault, then reloads whatever the answer: the fresh page shows the true state. */
export async function lockAndRestart(): Promise<void> {
  await request((api) => api.lockVault());
  restartRenderer();
}
