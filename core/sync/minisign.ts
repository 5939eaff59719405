import { createHash } from 'node:crypto';
import {
  decodeBase64Exact,
  keyIdOf,
  signRaw,
  verifyRaw,
  type SigningKey,
  type SigningPublicKey,
} from './keys';

/**
 * Signatures in minisign's format (https://jedisct1.github.io/minisign/), so that anyone can
 * check what a Vigil installation signed with the stock `minisign -V`, and so that our
 * verifier is held to a format someone else defined. We write the prehashed variant only
 * ("ED": Ed25519 over BLAKE2b-512 of the message), which is minisign's default since 0.10.
 * Byte layout: docs/sync-format.md, "Signatures".
 */

const PUBLIC_KEY_ALGORITHM = 'Ed';
const PREHASHED_ALGORITHM = 'ED';
const KEY_ID_BYTES = 8;
const PUBLIC_KEY_BYTES = 2 + KEY_ID_BYTES + 32;
const SIGNATURE_BYTES = 2 + KEY_ID_BYTES + 64;
const UNTRUSTED = 'untrusted comment: ';
const TRUSTED = 'trusted comment: ';

/**
 * minisign prints a key id as the hex of the 8 bytes read as a little-endian number, so the
 * same id reads byte-reversed there. Used only in the untrusted comments we write, which then
 * match what `minisign` itself would print for the key.
 */
function minisignKeyIdText(keyId: string): string {
  return Buffer.from(keyId, 'hex').reverse().toString('hex').toUpperCase();
}

/** The one-line public key (`RW…`): base64 of "Ed" || key id || public key. */
export function minisignPublicKey(pub: SigningPublicKey): string {
  const raw = decodeBase64Exact(pub.publicKey, 32);
  if (raw === null || !/^[0-9a-f]{16}$/.test(pub.keyId)) throw new Error('malformed public key');
  return Buffer.concat([
    Buffer.from(PUBLIC_KEY_ALGORITHM, 'latin1'),
    Buffer.from(pub.keyId, 'hex'),
    raw,
  ]).toString('base64');
}

/** The public key file that `minisign -V -p <file>` reads. */
export function minisignPublicKeyFile(pub: SigningPublicKey): string {
  return `${UNTRUSTED}minisign public key ${minisignKeyIdText(pub.keyId)}\n${minisignPublicKey(pub)}\n`;
}

/**
 * The key id and key in a one-line public key, or null if it is not one. minisign's own keys
 * carry a random key id; ours follow the rule of keys.ts, which parseMinisignPublicKey checks.
 */
export function decodeMinisignPublicKey(base64Line: string): SigningPublicKey | null {
  const bytes = decodeBase64Exact(base64Line.trim(), PUBLIC_KEY_BYTES);
  if (bytes === null || bytes.subarray(0, 2).toString('latin1') !== PUBLIC_KEY_ALGORITHM) {
    return null;
  }
  return {
    keyId: bytes.subarray(2, 2 + KEY_ID_BYTES).toString('hex'),
    publicKey: bytes.subarray(2 + KEY_ID_BYTES).toString('base64'),
  };
}

/**
 * A Vigil public key line, or null. The embedded key id must be the one derived from the
 * public key (keys.ts), so a contact cannot pair someone's key with another id.
 */
export function parseMinisignPublicKey(base64Line: string): SigningPublicKey | null {
  const pub = decodeMinisignPublicKey(base64Line);
  if (pub === null) return null;
  return keyIdOf(Buffer.from(pub.publicKey, 'base64')) === pub.keyId ? pub : null;
}

function blake2b512(message: Uint8Array): Buffer {
  return createHash('blake2b512').update(message).digest();
}

/** A minisign signature file (four lines, each ending in "\n") of `message`. */
export function signDetached(key: SigningKey, message: Uint8Array, trustedComment: string): string {
  if (/[\r\n]/.test(trustedComment)) throw new Error('a trusted comment is one line');
  const signature = signRaw(key, blake2b512(message));
  const comment = Buffer.from(trustedComment, 'utf8');
  const global = signRaw(key, Buffer.concat([signature, comment]));
  const line = Buffer.concat([
    Buffer.from(PREHASHED_ALGORITHM, 'latin1'),
    Buffer.from(key.keyId, 'hex'),
    signature,
  ]).toString('base64');
  return (
    `${UNTRUSTED}signature from Vigil key ${minisignKeyIdText(key.keyId)}\n` +
    `${line}\n${TRUSTED}${trustedComment}\n${global.toString('base64')}\n`
  );
}

interface ParsedSignature {
  keyId: string;
  signature: Buffer;
  trustedComment: string;
  global: Buffer;
}

/** The four lines of a signature file, strictly: only "\n" ends a line, and the last one too. */
function parseSignature(text: string): ParsedSignature | null {
  const lines = text.split('\n');
  if (lines.length !== 5 || lines[4] !== '') return null;
  const [untrusted, line, trusted, globalLine] = lines as [string, string, string, string];
  if (!untrusted.startsWith(UNTRUSTED) || !trusted.startsWith(TRUSTED)) return null;
  const bytes = decodeBase64Exact(line, SIGNATURE_BYTES);
  const global = decodeBase64Exact(globalLine, 64);
  if (bytes === null || global === null) return null;
  if (bytes.subarray(0, 2).toString('latin1') !== PREHASHED_ALGORITHM) return null;
  return {
    keyId: bytes.subarray(2, 2 + KEY_ID_BYTES).toString('hex'),
    signature: bytes.subarray(2 + KEY_ID_BYTES),
    trustedComment: trusted.slice(TRUSTED.length),
    global,
  };
}

/** The key id a signature names, to find the signer's key before verifying; null if malformed. */
export function signatureKeyId(signatureText: string): string | null {
  return parseSignature(signatureText)?.keyId ?? null;
}

/**
 * The trusted comment of a valid signature of `message` by `pub`, or null: malformed, another
 * key's, or either signature (of the message, of the trusted comment) not valid. Never throws.
 */
export function verifyDetached(
  pub: SigningPublicKey,
  message: Uint8Array,
  signatureText: string,
): { trustedComment: string } | null {
  try {
    const parsed = parseSignature(signatureText);
    if (parsed === null || parsed.keyId !== pub.keyId) return null;
    if (!verifyRaw(pub, blake2b512(message), parsed.signature)) return null;
    const comment = Buffer.from(parsed.trustedComment, 'utf8');
    if (!verifyRaw(pub, Buffer.concat([parsed.signature, comment]), parsed.global)) return null;
    return { trustedComment: parsed.trustedComment };
  } catch {
    return null;
  }
}
