import { createHash } from 'node:crypto';
import type { Cell, ChangeSet } from './changeSet';

/**
 * The canonical text of a change set as it travels and as its author signs it (docs/sync.md):
 * `[1, hlc, author, seq, [[entity, id, field, value, base], …]]` as JSON without spaces, cells
 * in the author's order. Any two vaults compute the same text from the same set.
 */
export function canonicalText(set: ChangeSet, cells: Cell[] = set.cells): string {
  return JSON.stringify([
    set.v,
    set.hlc,
    set.author,
    set.seq ?? 0,
    cells.map((c) => [c.entity, c.id, c.field, c.value, c.base ?? '']),
  ]);
}

/** SHA-256 of the canonical text, in hex: what an author's signature covers. */
export function digestOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
