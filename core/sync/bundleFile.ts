import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Decrypter, Encrypter, armor, type Identity } from 'age-encryption';
import { ApiError } from '../api/errors';
import { isAgeRecipient, type SigningKey, type SigningPublicKey } from './keys';
import { signatureKeyId, signDetached, verifyDetached } from './minisign';

/**
 * The file a bundle travels in: a signed payload line, gzipped, then encrypted with age to
 * every recipient. Byte layout: docs/sync-format.md, "Bundle file".
 *
 *   age( gzip( "vigil-bundle 1\n" || payload || "\n" || minisign signature of payload ) )
 *
 * Nothing of the plaintext is looked at before age has decrypted and authenticated all of it;
 * and opening does not verify the signature, because the signer's key is found by the key id
 * the signature names (see verifyBundleSignature).
 */

export const BUNDLE_FORMAT_VERSION = 1;
const MAGIC = 'vigil-bundle';
/** Files above this are refused before age reads them, and no plaintext may inflate past it. */
export const MAX_BUNDLE_BYTES = 1024 * 1024 * 1024;
const ARMOR_BEGIN = Buffer.from('-----BEGIN AGE ENCRYPTED FILE-----', 'latin1');
const NEWLINE = 0x0a;

/** The trusted comment of a bundle's signature: the format and the payload's SHA-256 (hex). */
export function bundleTrustedComment(payload: Uint8Array): string {
  const digest = createHash('sha256').update(payload).digest('hex');
  return `${MAGIC} ${String(BUNDLE_FORMAT_VERSION)} ${digest}`;
}

export async function sealBundle(args: {
  payload: Uint8Array;
  signer: SigningKey;
  recipients: string[];
  armor: boolean;
}): Promise<Uint8Array> {
  const { payload, signer, recipients } = args;
  if (payload.includes(NEWLINE)) throw new Error('a bundle payload is one line');
  if (recipients.length === 0) throw new Error('a bundle needs at least one recipient');
  const signature = signDetached(signer, payload, bundleTrustedComment(payload));
  const framed = Buffer.concat([
    Buffer.from(`${MAGIC} ${String(BUNDLE_FORMAT_VERSION)}\n`, 'latin1'),
    payload,
    Buffer.from(`\n${signature}`, 'utf8'),
  ]);
  const encrypter = new Encrypter();
  for (const recipient of recipients) {
    if (!isAgeRecipient(recipient)) throw new Error('not an age X25519 recipient');
    encrypter.addRecipient(recipient);
  }
  const encrypted = await encrypter.encrypt(gzipSync(framed));
  return args.armor ? Buffer.from(armor.encode(encrypted), 'latin1') : asBuffer(encrypted);
}

function damaged(hint: string): ApiError {
  return new ApiError('BUNDLE_DAMAGED', hint);
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The binary age file: the armour, when the file starts with it (after white space), removed. */
function dearmor(file: Buffer): Uint8Array {
  let start = 0;
  while (start < file.length && [0x20, 0x09, 0x0d, 0x0a].includes(file[start] ?? 0)) start++;
  if (!file.subarray(start, start + ARMOR_BEGIN.length).equals(ARMOR_BEGIN)) return file;
  try {
    return armor.decode(new TextDecoder('utf-8', { fatal: true }).decode(file));
  } catch {
    throw damaged('bad age armour');
  }
}

/**
 * Decrypts an age file (binary or armoured) completely, with any of `identities`
 * (`AGE-SECRET-KEY-1…`). No identity opening any stanza is BUNDLE_NOT_FOR_YOU; everything
 * else that fails (the header, its MAC, the payload, the armour) is BUNDLE_DAMAGED.
 *
 * The two are told apart without reading the library's error messages: a last identity
 * that matches nothing is asked only once every real identity has tried every stanza and
 * found none for it, and age then fails at once. So when it was asked, the failure is "no
 * match"; when it was not, the file failed to parse, a stanza was malformed, or a file key
 * was found and what followed was damaged. X25519 stanzas name no recipient, so a stanza
 * whose body or share was changed without breaking its form cannot be told from one for
 * someone else: age itself reports both as "no identity matched".
 */
export async function ageDecrypt(file: Uint8Array, identities: string[]): Promise<Uint8Array> {
  if (file.length > MAX_BUNDLE_BYTES) throw damaged('file larger than a bundle may be');
  const binary = dearmor(asBuffer(file));
  const decrypter = new Decrypter();
  for (const identity of identities) {
    if (!identity.startsWith('AGE-SECRET-KEY-1')) {
      throw new ApiError('SYNC_NO_IDENTITY', 'not an age X25519 identity');
    }
    try {
      decrypter.addIdentity(identity);
    } catch {
      throw new ApiError('SYNC_NO_IDENTITY', 'not an age X25519 identity');
    }
  }
  let noneMatched = false;
  const lastResort: Identity = {
    unwrapFileKey: () => {
      noneMatched = true;
      return null;
    },
  };
  decrypter.addIdentity(lastResort);
  try {
    return await decrypter.decrypt(binary);
  } catch {
    if (noneMatched) throw new ApiError('BUNDLE_NOT_FOR_YOU', 'no identity opens this file');
    throw damaged('age could not decrypt the file');
  }
}

export interface OpenedBundle {
  /** The payload line, exactly the bytes signed. */
  payload: Uint8Array;
  /** The minisign signature of the payload (four lines). */
  signatureText: string;
  /** The key id the signature names: whose key to verify it with. */
  signerKeyId: string;
}

/**
 * Decrypts, inflates and splits a bundle file. Throws only ApiError: BUNDLE_NOT_FOR_YOU,
 * BUNDLE_TOO_NEW (a later format version), BUNDLE_DAMAGED (anything else). Does not verify
 * the signature: call verifyBundleSignature with the key of `signerKeyId`.
 */
export async function openBundle(file: Uint8Array, identities: string[]): Promise<OpenedBundle> {
  const compressed = await ageDecrypt(file, identities);
  let framed: Buffer;
  try {
    framed = gunzipSync(compressed, { maxOutputLength: MAX_BUNDLE_BYTES });
  } catch {
    throw damaged('not gzip, or inflates past the limit');
  }
  return parseFraming(framed);
}

function parseFraming(framed: Buffer): OpenedBundle {
  const firstEnd = framed.indexOf(NEWLINE);
  const first = framed.subarray(0, firstEnd < 0 ? 0 : firstEnd).toString('latin1');
  const version = /^vigil-bundle ([1-9][0-9]{0,8})$/.exec(first)?.[1];
  if (version === undefined) throw damaged('no bundle framing line');
  if (Number(version) > BUNDLE_FORMAT_VERSION) {
    throw new ApiError('BUNDLE_TOO_NEW', 'bundle format version is newer than this reader');
  }
  const payloadEnd = framed.indexOf(NEWLINE, firstEnd + 1);
  if (payloadEnd < 0) throw damaged('no signature after the payload');
  let signatureText: string;
  try {
    signatureText = new TextDecoder('utf-8', { fatal: true }).decode(
      framed.subarray(payloadEnd + 1),
    );
  } catch {
    throw damaged('signature is not UTF-8');
  }
  const signerKeyId = signatureKeyId(signatureText);
  if (signerKeyId === null) throw damaged('malformed signature');
  return {
    payload: Uint8Array.from(framed.subarray(firstEnd + 1, payloadEnd)),
    signatureText,
    signerKeyId,
  };
}

/**
 * Whether an opened bundle's signature is valid for `signer` and its trusted comment is the
 * one a bundle's signature must carry (so a signature of the same bytes made for another
 * purpose is not taken for a bundle's). Never throws.
 */
export function verifyBundleSignature(signer: SigningPublicKey, opened: OpenedBundle): boolean {
  const verified = verifyDetached(signer, opened.payload, opened.signatureText);
  return verified?.trustedComment === bundleTrustedComment(opened.payload);
}
