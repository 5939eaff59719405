import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import type { ContactCard } from './contactFile';

/**
 * The safety number two colleagues compare (read aloud, or one screen's QR code scanned by
 * the other) before they trust each other's contact: 60 digits, the same on both screens.
 * After Signal's safety numbers. Construction (docs/sync-format.md, "Fingerprint"):
 *
 *   key(c)   = ASCII(c.installId) || 0x0A || ASCII(c.ageRecipient) || 0x0A || Ed25519 public key
 *              (32 raw bytes)
 *   h        = 0x00 0x01 (version 1, two bytes) || key(c)
 *   5200 times: h = SHA-512(h || key(c))
 *   half(c)  = for each of the first six 5-byte chunks of h: the chunk as a big-endian number,
 *              mod 100000, as 5 decimal digits with leading zeros (30 digits)
 *   number   = the two halves sorted as strings, concatenated, in 12 groups of 5 digits
 *              separated by single spaces
 *
 * Any change to either party's install id, age recipient or signing key changes it.
 */

const VERSION = Buffer.from([0x00, 0x01]);
const ITERATIONS = 5200;
const CHUNKS = 6;
const CHUNK_BYTES = 5;

function partyKey(c: ContactCard): Buffer {
  return Buffer.concat([
    Buffer.from(`${c.installId}\n${c.ageRecipient}\n`, 'ascii'),
    Buffer.from(c.signing.publicKey, 'base64'),
  ]);
}

function half(c: ContactCard): string {
  const key = partyKey(c);
  let hash = Buffer.concat([VERSION, key]);
  for (let i = 0; i < ITERATIONS; i++) {
    hash = createHash('sha512').update(hash).update(key).digest();
  }
  let digits = '';
  for (let i = 0; i < CHUNKS; i++) {
    const chunk = hash.readUIntBE(i * CHUNK_BYTES, CHUNK_BYTES);
    digits += String(chunk % 100000).padStart(5, '0');
  }
  return digits;
}

/** The 60-digit safety number of two parties, whichever of them computes it. */
export function safetyNumber(a: ContactCard, b: ContactCard): string {
  const digits = [half(a), half(b)].sort().join('');
  return (digits.match(/\d{5}/g) ?? []).join(' ');
}

/** The text a safety number's QR code holds: its 60 digits, without spaces. */
export function safetyNumberDigits(number: string): string {
  return number.replace(/ /g, '');
}

/** The modules of a QR code of `text` (error correction M), row by row; true is dark. */
export function qrMatrix(text: string): { size: number; modules: boolean[] } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, modules: Array.from(modules.data, (bit) => bit !== 0) };
}
