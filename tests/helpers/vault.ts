import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ChangeSet } from '../../core/changes/changeSet';
import { formatHlc } from '../../core/changes/hlc';
import type { KdfParams } from '../../core/vault/crypto';
import type { JournalWriter } from '../../core/vault/journal';
import type { Vault } from '../../core/vault/vault';

/** Tests use a cheap KDF; the app's cost is checked separately. */
export const TEST_KDF: KdfParams = { opsLimit: 1, memKiB: 8 * 1024 };

export const AUTHOR = '0123456789abcdef';

let tick = 0;

export function personSet(id: string, fields: Record<string, string | null | string[]>): ChangeSet {
  tick++;
  return {
    v: 1,
    hlc: formatHlc(Date.UTC(2026, 0, 1) + tick, 0, AUTHOR),
    author: AUTHOR,
    cells: Object.entries(fields).map(([field, value]) => ({ entity: 'person', id, field, value })),
  };
}

export function newId(): string {
  return randomBytes(16).toString('hex');
}

/** A fingerprint of every file in a folder, to prove an operation changed nothing. */
export function folderDigest(
  folder: string,
  include: (name: string) => boolean = () => true,
): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(folder).sort().filter(include)) {
    hash.update(name).update(readFileSync(path.join(folder, name)));
  }
  return hash.digest('hex');
}

/**
 * The open journal of a vault, for tests that write records past the write path's checks, as
 * a bug or a newer version could have: the journal is what replay reads.
 */
export function rawJournal(vault: Vault): JournalWriter {
  return (vault as unknown as { writable: { journal: JournalWriter } }).writable.journal;
}
