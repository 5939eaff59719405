import type { StoredRecord } from '../../core/api/records';

/** The fields every stored record has besides its own. */
export interface Stored {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * Records as their kind's type. The API returns every kind as a generic record, but the core
 * wrote each through that kind's schema, so its fields have the types the schema gives.
 */
export function asKind<T extends Stored>(records: readonly StoredRecord[]): T[] {
  return records as unknown as T[];
}

export function asOneKind<T extends Stored>(record: StoredRecord): T {
  return record as unknown as T;
}
