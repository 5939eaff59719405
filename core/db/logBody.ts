import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { SqlValue } from 'sql.js';
import type { WriteDb } from './handle';
import { all, first, run } from './statements';

/**
 * Bodies this long or longer (UTF-8 bytes) are stored packed. A one-field edit's set is a few
 * hundred bytes to a kilobyte or two, and packing it would add to every commit (30-50 us, about
 * 3% of applying it); the bulk sets of an import or a demo load, megabytes each, are where the
 * bytes are.
 */
const PACK_FROM = 2048;

/**
 * How the change log stores a set's canonical text (docs/vault-format.md, "The change log"):
 * the text itself, or, from PACK_FROM bytes on (since schema 7), a BLOB of raw DEFLATE
 * (RFC 1951) of its UTF-8 bytes. The text is JSON full of repeated keys and hex ids and shrinks
 * about eight times; the digest stays over the text. Level 1: the higher levels took three
 * times as long for a tenth less. Node's zlib rather than fflate: the same format, written two
 * to four times faster.
 */
export function storedLogBody(text: string): SqlValue {
  const bytes = Buffer.from(text, 'utf8');
  return bytes.length < PACK_FROM ? text : deflateRawSync(bytes, { level: 1 });
}

/** The canonical text of a stored body: every reader of `sync_log.body` goes through here. */
export function logBodyText(stored: SqlValue): string {
  if (typeof stored === 'string') return stored;
  if (!(stored instanceof Uint8Array))
    throw new Error('A change-log body is neither text nor packed');
  return inflateRawSync(stored).toString('utf8');
}

/**
 * Migration 7's step: each body kept as text is stored as `storedLogBody` stores it. The rows
 * are found by length first, then packed one at a time: a large vault's log does not fit in
 * memory twice as text.
 */
export function packLog(db: WriteDb): void {
  const long = all(
    db,
    `SELECT hlc FROM sync_log WHERE typeof(body) = 'text' AND length(CAST(body AS BLOB)) >= ${PACK_FROM}`,
  );
  for (const { hlc } of long) {
    const body = String(first(db, 'SELECT body FROM sync_log WHERE hlc = ?', [hlc!])!.body);
    run(db, 'UPDATE sync_log SET body = ? WHERE hlc = ?', [storedLogBody(body), hlc!]);
  }
}
