import type { ApiResult } from '../../../core/api/errors';
import { requestUnlocked } from '../api';
import type { ListFilter } from '../list/PersonList';

/** The most listPersons gives in one call. */
const PAGE = 1000;

function filterArgs(filter: ListFilter) {
  return {
    query: filter.query,
    region: filter.region || undefined,
    riskCategory: filter.riskCategory || undefined,
    inCustody: filter.inCustody || undefined,
  };
}

/** How many people the list shows for these search and filters. */
export async function countMatching(filter: ListFilter): Promise<ApiResult<number>> {
  const result = await requestUnlocked((api) => api.countPersons(filterArgs(filter)));
  return result.ok ? { ok: true, value: result.value.total } : result;
}

/**
 * The ids of everyone the list shows for these search and filters, a page at a time up to the
 * total (or a short page, where the total was not counted), in the list's own order.
 */
export async function matchingPersonIds(filter: ListFilter): Promise<ApiResult<string[]>> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const result = await requestUnlocked((api) =>
      api.listPersons({ ...filterArgs(filter), offset, limit: PAGE }),
    );
    if (!result.ok) return result;
    for (const person of result.value.items) ids.push(person.id);
    const { items, total } = result.value;
    if (items.length < PAGE || (total !== null && offset + PAGE >= total)) break;
  }
  // A person edited while paging can move between pages: keep each id once.
  return { ok: true, value: [...new Set(ids)] };
}
