/** Which of the two secrets the user is typing: both open the vault through their own key slot. */
export type SecretMode = 'passphrase' | 'recoveryKey';

export type SecretArgs = { passphrase: string } | { recoveryKey: string };

/** The API's "exactly one of passphrase / recoveryKey" arguments. The core normalises the words. */
export function secretArgs(mode: SecretMode, value: string): SecretArgs {
  return mode === 'passphrase' ? { passphrase: value } : { recoveryKey: value.trim() };
}

export function isBlankSecret(mode: SecretMode, value: string): boolean {
  return mode === 'passphrase' ? value === '' : value.trim() === '';
}
