import { ApiError } from '../api/errors';
import { ByteReader, ByteWriter, TruncatedError } from './bytes';
import { equalBytes, NONCE_BYTES, open, randomBytes, seal } from './crypto';
import { checkVersion, FORMAT_VERSION, VAULT_ID_BYTES } from './header';

export const SNAPSHOT_MAGIC = Buffer.from('VIGILSNP', 'ascii');

function prefix(vaultId: Buffer, generation: bigint): Buffer {
  return new ByteWriter()
    .bytes(SNAPSHOT_MAGIC)
    .u16(FORMAT_VERSION)
    .bytes(vaultId)
    .u64(generation)
    .toBuffer();
}

/** The whole database, encrypted; the plaintext prefix is authenticated as associated data. */
export function encodeSnapshot(
  key: Buffer,
  vaultId: Buffer,
  generation: bigint,
  database: Uint8Array,
): Buffer {
  const head = prefix(vaultId, generation);
  const nonce = randomBytes(NONCE_BYTES);
  return Buffer.concat([head, nonce, seal(key, nonce, database, head)]);
}

/**
 * Authenticates before believing any field: a flipped byte in the version is damage, and only
 * an authentic snapshot of a newer format asks the user to update.
 */
export function decodeSnapshot(
  key: Buffer,
  vaultId: Buffer,
  file: Buffer,
): { generation: bigint; database: Buffer } {
  try {
    const r = new ByteReader(file);
    if (!equalBytes(r.bytes(SNAPSHOT_MAGIC.length), SNAPSHOT_MAGIC)) {
      throw new ApiError('VAULT_CORRUPT', 'Snapshot magic does not match');
    }
    const version = r.u16();
    if (!equalBytes(r.bytes(VAULT_ID_BYTES), vaultId)) {
      throw new ApiError('VAULT_CORRUPT', 'Snapshot belongs to another vault');
    }
    const generation = r.u64();
    const head = file.subarray(0, r.offset);
    const nonce = r.bytes(NONCE_BYTES);
    const database = open(key, nonce, r.bytes(r.remaining), head);
    if (!database) throw new ApiError('VAULT_CORRUPT', 'Snapshot authentication failed');
    checkVersion(version, 'Snapshot');
    return { generation, database };
  } catch (err) {
    if (err instanceof TruncatedError) throw new ApiError('VAULT_CORRUPT', 'Snapshot truncated');
    throw err;
  }
}
