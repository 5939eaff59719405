import { randomBytes } from 'node:crypto';

/** A new record's id: 128 random bits, so installs that never met never pick the same one. */
export function newRecordId(): string {
  return randomBytes(16).toString('hex');
}
