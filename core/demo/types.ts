import type { z } from 'zod';
import type { RECORD_KINDS, RecordKind } from '../api/records';

/** The fields of a record of one kind, exactly as its zod schema in core/api/records.ts reads them. */
export type Fields<K extends RecordKind> = z.infer<(typeof RECORD_KINDS)[K]>;

/** One generated record: its kind, its id and every field of its schema. */
export interface DemoRecord<K extends RecordKind = RecordKind> {
  kind: K;
  id: string;
  fields: Fields<K>;
}
