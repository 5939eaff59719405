import { z } from 'zod';
import type { ReadDb } from '../db/handle';
import { all } from '../db/statements';

/**
 * What a vault holds of each author's change sets, as ranges of their numbers:
 * `{ "<install id>": [[1, 40], [42, 57]] }`. Gaps are sets withheld from this vault, lost, or
 * still on their way; a sender sends what falls outside the ranges its contact last reported,
 * so widening what a contact may see later sends the older sets too.
 */
export type Ranges = Array<[number, number]>;
export type VersionVector = Record<string, Ranges>;

const Seq = z.number().int().min(1);
export const RangesSchema = z.array(z.tuple([Seq, Seq])).max(1_000_000);
export const VersionVectorSchema = z.record(z.string().regex(/^[0-9a-f]{16}$/), RangesSchema);

/** This vault's version vector, from the change log. */
export function versionVectorOf(db: ReadDb): VersionVector {
  const vector: VersionVector = {};
  for (const row of all(db, 'SELECT author, seq FROM sync_log ORDER BY author, seq')) {
    const author = String(row.author);
    vector[author] = addSeq(vector[author] ?? [], Number(row.seq));
  }
  return vector;
}

/** The ranges with `seq` added, merged with its neighbours; sorted ranges stay sorted. */
export function addSeq(ranges: Ranges, seq: number): Ranges {
  const last = ranges[ranges.length - 1];
  if (last && seq === last[1] + 1) return [...ranges.slice(0, -1), [last[0], seq]];
  if (last && seq > last[1]) return [...ranges, [seq, seq]];
  if (hasSeq(ranges, seq)) return ranges;
  return normalise([...ranges, [seq, seq]]);
}

export function hasSeq(ranges: Ranges | undefined, seq: number): boolean {
  if (!ranges) return false;
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [from, to] = ranges[mid]!;
    if (seq < from) high = mid - 1;
    else if (seq > to) low = mid + 1;
    else return true;
  }
  return false;
}

/** Sorted, merged ranges, whatever order and overlap they came in. */
export function normalise(ranges: Ranges): Ranges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Ranges = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** A version vector stored as JSON text; an unreadable one counts as having nothing. */
export function parseVersionVector(text: string): VersionVector {
  try {
    const parsed = VersionVectorSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return {};
    return Object.fromEntries(Object.entries(parsed.data).map(([a, r]) => [a, normalise(r)]));
  } catch {
    return {};
  }
}

export function parseRanges(text: string): Ranges {
  try {
    const parsed = RangesSchema.safeParse(JSON.parse(text));
    return parsed.success ? normalise(parsed.data) : [];
  } catch {
    return [];
  }
}
