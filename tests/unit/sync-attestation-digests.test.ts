import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SyncAttestationFields } from '../../core/api/records';
import { Attestation } from '../../core/sync/payload';

/** A bundle of everything a researcher entered carries one attestation over every set. */
const SETS = 150_000;

function digests(count: number): string {
  const one = createHash('sha256').update('invented change set').digest('hex');
  return one.repeat(count);
}

const attestation = (list: string) => ({
  author: '0123456789abcdef',
  key: 'fedcba9876543210',
  digests: list,
  signature: 'c2lnbmF0dXJl',
});

describe('attestation digests', () => {
  it(`accepts an attestation over ${SETS} change sets, in a bundle and as a stored record`, () => {
    const list = digests(SETS);
    expect(Attestation.safeParse(attestation(list)).success).toBe(true);
    const record = { author: '0123456789abcdef', keyId: 'fedcba9876543210', signature: 'c2ln' };
    expect(SyncAttestationFields.safeParse({ ...record, digests: list }).success).toBe(true);
  });

  it('refuses a digest list cut short, in capitals, or empty in a bundle', () => {
    const list = digests(3);
    expect(Attestation.safeParse(attestation(list.slice(0, -1))).success).toBe(false);
    expect(Attestation.safeParse(attestation(list.toUpperCase())).success).toBe(false);
    expect(Attestation.safeParse(attestation('')).success).toBe(false);
    expect(Attestation.safeParse(attestation(list)).success).toBe(true);
  });
});
