import { promises as fs } from 'node:fs';
import { ApiError } from '../api/errors';
import { ByteReader, ByteWriter } from './bytes';
import { equalBytes, NONCE_BYTES, open, randomBytes, seal, TAG_BYTES } from './crypto';
import { fsStep } from './fsSteps';
import { FORMAT_VERSION } from './header';

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
  payloads: Buffer[];
  /** Bytes of the file that hold complete, authentic records (the prefix included). */
  goodLength: number;
  /** True when an incomplete last record was left by an interrupted write. */
  tornTail: boolean;
  /** The first damaged record (0 for the prefix) and why; later records cannot be trusted. */
  damage: { record: number; reason: string } | null;
}

/**
 * Reads every record of the journal of `generation`. Only the last record may be incomplete (a
 * write interrupted by a crash, never acknowledged); damage anywhere else, the last complete
 * record included, is reported with the records before it, and the caller decides.
 */
export function decodeJournal(
  key: Buffer,
  vaultId: Buffer,
  generation: bigint,
  file: Buffer,
): JournalContents {
  const prefix = journalPrefix(vaultId, generation);
  if (file.length < prefix.length || !equalBytes(file.subarray(0, prefix.length), prefix)) {
    if (isNewerJournal(key, file, prefix)) {
      throw new ApiError('UNSUPPORTED_VERSION', 'Journal format is newer');
    }
    return {
      payloads: [],
      goodLength: 0,
      tornTail: false,
      damage: { record: 0, reason: 'prefix' },
    };
  }
  const r = new ByteReader(file);
  r.offset = prefix.length;
  const payloads: Buffer[] = [];
  let goodLength = r.offset;
  const result = (tornTail: boolean, damage: JournalContents['damage']): JournalContents => ({
    payloads,
    goodLength,
    tornTail,
    damage,
  });
  while (r.remaining > 0) {
    const record = payloads.length + 1;
    const read = readRecord(r);
    if (read === 'torn') return result(true, null);
    if (read === 'damaged') return result(false, { record, reason: 'length' });
    const payload = open(
      key,
      read.nonce,
      read.sealed,
      recordAad(vaultId, generation, BigInt(record)),
    );
    if (!payload) {
      // A power cut can leave a record's last blocks unwritten (zeros); a real tag is never zero.
      const tag = read.sealed.subarray(read.sealed.length - TAG_BYTES);
      if (r.remaining === 0 && tag.every((byte) => byte === 0)) return result(true, null);
      return result(false, { record, reason: 'authentication' });
    }
    payloads.push(payload);
    goodLength = r.offset;
  }
  return result(false, null);
}

/**
 * A prefix that differs from ours only by a higher version is a newer format only if its first
 * record authenticates under that prefix; otherwise the version byte is damage.
 */
function isNewerJournal(key: Buffer, file: Buffer, expected: Buffer): boolean {
  const versionAt = JOURNAL_MAGIC.length;
  if (file.length < expected.length || file.readUInt16BE(versionAt) <= FORMAT_VERSION) return false;
  const actual = file.subarray(0, expected.length);
  const sameElsewhere =
    equalBytes(actual.subarray(0, versionAt), expected.subarray(0, versionAt)) &&
    equalBytes(actual.subarray(versionAt + 2), expected.subarray(versionAt + 2));
  if (!sameElsewhere) return false;
  const r = new ByteReader(file);
  r.offset = expected.length;
  const first = readRecord(r);
  if (typeof first === 'string') return false;
  const aad = new ByteWriter().bytes(actual).u64(1n).toBuffer();
  return open(key, first.nonce, first.sealed, aad) !== null;
}

/**
 * Reads one record, 'torn' for an incomplete record at the end of the file (an interrupted
 * append, never acknowledged), or 'damaged' for a length that fails its own check.
 */
function readRecord(r: ByteReader): { nonce: Buffer; sealed: Buffer } | 'torn' | 'damaged' {
  if (r.remaining < LENGTH_BYTES) return 'torn';
  const rest = r.peekRest();
  const length = r.u32();
  const check = r.u32();
  if (check !== ~length >>> 0) return rest.every((byte) => byte === 0) ? 'torn' : 'damaged';
  if (length < NONCE_BYTES + TAG_BYTES || length > MAX_RECORD_BYTES) return 'damaged';
  if (length > r.remaining) return 'torn';
  return { nonce: r.bytes(NONCE_BYTES), sealed: r.bytes(length - NONCE_BYTES) };
}

/** An open journal file that appends one record per commit, each fdatasync'ed before return. */
export class JournalWriter {
  private constructor(
    private readonly file: string,
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
    fsStep('truncate', file);
    await handle.truncate(contents.goodLength);
    fsStep('fsync', file);
    await handle.datasync();
    return new JournalWriter(
      file,
      handle,
      key,
      vaultId,
      generation,
      BigInt(contents.payloads.length) + 1n,
      contents.goodLength,
    );
  }

  /** Appends records in one write and one fdatasync: a group of commits shares the sync. */
  async append(payloads: Uint8Array[]): Promise<void> {
    const records = payloads.map((payload, i) =>
      encodeRecord(this.key, this.vaultId, this.generation, this.nextSequence + BigInt(i), payload),
    );
    const bytes = Buffer.concat(records);
    try {
      fsStep('write', this.file);
      await this.handle.write(bytes, 0, bytes.length, this.size);
      fsStep('fsync', this.file);
      await this.handle.datasync();
    } catch (err) {
      // A half-written record must not stay in front of the next one, or the journal would
      // read as damaged on the next unlock. Best effort: the unlock also drops a torn tail.
      await this.handle.truncate(this.size).catch(() => undefined);
      throw err;
    }
    this.size += bytes.length;
    this.nextSequence += BigInt(records.length);
  }

  /** Records appended so far, and bytes: what decides when to compact. */
  get recordCount(): number {
    return Number(this.nextSequence - 1n);
  }

  get byteLength(): number {
    return this.size;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
