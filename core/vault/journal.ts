import { promises as fs } from 'node:fs';
import { ApiError } from '../api/errors';
import { ByteReader, ByteWriter, TruncatedError } from './bytes';
import { equalBytes, NONCE_BYTES, open, randomBytes, seal, TAG_BYTES } from './crypto';
import { checkVersion, FORMAT_VERSION, VAULT_ID_BYTES } from './header';

export const JOURNAL_MAGIC = Buffer.from('VIGILJNL', 'ascii');
/** The record length, then its bitwise complement: a damaged length is detected, not trusted. */
const LENGTH_BYTES = 8;
/** A record longer than this is damage, not data: change sets are kilobytes. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

export function journalPrefix(vaultId: Buffer, generation: bigint): Buffer {
  return new ByteWriter()
    .bytes(JOURNAL_MAGIC)
    .u16(FORMAT_VERSION)
    .bytes(vaultId)
    .u64(generation)
    .toBuffer();
}

/**
 * Each record is bound to the journal's whole prefix (format, vault, generation) and to its
 * position: none can be moved, replayed elsewhere or reinterpreted by another version.
 */
function recordAad(vaultId: Buffer, generation: bigint, sequence: bigint): Buffer {
  return new ByteWriter().bytes(journalPrefix(vaultId, generation)).u64(sequence).toBuffer();
}

export function encodeRecord(
  key: Buffer,
  vaultId: Buffer,
  generation: bigint,
  sequence: bigint,
  payload: Uint8Array,
): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const sealed = seal(key, nonce, payload, recordAad(vaultId, generation, sequence));
  const length = NONCE_BYTES + sealed.length;
  return new ByteWriter()
    .u32(length)
    .u32(~length >>> 0)
    .bytes(nonce)
    .bytes(sealed)
    .toBuffer();
}

export interface JournalContents {
  generation: bigint;
  payloads: Buffer[];
  /** Bytes of the file that hold complete, authentic records (the prefix included). */
  goodLength: number;
  /** True when an incomplete or unreadable last record was left by an interrupted write. */
  tornTail: boolean;
}

/**
 * Reads every record. Only the last record may be incomplete (a write interrupted by a crash,
 * never acknowledged); damage anywhere, the last complete record included, is VAULT_CORRUPT.
 */
export function decodeJournal(key: Buffer, vaultId: Buffer, file: Buffer): JournalContents {
  const r = new ByteReader(file);
  let generation: bigint;
  try {
    if (!equalBytes(r.bytes(JOURNAL_MAGIC.length), JOURNAL_MAGIC)) {
      throw new ApiError('VAULT_CORRUPT', 'Journal magic does not match');
    }
    checkVersion(r.u16(), 'Journal');
    if (!equalBytes(r.bytes(VAULT_ID_BYTES), vaultId)) {
      throw new ApiError('VAULT_CORRUPT', 'Journal belongs to another vault');
    }
    generation = r.u64();
  } catch (err) {
    if (err instanceof TruncatedError)
      throw new ApiError('VAULT_CORRUPT', 'Journal header truncated');
    throw err;
  }
  const payloads: Buffer[] = [];
  let goodLength = r.offset;
  let sequence = 1n;
  while (r.remaining > 0) {
    const record = readRecord(r);
    if (record === 'torn') return { generation, payloads, goodLength, tornTail: true };
    const payload = open(
      key,
      record.nonce,
      record.sealed,
      recordAad(vaultId, generation, sequence),
    );
    if (!payload) {
      // A power cut can leave a record's last blocks unwritten (zeros); a real tag is never zero.
      const tag = record.sealed.subarray(record.sealed.length - TAG_BYTES);
      if (r.remaining === 0 && tag.every((byte) => byte === 0)) {
        return { generation, payloads, goodLength, tornTail: true };
      }
      throw new ApiError('VAULT_CORRUPT', `Journal record ${sequence} failed authentication`);
    }
    payloads.push(payload);
    goodLength = r.offset;
    sequence++;
  }
  return { generation, payloads, goodLength, tornTail: false };
}

/**
 * Reads one record, or 'torn' for an incomplete record at the end of the file (an interrupted
 * append, never acknowledged). A length that fails its own check is damage, not a torn write.
 */
function readRecord(r: ByteReader): { nonce: Buffer; sealed: Buffer } | 'torn' {
  if (r.remaining < LENGTH_BYTES) return 'torn';
  const rest = r.peekRest();
  const length = r.u32();
  const check = r.u32();
  if (check !== ~length >>> 0) {
    if (rest.every((byte) => byte === 0)) return 'torn';
    throw new ApiError('VAULT_CORRUPT', 'Journal record length is damaged');
  }
  if (length < NONCE_BYTES + TAG_BYTES || length > MAX_RECORD_BYTES) {
    throw new ApiError('VAULT_CORRUPT', 'Journal record length is out of range');
  }
  if (length > r.remaining) return 'torn';
  return { nonce: r.bytes(NONCE_BYTES), sealed: r.bytes(length - NONCE_BYTES) };
}

/** An open journal file that appends one record per commit, each fdatasync'ed before return. */
export class JournalWriter {
  private constructor(
    private readonly handle: fs.FileHandle,
    private readonly key: Buffer,
    private readonly vaultId: Buffer,
    readonly generation: bigint,
    private nextSequence: bigint,
    private size: number,
  ) {}

  static async open(
    file: string,
    key: Buffer,
    vaultId: Buffer,
    generation: bigint,
    contents: Pick<JournalContents, 'goodLength' | 'payloads'>,
  ): Promise<JournalWriter> {
    const handle = await fs.open(file, 'r+');
    // Cut a torn tail away before appending, so new records follow the last good one.
    await handle.truncate(contents.goodLength);
    await handle.datasync();
    return new JournalWriter(
      handle,
      key,
      vaultId,
      generation,
      BigInt(contents.payloads.length) + 1n,
      contents.goodLength,
    );
  }

  async append(payload: Uint8Array): Promise<void> {
    const record = encodeRecord(
      this.key,
      this.vaultId,
      this.generation,
      this.nextSequence,
      payload,
    );
    try {
      await this.handle.write(record, 0, record.length, this.size);
      await this.handle.datasync();
    } catch (err) {
      // A half-written record must not stay in front of the next one, or the journal would
      // read as damaged on the next unlock. Best effort: the unlock also drops a torn tail.
      await this.handle.truncate(this.size).catch(() => undefined);
      throw err;
    }
    this.size += record.length;
    this.nextSequence++;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
