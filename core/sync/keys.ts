import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';

/**
 * The keys of one installation: an age X25519 identity that bundles are encrypted to, and an
 * Ed25519 key that signs what it sends. Both are kept in the vault; only the public halves
 * leave it (in the contact file). See docs/sync-format.md, "Keys".
 */

/** The public half of a signing key, as a contact carries it. */
export interface SigningPublicKey {
  /** 16 lowercase hex digits: the first 8 bytes of SHA-256 of the raw 32-byte public key. */
  keyId: string;
  /** Base64 of the raw 32-byte Ed25519 public key. */
  publicKey: string;
}

/** A signing key with its secret: base64 of the 32-byte Ed25519 seed (RFC 8032 private key). */
export interface SigningKey extends SigningPublicKey {
  seed: string;
}

export interface IdentityKeys {
  /** `AGE-SECRET-KEY-1…`: the age X25519 identity (secret). */
  ageIdentity: string;
  /** `age1…`: its recipient, which colleagues encrypt to. */
  ageRecipient: string;
  signing: SigningKey;
}

const ED25519_KEY_BYTES = 32;
const ED25519_SIGNATURE_BYTES = 64;

/** The key id of a raw Ed25519 public key: hex of the first 8 bytes of its SHA-256. */
export function keyIdOf(rawPublicKey: Uint8Array): string {
  return createHash('sha256').update(rawPublicKey).digest().subarray(0, 8).toString('hex');
}

/** A new installation identity. X25519 only: the hybrid age keys are unreadable by age 1.1. */
export async function generateIdentityKeys(): Promise<IdentityKeys> {
  const ageIdentity = await generateX25519Identity();
  const ageRecipient = await identityToRecipient(ageIdentity);
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  if (jwk.d === undefined || jwk.x === undefined) throw new Error('Ed25519 key export failed');
  const seed = Buffer.from(jwk.d, 'base64url');
  const publicKey = Buffer.from(jwk.x, 'base64url');
  return {
    ageIdentity,
    ageRecipient,
    signing: {
      keyId: keyIdOf(publicKey),
      publicKey: publicKey.toString('base64'),
      seed: seed.toString('base64'),
    },
  };
}

/** Decodes base64 to exactly `length` bytes, or null. */
export function decodeBase64Exact(text: string, length: number): Buffer | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === length && bytes.toString('base64') === text ? bytes : null;
}

/**
 * KeyObjects by key, so that verifying ten thousand change records does not import the same
 * key ten thousand times. Bounded: an installation knows a handful of keys.
 */
const CACHE_LIMIT = 64;
const privateKeys = new Map<string, KeyObject>();
const publicKeys = new Map<string, KeyObject>();

function cached(cache: Map<string, KeyObject>, id: string, make: () => KeyObject): KeyObject {
  const hit = cache.get(id);
  if (hit !== undefined) return hit;
  const key = make();
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(id, key);
  return key;
}

function privateKeyObject(key: SigningKey): KeyObject {
  return cached(privateKeys, `${key.seed}/${key.publicKey}`, () => {
    const seed = decodeBase64Exact(key.seed, ED25519_KEY_BYTES);
    const pub = decodeBase64Exact(key.publicKey, ED25519_KEY_BYTES);
    if (seed === null || pub === null) throw new Error('malformed signing key');
    const made = createPrivateKey({
      key: {
        kty: 'OKP',
        crv: 'Ed25519',
        d: seed.toString('base64url'),
        x: pub.toString('base64url'),
      },
      format: 'jwk',
    });
    // The JWK's x is not checked against d on import: a seed paired with a foreign public key
    // would sign under a key id that is not its own.
    const derived = createPublicKey(made).export({ format: 'jwk' }).x;
    if (derived !== pub.toString('base64url')) throw new Error('signing key halves do not match');
    return made;
  });
}

function publicKeyObject(pub: SigningPublicKey): KeyObject | null {
  const raw = decodeBase64Exact(pub.publicKey, ED25519_KEY_BYTES);
  if (raw === null) return null;
  return cached(publicKeys, pub.publicKey, () =>
    createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
      format: 'jwk',
    }),
  );
}

/** A plain Ed25519 signature (64 bytes) of `message`. */
export function signRaw(key: SigningKey, message: Uint8Array): Buffer {
  return sign(null, message, privateKeyObject(key));
}

/** Whether `signature` is a valid Ed25519 signature of `message` by `pub`. Never throws. */
export function verifyRaw(
  pub: SigningPublicKey,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (signature.length !== ED25519_SIGNATURE_BYTES) return false;
  try {
    const key = publicKeyObject(pub);
    return key !== null && verify(null, message, key, signature);
  } catch {
    return false;
  }
}

/** The bech32 alphabet; an X25519 recipient is `age1` and 58 of these (32 bytes + checksum). */
const X25519_RECIPIENT = /^age1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{58}$/;

/** Whether `text` is an age X25519 recipient (`age1…`); hybrid and tag recipients are not. */
export function isAgeRecipient(text: string): boolean {
  if (!X25519_RECIPIENT.test(text)) return false;
  try {
    new Encrypter().addRecipient(text);
    return true;
  } catch {
    return false;
  }
}
