import type { Attestation } from './payload';
import { signRaw, verifyRaw, type SigningKey, type SigningPublicKey } from './keys';

/**
 * An author's signature over the digests of change sets they made. It travels with those sets
 * and is kept by whoever receives them, so a colleague passing them on (a coordinator) hands
 * over the author's own signature: the relay can leave sets out but not alter or invent any.
 * The signed message: `vigil-attestation 1\n<author>\n<key id>\n<digests>`.
 */
function message(author: string, keyId: string, digests: string): Buffer {
  return Buffer.from(`vigil-attestation 1\n${author}\n${keyId}\n${digests}`, 'utf8');
}

export function attest(author: string, key: SigningKey, digests: string[]): Attestation {
  const joined = digests.join('');
  return {
    author,
    key: key.keyId,
    digests: joined,
    signature: signRaw(key, message(author, key.keyId, joined)).toString('base64'),
  };
}

export function attestationValid(attestation: Attestation, key: SigningPublicKey): boolean {
  return (
    key.keyId === attestation.key &&
    verifyRaw(
      key,
      message(attestation.author, attestation.key, attestation.digests),
      Buffer.from(attestation.signature, 'base64'),
    )
  );
}

/** The digests an attestation covers. */
export function digestsOf(attestation: Pick<Attestation, 'digests'>): string[] {
  return attestation.digests.match(/[0-9a-f]{64}/g) ?? [];
}
