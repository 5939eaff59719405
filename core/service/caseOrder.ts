import type { MethodResult, ParsedArgs } from '../api/contract';
import type { CaseSummary } from '../api/figures';
import { sortByText } from '../search/collation';
import { figureCases } from '../stats/figures';
import type { CoreSession } from './session';

/** Names the drill-down does not show: it lists these people by pseudonym instead. */
function nameWithheld(item: CaseSummary): boolean {
  return item.consent === 'withhold_name' || item.consent === 'never_publish';
}

/**
 * The people behind a figure in the order the drill-down lists them: by name in the interface
 * language's alphabetical order (the core's collation, since the renderer's `Intl` has no
 * Belarusian), then those whose names are withheld, by pseudonym. Sorting here rather than in
 * the renderer lets the list be paged: the renderer asks for summaries a page at a time of
 * an order that covers every person, not just the pages it has.
 */
export async function figureCaseOrder(
  session: CoreSession,
  { personIds, language }: ParsedArgs<'figureCaseOrder'>,
): Promise<MethodResult<'figureCaseOrder'>> {
  const { items } = figureCases((await session.readVault()).db, { personIds });
  const named = sortByText(
    language,
    items.filter((item) => !nameWithheld(item)),
    (item) => item.name,
  );
  const withheld = items
    .filter(nameWithheld)
    .sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : a.pseudonym > b.pseudonym ? 1 : 0));
  return { personIds: [...named, ...withheld].map((item) => item.id) };
}
