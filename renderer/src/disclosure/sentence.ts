import type { TFunction } from 'i18next';
import type { DisclosureSummary } from '../../../core/api/reports';
import { formatNumber } from '../format';

type CountedKey =
  | 'disclosure.internal'
  | 'disclosure.leftOut'
  | 'disclosure.pseudonymised'
  | 'disclosure.sourcesWithheld';

/**
 * What the disclosure policy does to an output, in a sentence or two, said before it is saved:
 * how many cases are left out or shown under a pseudonym and why, or, for an internal file,
 * how many never-publish cases it includes; or that it lists no case at all.
 */
export function disclosureSentence(t: TFunction, language: string, s: DisclosureSummary): string {
  const counted = (key: CountedKey, count: number) =>
    t(key, { count, formatted: formatNumber(language, count) });
  const sentences: string[] = [];
  // A figures report without its appendix: numbers, no case.
  if (s.persons === 0 && s.leftOut === 0 && s.neverPublishIncluded === 0) {
    sentences.push(t('disclosure.noCases'));
  } else if (s.audience === 'internal') {
    sentences.push(
      s.neverPublishIncluded === 0
        ? t('disclosure.internalNone')
        : counted('disclosure.internal', s.neverPublishIncluded),
    );
  } else {
    const leftOut = counted('disclosure.leftOut', s.leftOut);
    const pseudonymised = counted('disclosure.pseudonymised', s.pseudonymised);
    sentences.push(
      s.leftOut > 0 && s.pseudonymised > 0
        ? t('disclosure.publishBoth', { leftOut, pseudonymised })
        : s.leftOut > 0
          ? t('disclosure.publishOne', { clause: leftOut })
          : s.pseudonymised > 0
            ? t('disclosure.publishOne', { clause: pseudonymised })
            : t('disclosure.publishNone'),
    );
    if (s.sourcesWithheld > 0)
      sentences.push(counted('disclosure.sourcesWithheld', s.sourcesWithheld));
  }
  return sentences.join(' ');
}
