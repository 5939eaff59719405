import { useEffect, useMemo, useState } from 'react';
import type { ErrorCode } from '../../../core/api/errors';
import type { Audience, DisclosureSummary } from '../../../core/api/reports';
import { requestUnlocked } from '../api';
import type { ListFilter } from '../list/PersonList';
import { matchingPersonIds } from './personIds';

export type Which = 'all' | 'matching';

/** A set of people chosen elsewhere (the cases behind a figure): exported instead of a list. */
export interface ChosenCases {
  personIds: readonly string[];
  /** What they are, in words: the figure's title. */
  description: string;
}

export type DisclosurePreview =
  | { state: 'checking' }
  | { state: 'ready'; personIds: string[] | undefined; summary: DisclosureSummary }
  | { state: 'noneMatching' }
  | { state: 'error'; code: ErrorCode };

/**
 * What the export would hold, asked of the core whenever the choice of people or audience
 * changes, so that the dialog can say it before anything is written. The export then writes
 * exactly the persons counted here. An answer counts only for the choice it was asked for:
 * until the newest one arrives, the preview is `checking`.
 */
export function useDisclosurePreview(
  filter: ListFilter,
  which: Which,
  audience: Audience,
  chosen?: ChosenCases,
): DisclosurePreview {
  const request = useMemo(
    () => ({ filter, which, audience, chosen }),
    [filter, which, audience, chosen],
  );
  const [answer, setAnswer] = useState<{ request: typeof request; preview: DisclosurePreview }>();
  useEffect(() => {
    let current = true;
    const settle = (preview: DisclosurePreview) => {
      if (current) setAnswer({ request, preview });
    };
    void (async () => {
      let personIds: string[] | undefined;
      if (request.chosen) {
        if (request.chosen.personIds.length === 0) return settle({ state: 'noneMatching' });
        personIds = [...request.chosen.personIds];
      } else if (request.which === 'matching') {
        const ids = await matchingPersonIds(request.filter);
        if (!ids.ok) return settle({ state: 'error', code: ids.error.code });
        if (ids.value.length === 0) return settle({ state: 'noneMatching' });
        personIds = ids.value;
      }
      if (!current) return;
      const result = await requestUnlocked((api) =>
        api.previewDisclosure({ ...(personIds ? { personIds } : {}), audience: request.audience }),
      );
      settle(
        result.ok
          ? { state: 'ready', personIds, summary: result.value }
          : { state: 'error', code: result.error.code },
      );
    })();
    return () => {
      current = false;
    };
  }, [request]);
  return answer?.request === request ? answer.preview : { state: 'checking' };
}
