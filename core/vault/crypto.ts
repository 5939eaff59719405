import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import sodium from 'libsodium-wrappers-sumo';

export const KEY_BYTES = 32;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
export const SALT_BYTES = 16;

/** Argon2id cost. `memKiB` is in kibibytes so that the header field fits in 32 bits. */
export interface KdfParams {
  opsLimit: number;
  memKiB: number;
}

/**
 * The costs the core will run, whether asked by calibration or by a header read from disk. A
 * doctored header must not make an unlock exhaust memory or run for hours: the bounds allow
 * twice the costliest calibration (20 passes over 256 MiB) and no more than 1 GiB, which the
 * WebAssembly Argon2id can allocate.
 */
export const KDF_BOUNDS = {
  minOps: 1,
  maxOps: 40,
  minMemKiB: 8,
  maxMemKiB: 1024 * 1024,
  maxWorkKiB: 40 * 256 * 1024,
} as const;

export function kdfWithinBounds(kdf: KdfParams): boolean {
  return (
    Number.isInteger(kdf.opsLimit) &&
    Number.isInteger(kdf.memKiB) &&
    kdf.opsLimit >= KDF_BOUNDS.minOps &&
    kdf.opsLimit <= KDF_BOUNDS.maxOps &&
    kdf.memKiB >= KDF_BOUNDS.minMemKiB &&
    kdf.memKiB <= KDF_BOUNDS.maxMemKiB &&
    kdf.opsLimit * kdf.memKiB <= KDF_BOUNDS.maxWorkKiB
  );
}

/** 3 passes over 64 MiB: about 0.2 s on the development machine. */
export const DEFAULT_KDF: KdfParams = { opsLimit: 3, memKiB: 64 * 1024 };

export function randomKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export { randomBytes };

/** AES-256-GCM; the result is nonce-free ciphertext with the tag appended. */
export function seal(
  key: Uint8Array,
  nonce: Uint8Array,
  plaintext: Uint8Array,
  aad: Uint8Array,
): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** Returns the plaintext, or null when the ciphertext, nonce, key or AAD do not match. */
export function open(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
  aad: Uint8Array,
): Buffer | null {
  if (sealed.length < TAG_BYTES) return null;
  const body = sealed.subarray(0, sealed.length - TAG_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    const plaintext = decipher.update(body);
    // GCM's final() only checks the tag and returns no bytes, so no copy of a large snapshot.
    decipher.final();
    return plaintext;
  } catch {
    return null;
  }
}

/** Independent keys per purpose, so a snapshot key can never decrypt a journal record. */
export function subkey(dataKey: Uint8Array, vaultId: Uint8Array, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, vaultId, `vigil ${purpose} v1`, KEY_BYTES));
}

export function hmac(key: Uint8Array, data: Uint8Array): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Argon2id (libsodium) from the passphrase to a key-encryption key. */
export async function deriveKek(
  passphrase: string,
  salt: Uint8Array,
  params: KdfParams,
): Promise<Buffer> {
  await sodium.ready;
  const key = sodium.crypto_pwhash(
    KEY_BYTES,
    passphrase.normalize('NFC'),
    salt,
    params.opsLimit,
    params.memKiB * 1024,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
  const copy = Buffer.from(key);
  sodium.memzero(key);
  return copy;
}
