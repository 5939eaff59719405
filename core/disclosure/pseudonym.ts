import { createHash } from 'node:crypto';

/**
 * A withheld name's stand-in. It is derived from the person's id alone, so the same person gets
 * the same code in every output, today and next year, and in a colleague's vault that holds the
 * same record (ids travel with the records): two reports that both mention "Case 12345-67890"
 * mean the same person. The id is 128 random bits, so the code cannot be turned back into the id
 * by trying ids, and the id itself says nothing outside the vault.
 *
 * The label makes the hash ours: a code is not the plain SHA-256 of the id that some other tool
 * might also publish. Changing it would change every published pseudonym, so it never changes.
 */
const LABEL = 'vigil/disclosure/pseudonym/v1\u0000';

const SPACE = 10_000_000_000n;

/** Ten decimal digits shown as `12345-67890`. */
export function pseudonymCode(personId: string): string {
  const digest = createHash('sha256').update(LABEL, 'utf8').update(personId, 'utf8').digest();
  // 64 bits reduced to 10 digits: the bias (2^64 is not a multiple of 10^10) is below 1e-9.
  const digits = (digest.readBigUInt64BE(0) % SPACE).toString().padStart(10, '0');
  return `${digits.slice(0, 5)}-${digits.slice(5)}`;
}

/**
 * The codes of the persons pseudonymised in one output. Two persons can share a code: among n
 * pseudonymised persons in one output the odds are about n² / (2 × 10^10), that is 1 in 20,000
 * for 1,000 persons and 1 in 200 for 10,000. Then every person sharing it gets a suffix, `-1`,
 * `-2`, … in id order, so the output never shows one label for two persons, and a reader who
 * compares outputs sees that this code is shared rather than matching it to the wrong person.
 */
export function pseudonymCodes(personIds: readonly string[]): Map<string, string> {
  const byCode = new Map<string, string[]>();
  for (const id of new Set(personIds)) {
    const code = pseudonymCode(id);
    const ids = byCode.get(code);
    if (ids) ids.push(id);
    else byCode.set(code, [id]);
  }
  const codes = new Map<string, string>();
  for (const [code, ids] of byCode) {
    if (ids.length === 1) {
      codes.set(ids[0]!, code);
      continue;
    }
    ids.sort();
    ids.forEach((id, i) => codes.set(id, `${code}-${i + 1}`));
  }
  return codes;
}
