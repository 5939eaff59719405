import { entropyToMnemonic, mnemonicToEntropy, validateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { randomBytes } from './crypto';

/** What opens a key slot: the passphrase, or the recovery key shown once at creation. */
export type Secret = { passphrase: string } | { recoveryKey: string };

const RECOVERY_ENTROPY_BYTES = 16;

/**
 * A recovery key: 128 random bits written as 12 BIP-39 words, whose checksum catches a mistyped
 * word. Being random, it needs no slow KDF; HKDF binds it to its slot.
 */
export function newRecoveryKey(): { words: string; entropy: Buffer } {
  const entropy = randomBytes(RECOVERY_ENTROPY_BYTES);
  return { words: entropyToMnemonic(entropy, wordlist), entropy };
}

/** The entropy behind typed words, or null when they are not a valid recovery key. */
export function parseRecoveryKey(words: string): Buffer | null {
  const normalised = words.trim().toLowerCase().split(/\s+/).join(' ');
  if (!validateMnemonic(normalised, wordlist)) return null;
  return Buffer.from(mnemonicToEntropy(normalised, wordlist));
}
