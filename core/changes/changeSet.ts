import { z } from 'zod';
import { Id } from '../api/schemas';
import { isHlc } from './hlc';

const CellValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

/** One field of one record set to a value. A delete is a `deleted` field set to true. */
export const Cell = z.object({
  entity: z.string().min(1).max(64),
  id: Id,
  field: z.string().min(1).max(64),
  value: CellValue,
});
export type Cell = z.infer<typeof Cell>;

/**
 * A change set: what one command changed, stamped with one hybrid-logical-clock time and its
 * author's install id. The same records are journaled locally and, later, sent to colleagues;
 * replaying them never computes a time or an id.
 */
export const ChangeSet = z.object({
  v: z.literal(1),
  hlc: z.string().refine(isHlc, 'not a timestamp'),
  author: z.string().regex(/^[0-9a-f]{16}$/),
  cells: z.array(Cell).min(1),
});
export type ChangeSet = z.infer<typeof ChangeSet>;

export function encodeChangeSet(set: ChangeSet): Buffer {
  return Buffer.from(JSON.stringify(set), 'utf8');
}

/** Returns null for bytes that are not a change set of this version. */
export function decodeChangeSet(bytes: Uint8Array): ChangeSet | null {
  try {
    const parsed = ChangeSet.safeParse(JSON.parse(Buffer.from(bytes).toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
