import { createHash } from 'node:crypto';
import { ApiError } from '../api/errors';
import { ByteReader, ByteWriter, TruncatedError } from './bytes';
import {
  deriveKek,
  equalBytes,
  hmac,
  KEY_BYTES,
  NONCE_BYTES,
  open,
  randomBytes,
  SALT_BYTES,
  seal,
  subkey,
  TAG_BYTES,
  type KdfParams,
} from './crypto';

export const HEADER_MAGIC = Buffer.from('VIGILHDR', 'ascii');
export const FORMAT_VERSION = 1;
export const VAULT_ID_BYTES = 16;

export const SLOT_PASSPHRASE = 1;
const KDF_ARGON2ID13 = 1;
const DIGEST_BYTES = 32;
const MAX_SLOTS = 8;

export interface KeySlot {
  type: number;
  kdf: KdfParams;
  salt: Buffer;
  nonce: Buffer;
  wrappedKey: Buffer;
}

export interface VaultHeader {
  version: number;
  vaultId: Buffer;
  slots: KeySlot[];
}

/** Bytes of the header up to (not including) the MAC and checksum. */
function encodeBody(header: VaultHeader): Buffer {
  const w = new ByteWriter()
    .bytes(HEADER_MAGIC)
    .u16(header.version)
    .bytes(header.vaultId)
    .u8(header.slots.length);
  for (const slot of header.slots) {
    w.bytes(slotPrefix(slot)).bytes(slot.nonce).bytes(slot.wrappedKey);
  }
  return w.toBuffer();
}

function slotPrefix(slot: Pick<KeySlot, 'type' | 'kdf' | 'salt'>): Buffer {
  return new ByteWriter()
    .u8(slot.type)
    .u8(KDF_ARGON2ID13)
    .u32(slot.kdf.opsLimit)
    .u32(slot.kdf.memKiB)
    .bytes(slot.salt)
    .toBuffer();
}

/**
 * The wrapped data key is bound to the vault id and to its own slot's KDF parameters, so a slot
 * cannot be moved between vaults or have its cost lowered without failing to unwrap.
 */
function slotAad(vaultId: Buffer, slot: Pick<KeySlot, 'type' | 'kdf' | 'salt'>): Buffer {
  return Buffer.concat([HEADER_MAGIC, vaultId, slotPrefix(slot)]);
}

export async function makePassphraseSlot(
  vaultId: Buffer,
  dataKey: Buffer,
  passphrase: string,
  kdf: KdfParams,
): Promise<KeySlot> {
  const salt = randomBytes(SALT_BYTES);
  const nonce = randomBytes(NONCE_BYTES);
  const kek = await deriveKek(passphrase, salt, kdf);
  const slot = { type: SLOT_PASSPHRASE, kdf, salt };
  const wrappedKey = seal(kek, nonce, dataKey, slotAad(vaultId, slot));
  kek.fill(0);
  return { ...slot, nonce, wrappedKey };
}

/** Header = body, HMAC-SHA256(body) under a key derived from the data key, SHA-256 checksum. */
export function encodeHeader(header: VaultHeader, dataKey: Buffer): Buffer {
  const body = encodeBody(header);
  const mac = hmac(subkey(dataKey, header.vaultId, 'header'), body);
  const withMac = Buffer.concat([body, mac]);
  return Buffer.concat([withMac, sha256(withMac)]);
}

function sha256(data: Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

/**
 * Parses a header without any key. The unkeyed checksum lets accidental damage be reported as
 * VAULT_CORRUPT before the slow KDF runs and before it could be mistaken for a wrong passphrase.
 */
export function decodeHeader(file: Buffer): { header: VaultHeader; body: Buffer; mac: Buffer } {
  try {
    const r = new ByteReader(file);
    if (!equalBytes(r.bytes(HEADER_MAGIC.length), HEADER_MAGIC)) {
      throw new ApiError('VAULT_CORRUPT', 'Header magic does not match');
    }
    const version = r.u16();
    checkVersion(version, 'Header');
    if (file.length < DIGEST_BYTES * 2) throw new TruncatedError('short');
    const withMac = file.subarray(0, file.length - DIGEST_BYTES);
    if (!equalBytes(sha256(withMac), file.subarray(file.length - DIGEST_BYTES))) {
      throw new ApiError('VAULT_CORRUPT', 'Header checksum does not match');
    }
    const vaultId = Buffer.from(r.bytes(VAULT_ID_BYTES));
    const count = r.u8();
    if (count === 0 || count > MAX_SLOTS) throw new ApiError('VAULT_CORRUPT', 'Bad slot count');
    const slots: KeySlot[] = [];
    for (let i = 0; i < count; i++) slots.push(readSlot(r));
    const body = file.subarray(0, r.offset);
    const mac = r.bytes(DIGEST_BYTES);
    if (r.remaining !== DIGEST_BYTES) throw new ApiError('VAULT_CORRUPT', 'Header length');
    return { header: { version, vaultId, slots }, body, mac };
  } catch (err) {
    if (err instanceof TruncatedError) throw new ApiError('VAULT_CORRUPT', 'Header truncated');
    throw err;
  }
}

/** A newer version is the user's cue to update the app; anything else is damage. */
export function checkVersion(version: number, what: string): void {
  if (version > FORMAT_VERSION)
    throw new ApiError('UNSUPPORTED_VERSION', `${what} format is newer`);
  if (version !== FORMAT_VERSION) throw new ApiError('VAULT_CORRUPT', `${what} version is damaged`);
}

function readSlot(r: ByteReader): KeySlot {
  const type = r.u8();
  const kdfId = r.u8();
  if (kdfId !== KDF_ARGON2ID13) throw new ApiError('UNSUPPORTED_VERSION', 'Unknown KDF');
  const kdf = { opsLimit: r.u32(), memKiB: r.u32() };
  // Bounds stop a doctored header from making the KDF exhaust memory or run for hours.
  if (kdf.opsLimit < 1 || kdf.opsLimit > 64 || kdf.memKiB < 8 || kdf.memKiB > 4 * 1024 * 1024) {
    throw new ApiError('VAULT_CORRUPT', 'KDF parameters out of range');
  }
  const salt = Buffer.from(r.bytes(SALT_BYTES));
  const nonce = Buffer.from(r.bytes(NONCE_BYTES));
  const wrappedKey = Buffer.from(r.bytes(KEY_BYTES + TAG_BYTES));
  return { type, kdf, salt, nonce, wrappedKey };
}

/** Tries each passphrase slot; returns the data key after checking the header MAC with it. */
export async function unlockHeader(
  file: Buffer,
  passphrase: string,
): Promise<{ header: VaultHeader; dataKey: Buffer }> {
  const { header, body, mac } = decodeHeader(file);
  for (const slot of header.slots) {
    if (slot.type !== SLOT_PASSPHRASE) continue;
    const kek = await deriveKek(passphrase, slot.salt, slot.kdf);
    const dataKey = open(kek, slot.nonce, slot.wrappedKey, slotAad(header.vaultId, slot));
    kek.fill(0);
    if (!dataKey) continue;
    if (!equalBytes(hmac(subkey(dataKey, header.vaultId, 'header'), body), mac)) {
      dataKey.fill(0);
      throw new ApiError('VAULT_CORRUPT', 'Header authentication failed');
    }
    return { header, dataKey };
  }
  throw new ApiError('WRONG_PASSPHRASE', 'No key slot opens with this passphrase');
}
