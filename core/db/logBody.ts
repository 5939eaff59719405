import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { SqlValue } from 'sql.js';
import type { WriteDb } from './handle';
import { run } from './statements';

/**
 * How the change log stores a set's canonical text (since schema 7): raw DEFLATE (RFC 1951) of
 * its UTF-8 bytes, as a BLOB. The text is JSON full of repeated keys and hex ids and shrinks
 * about eight times; the digest stays over the text. Level 1: a bulk import's sets are megabytes
 * each, and the higher levels took three times as long for a tenth less. Node's zlib rather than
 * fflate: the same format, written two to four times faster (and a kilobyte's set in a third
 * of the time).
 */
export function packLogBody(text: string): Uint8Array {
  const bytes = Buffer.from(text, 'utf8');
  // A one-field edit's set is about a kilobyte: a window and state sized to it, rather than
  // zlib's 32 KB window and 128 KB of state, halve what packing it costs the commit.
  const windowBits = Math.min(15, Math.max(9, Math.ceil(Math.log2(bytes.length + 1))));
  return deflateRawSync(bytes, { level: 1, windowBits, memLevel: Math.max(1, windowBits - 7) });
}

/** The canonical text of a stored body: every reader of `sync_log.body` goes through here. */
export function logBodyText(stored: SqlValue): string {
  if (!(stored instanceof Uint8Array)) throw new Error('A change-log body is not a BLOB');
  return inflateRawSync(stored).toString('utf8');
}

/**
 * Migration 7's step: the change log's rows, renamed away by its SQL, copied into the new table
 * in their order with each text body packed. A body already a BLOB (written by this version's
 * migration 5 backfill, in the same run of migrations) is copied as it is. One row at a time:
 * a large vault's log does not fit in memory as text.
 */
export function packLog(db: WriteDb): void {
  const rows = db.prepare(
    'SELECT hlc, author, seq, digest, owners, body FROM sync_log_text ORDER BY rowid',
  );
  try {
    while (rows.step()) {
      const [hlc, author, seq, digest, owners, body] = rows.get();
      run(
        db,
        'INSERT INTO sync_log (hlc, author, seq, digest, owners, body) VALUES (?, ?, ?, ?, ?, ?)',
        [
          hlc!,
          author!,
          seq!,
          digest!,
          owners!,
          typeof body === 'string' ? packLogBody(body) : body!,
        ],
      );
    }
  } finally {
    rows.free();
  }
  db.exec('DROP TABLE sync_log_text');
}
