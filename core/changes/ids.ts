import { randomBytes } from 'node:crypto';

/** A new record's id: 128 random bits, so installs that never met never pick the same one. */
export function newRecordId(): string {
  return randomBytes(16).toString('hex');
}

/** The author of the thesaurus seed every vault writes itself; its sets never travel. */
export const SEED_AUTHOR = '0000000000000000';

/** The install record that carries an installation's display name. */
export function installRecordId(installId: string): string {
  return installId.padEnd(32, '0');
}
