import { ApiError } from '../api/errors';
import { ByteReader, ByteWriter, TruncatedError } from './bytes';
import { equalBytes, NONCE_BYTES, open, randomBytes, seal, TAG_BYTES } from './crypto';
import { VAULT_ID_BYTES } from './header';

export const SNAPSHOT_MAGIC = Buffer.from('VIGILSNP', 'ascii');

/**
 * Version 2 seals the database in segments, so that neither writing nor reading a snapshot
 * needs a second and third copy of the whole database in memory, and a compaction yields to
 * commits between segments. Version 1 (one seal over the whole image) is still read.
 */
export const SNAPSHOT_VERSION = 2;
const WHOLE_IMAGE_VERSION = 1;

/** Plaintext bytes per segment: small enough to seal in a few milliseconds. */
export const SEGMENT_BYTES = 1 << 20;
/** A larger segment size in a header is damage, not a reason to allocate it. */
const MAX_SEGMENT_BYTES = 64 << 20;
const MAX_DATABASE_BYTES = 2 ** 40;

/** magic, version, vault id, generation: the prefix both versions share. */
const PREFIX_BYTES = 34;
/** The prefix, then segment size (u32) and database length (u64). */
export const SEGMENTED_HEAD_BYTES = PREFIX_BYTES + 4 + 8;

/**
 * Reads `length` bytes at `offset`; fewer at the end of the file. The bytes may be overwritten by
 * the next read, so each is used before the next is asked for.
 */
export type ReadAt = (offset: number, length: number) => Promise<Uint8Array>;

/** Segment i's associated data: the whole head, then i, so segments cannot be moved or cut. */
function segmentAad(head: Uint8Array, index: number): Buffer {
  return new ByteWriter().bytes(head).u64(BigInt(index)).toBuffer();
}

/**
 * The snapshot file in pieces, in order: the head, then each segment sealed only when it is
 * asked for. Written piece by piece (writeFileAtomic), the sealed file never exists in memory.
 */
export function* snapshotPieces(
  key: Buffer,
  vaultId: Buffer,
  generation: bigint,
  database: Uint8Array,
): Generator<Buffer> {
  const head = new ByteWriter()
    .bytes(SNAPSHOT_MAGIC)
    .u16(SNAPSHOT_VERSION)
    .bytes(vaultId)
    .u64(generation)
    .u32(SEGMENT_BYTES)
    .u64(BigInt(database.length))
    .toBuffer();
  yield head;
  for (let index = 0; index * SEGMENT_BYTES < database.length; index++) {
    const nonce = randomBytes(NONCE_BYTES);
    const plain = database.subarray(index * SEGMENT_BYTES, (index + 1) * SEGMENT_BYTES);
    yield Buffer.concat([nonce, seal(key, nonce, plain, segmentAad(head, index))]);
  }
}

function damage(message: string): ApiError {
  return new ApiError('VAULT_CORRUPT', message);
}

/**
 * Authenticates before believing any field: a flipped byte in the version is damage, and only
 * an authentic snapshot of a newer format asks the user to update. Reads through `readAt` one
 * segment at a time into the database image, the only full-size buffer.
 */
export async function readSnapshot(
  key: Buffer,
  vaultId: Buffer,
  fileLength: number,
  readAt: ReadAt,
): Promise<{ generation: bigint; version: number; database: Uint8Array }> {
  try {
    const head = Buffer.from(await readAt(0, SEGMENTED_HEAD_BYTES));
    const r = new ByteReader(head);
    if (!equalBytes(r.bytes(SNAPSHOT_MAGIC.length), SNAPSHOT_MAGIC))
      throw damage('Snapshot magic does not match');
    const version = r.u16();
    if (!equalBytes(r.bytes(VAULT_ID_BYTES), vaultId))
      throw damage('Snapshot belongs to another vault');
    const generation = r.u64();
    if (version === WHOLE_IMAGE_VERSION) {
      const bytes = await readAt(0, fileLength);
      const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
      return { generation, version, database: openWholeImage(key, file) };
    }
    const database = await openSegments(key, head, r, fileLength, readAt);
    if (version > SNAPSHOT_VERSION)
      throw new ApiError('UNSUPPORTED_VERSION', 'Snapshot written by a newer version');
    if (version !== SNAPSHOT_VERSION) throw damage('Snapshot version is damaged');
    return { generation, version, database };
  } catch (err) {
    if (err instanceof TruncatedError) throw damage('Snapshot truncated');
    throw err;
  }
}

function openWholeImage(key: Buffer, file: Buffer): Buffer {
  const head = file.subarray(0, PREFIX_BYTES);
  const nonce = file.subarray(PREFIX_BYTES, PREFIX_BYTES + NONCE_BYTES);
  if (nonce.length < NONCE_BYTES) throw new TruncatedError();
  const database = open(key, nonce, file.subarray(PREFIX_BYTES + NONCE_BYTES), head);
  if (!database) throw damage('Snapshot authentication failed');
  return database;
}

async function openSegments(
  key: Buffer,
  head: Buffer,
  r: ByteReader,
  fileLength: number,
  readAt: ReadAt,
): Promise<Uint8Array> {
  const segmentBytes = r.u32();
  const total = r.u64();
  if (segmentBytes === 0 || segmentBytes > MAX_SEGMENT_BYTES || total === 0n)
    throw damage('Snapshot segment layout is damaged');
  if (total > BigInt(MAX_DATABASE_BYTES)) throw damage('Snapshot length is damaged');
  const length = Number(total);
  const segments = Math.ceil(length / segmentBytes);
  const overhead = NONCE_BYTES + TAG_BYTES;
  if (fileLength !== SEGMENTED_HEAD_BYTES + length + segments * overhead)
    throw damage('Snapshot length does not match its segments');
  const database = new Uint8Array(length);
  let at = SEGMENTED_HEAD_BYTES;
  for (let index = 0; index < segments; index++) {
    const plainBytes = Math.min(segmentBytes, length - index * segmentBytes);
    const sealed = await readAt(at, plainBytes + overhead);
    if (sealed.length !== plainBytes + overhead) throw new TruncatedError();
    const nonce = sealed.subarray(0, NONCE_BYTES);
    const plain = open(key, nonce, sealed.subarray(NONCE_BYTES), segmentAad(head, index));
    if (!plain) throw damage('Snapshot authentication failed');
    database.set(plain, index * segmentBytes);
    at += sealed.length;
  }
  return database;
}
