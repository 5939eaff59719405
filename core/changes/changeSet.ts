import { z } from 'zod';
import { ApiError } from '../api/errors';
import { Id } from '../api/schemas';
import { fieldSchema } from './entities';
import { isHlc, parseHlc } from './hlc';

const CellValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

/** A cell's `base`: the timestamp of the value its author saw and overwrote, or '' for none. */
const Base = z.string().refine((text) => text === '' || isHlc(text), 'not a timestamp');

/**
 * One field of one record set to a value. A delete is a `deleted` field set to true. `base` is
 * the timestamp of the value the author overwrote (filled in by the write path, docs/sync.md):
 * an edit made over a value older than the one it beats is a conflict.
 */
export const Cell = z.object({
  entity: z.string().min(1).max(64),
  id: Id,
  field: z.string().min(1).max(64),
  value: CellValue,
  base: Base.optional(),
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
  /**
   * The author's number for a set that may travel (1, 2, 3… per author), given by the write path;
   * a set that has one has its cells' bases filled in (a missing base is '').
   */
  seq: z.number().int().min(1).optional(),
  /** Received from a colleague's bundle: cells this version cannot apply are held, not refused. */
  received: z.literal(true).optional(),
  cells: z.array(Cell).min(1),
});
export type ChangeSet = z.infer<typeof ChangeSet>;

/**
 * What is wrong with one cell, naming entity.field and never the value; null when this version
 * can apply it: a known entity and field, and a value its field's schema accepts.
 */
export function cellProblem(cell: Cell): string | null {
  const schema = fieldSchema(cell.entity, cell.field);
  if (!schema) return `${cell.entity}.${cell.field}: unknown field`;
  if (!schema.safeParse(cell.value).success) return `${cell.entity}.${cell.field}: invalid value`;
  return null;
}

/**
 * The one check of a change set, used by the write path and by replay alike, so a set is
 * acknowledged exactly when the next unlock can apply it. Throws INVALID_INPUT when the set
 * itself is malformed (its shape, or an author other than the install in its timestamp);
 * returns the set with the cells this version cannot apply, each with its problem.
 */
export function validateChangeSet(input: unknown): {
  set: ChangeSet;
  rejected: Array<{ cell: Cell; problem: string }>;
} {
  const parsed = ChangeSet.safeParse(input);
  if (!parsed.success) {
    const paths = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))];
    throw new ApiError('INVALID_INPUT', `Not a change set (${paths.join(', ') || 'shape'})`);
  }
  const set = parsed.data;
  if (parseHlc(set.hlc)!.installId !== set.author)
    throw new ApiError('INVALID_INPUT', 'Change set author differs from its timestamp');
  // An id names one record: the audit entry of a set lists each created id once.
  const kinds = new Map<string, string>();
  for (const cell of set.cells) {
    if ((kinds.get(cell.id) ?? cell.entity) !== cell.entity)
      throw new ApiError('INVALID_INPUT', 'One id names records of two entities');
    kinds.set(cell.id, cell.entity);
  }
  const rejected = set.cells.flatMap((cell) => {
    const problem = cellProblem(cell);
    return problem ? [{ cell, problem }] : [];
  });
  return { set, rejected };
}

/** A change set every cell of which this version can apply, or INVALID_INPUT. */
export function checkChangeSet(input: unknown): ChangeSet {
  const { set, rejected } = validateChangeSet(input);
  if (rejected.length > 0)
    throw new ApiError('INVALID_INPUT', rejected.map((r) => r.problem).join('; '));
  return set;
}

export function encodeChangeSet(set: ChangeSet): Buffer {
  return Buffer.from(JSON.stringify(set), 'utf8');
}

/** The JSON of a journal record; undefined for bytes that are not JSON at all. */
export function decodeChangeSet(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
