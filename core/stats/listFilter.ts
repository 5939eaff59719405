import type { ReadDb } from '../db/handle';
import type { PersonFilter as DbPersonFilter } from '../db/persons';
import { listFilterPersons } from './figures';

/** The person list's filters as the contract gives them. */
export interface ListFilter {
  query: string;
  region?: string | undefined;
  riskCategory?: string | undefined;
  inCustody?: boolean | undefined;
}

/**
 * The person list's filters as the database query takes them. The risk category and "in
 * custody" are the figure engine's definitions on `today`, never a second rule in SQL: the list
 * once matched stored risk assignments, so "over 60", which the engine derives from the birth
 * date, found nobody while the dashboard counted the persons it derives.
 */
export function listQueryFilter(db: ReadDb, filter: ListFilter, today: string): DbPersonFilter {
  const { query, region, riskCategory, inCustody = false } = filter;
  if (riskCategory === undefined && !inCustody) return { query, region };
  return { query, region, ids: listFilterPersons(db, { asOf: today, inCustody, riskCategory }) };
}
