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
  kdfWithinBounds,
  type KdfParams,
} from './crypto';
import { parseRecoveryKey, type Secret } from './secret';

export const HEADER_MAGIC = Buffer.from('VIGILHDR', 'ascii');
export const FORMAT_VERSION = 1;
export const VAULT_ID_BYTES = 16;

export const SLOT_PASSPHRASE = 1;
export const SLOT_RECOVERY = 2;
const KDF_ARGON2ID13 = 1;
const KDF_HKDF_SHA256 = 2;
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

function kdfIdFor(type: number): number {
  return type === SLOT_RECOVERY ? KDF_HKDF_SHA256 : KDF_ARGON2ID13;
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
    .u8(kdfIdFor(slot.type))
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

/** The key-encryption key of a slot, or null when the secret is not of the slot's kind. */
async function slotKek(
  slot: Pick<KeySlot, 'type' | 'kdf' | 'salt'>,
  secret: Secret,
): Promise<Buffer | null> {
  if (slot.type === SLOT_PASSPHRASE && 'passphrase' in secret) {
    return deriveKek(secret.passphrase, slot.salt, slot.kdf);
  }
  if (slot.type === SLOT_RECOVERY && 'recoveryKey' in secret) {
    const entropy = parseRecoveryKey(secret.recoveryKey);
    if (!entropy) throw new ApiError('WRONG_RECOVERY_KEY', 'Not a valid recovery key');
    return subkey(entropy, slot.salt, 'recovery slot');
  }
  return null;
}

export async function makeSlot(
  vaultId: Buffer,
  dataKey: Buffer,
  secret: Secret,
  kdf: KdfParams,
): Promise<KeySlot> {
  const type = 'passphrase' in secret ? SLOT_PASSPHRASE : SLOT_RECOVERY;
  const slot = {
    type,
    kdf: type === SLOT_RECOVERY ? { opsLimit: 0, memKiB: 0 } : kdf,
    salt: randomBytes(SALT_BYTES),
  };
  const nonce = randomBytes(NONCE_BYTES);
  const kek = await slotKek(slot, secret);
  if (!kek) throw new ApiError('INTERNAL', 'Slot kind and secret differ');
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

/** A newer version is the user's cue to update the app; anything else is damage. */
export function checkVersion(version: number, what: string): void {
  if (version > FORMAT_VERSION)
    throw new ApiError('UNSUPPORTED_VERSION', `${what} format is newer`);
  if (version !== FORMAT_VERSION) throw new ApiError('VAULT_CORRUPT', `${what} version is damaged`);
}

const headerDamage = (reason: string) =>
  new ApiError('VAULT_CORRUPT', reason, { file: 'vault.vgh', repairable: false });

/**
 * Parses a header without any key. The unkeyed checksum lets accidental damage be reported as
 * VAULT_CORRUPT before the slow KDF runs and before it could be mistaken for a wrong passphrase.
 */
export function decodeHeader(file: Buffer): { header: VaultHeader; body: Buffer; mac: Buffer } {
  try {
    const r = new ByteReader(file);
    if (!equalBytes(r.bytes(HEADER_MAGIC.length), HEADER_MAGIC))
      throw headerDamage('Header magic does not match');
    // The checksum first: a flipped version byte is damage, not a newer version.
    if (file.length < DIGEST_BYTES * 2) throw new TruncatedError('short');
    const withMac = file.subarray(0, file.length - DIGEST_BYTES);
    if (!equalBytes(sha256(withMac), file.subarray(file.length - DIGEST_BYTES))) {
      throw headerDamage('Header checksum does not match');
    }
    const version = r.u16();
    if (version > FORMAT_VERSION)
      throw new ApiError('UNSUPPORTED_VERSION', 'Header format is newer');
    if (version !== FORMAT_VERSION) throw headerDamage('Header version is damaged');
    const vaultId = Buffer.from(r.bytes(VAULT_ID_BYTES));
    const count = r.u8();
    if (count === 0 || count > MAX_SLOTS) throw headerDamage('Bad slot count');
    const slots: KeySlot[] = [];
    for (let i = 0; i < count; i++) slots.push(readSlot(r));
    const body = file.subarray(0, r.offset);
    const mac = r.bytes(DIGEST_BYTES);
    if (r.remaining !== DIGEST_BYTES) throw headerDamage('Header length');
    return { header: { version, vaultId, slots }, body, mac };
  } catch (err) {
    if (err instanceof TruncatedError) throw headerDamage('Header truncated');
    throw err;
  }
}

function readSlot(r: ByteReader): KeySlot {
  const type = r.u8();
  const kdfId = r.u8();
  if (type !== SLOT_PASSPHRASE && type !== SLOT_RECOVERY)
    throw new ApiError('UNSUPPORTED_VERSION', 'Unknown slot');
  if (kdfId !== kdfIdFor(type)) throw headerDamage('Slot KDF does not match its kind');
  const kdf = { opsLimit: r.u32(), memKiB: r.u32() };
  // Bounds stop a doctored header from making the KDF exhaust memory or run for hours.
  const sane =
    type === SLOT_RECOVERY ? kdf.opsLimit === 0 && kdf.memKiB === 0 : kdfWithinBounds(kdf);
  if (!sane) throw headerDamage('KDF parameters out of range');
  const salt = Buffer.from(r.bytes(SALT_BYTES));
  const nonce = Buffer.from(r.bytes(NONCE_BYTES));
  const wrappedKey = Buffer.from(r.bytes(KEY_BYTES + TAG_BYTES));
  return { type, kdf, salt, nonce, wrappedKey };
}

/** Tries each slot of the secret's kind; returns the data key after checking the header MAC. */
export async function unlockHeader(
  file: Buffer,
  secret: Secret,
): Promise<{ header: VaultHeader; dataKey: Buffer }> {
  const { header, body, mac } = decodeHeader(file);
  for (const slot of header.slots) {
    const kek = await slotKek(slot, secret);
    if (!kek) continue;
    const dataKey = open(kek, slot.nonce, slot.wrappedKey, slotAad(header.vaultId, slot));
    kek.fill(0);
    if (!dataKey) continue;
    if (!equalBytes(hmac(subkey(dataKey, header.vaultId, 'header'), body), mac)) {
      dataKey.fill(0);
      throw headerDamage('Header authentication failed');
    }
    return { header, dataKey };
  }
  if ('recoveryKey' in secret)
    throw new ApiError('WRONG_RECOVERY_KEY', 'No slot opens with this recovery key');
  throw new ApiError('WRONG_PASSPHRASE', 'No key slot opens with this passphrase');
}

/** The header with its passphrase slot replaced; the recovery slot is kept as it was. */
export async function withNewPassphrase(
  header: VaultHeader,
  dataKey: Buffer,
  passphrase: string,
  kdf: KdfParams,
): Promise<Buffer> {
  const slot = await makeSlot(header.vaultId, dataKey, { passphrase }, kdf);
  const slots = [slot, ...header.slots.filter((s) => s.type !== SLOT_PASSPHRASE)];
  return encodeHeader({ ...header, slots }, dataKey);
}
