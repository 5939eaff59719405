import { deriveKek, randomBytes, SALT_BYTES, type KdfParams } from './crypto';

const TARGET_MS = 750;
const MIN_OPS = 3;
const MAX_OPS = 20;
const PREFERRED_MEM_KIB = 256 * 1024;
const FALLBACK_MEM_KIB = 64 * 1024;

async function timeKdf(params: KdfParams): Promise<number> {
  const started = performance.now();
  (await deriveKek('calibration', randomBytes(SALT_BYTES), params)).fill(0);
  return performance.now() - started;
}

/** How many Argon2id passes over `memKiB` fit in the target time. */
async function passesWithin(targetMs: number, memKiB: number): Promise<number> {
  const one = await timeKdf({ opsLimit: 1, memKiB });
  const two = await timeKdf({ opsLimit: 2, memKiB });
  const perPass = Math.max(two - one, 1);
  const fixed = Math.max(one - perPass, 0);
  return Math.round((targetMs - fixed) / perPass);
}

/**
 * Picks an Argon2id cost that takes about 0.75 s on this machine: 256 MiB where the machine is
 * fast enough for at least three passes, else 64 MiB. The cost is stored in the header, so a
 * vault moved to a slower machine still opens, only more slowly.
 */
export async function calibrateKdf(targetMs = TARGET_MS): Promise<KdfParams> {
  await timeKdf({ opsLimit: 1, memKiB: FALLBACK_MEM_KIB }); // warm-up: WASM memory growth
  const preferred = await passesWithin(targetMs, PREFERRED_MEM_KIB);
  if (preferred >= MIN_OPS)
    return { opsLimit: Math.min(preferred, MAX_OPS), memKiB: PREFERRED_MEM_KIB };
  const fallback = await passesWithin(targetMs, FALLBACK_MEM_KIB);
  return { opsLimit: Math.min(Math.max(fallback, MIN_OPS), MAX_OPS), memKiB: FALLBACK_MEM_KIB };
}
