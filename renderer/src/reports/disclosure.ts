import type { TFunction } from 'i18next';
import type { DisclosureSummary } from '../../../core/api/reports';

/**
 * What the disclosure policy did to one output, as one sentence said before it is saved:
 * "3 cases marked never publish are left out; 5 cases appear under a pseudonym, as their consent
 * asks." The parts that did not happen are not mentioned.
 */
export function disclosureSentence(
  t: TFunction,
  summary: DisclosureSummary,
  number: (value: number) => string,
): string {
  const parts: string[] = [];
  const part = (
    key:
      | 'reports.disclosure.leftOut'
      | 'reports.disclosure.included'
      | 'reports.disclosure.pseudonymised'
      | 'reports.disclosure.sourcesWithheld',
    count: number,
  ) => {
    if (count > 0) parts.push(t(key, { count, formatted: number(count) }));
  };
  if (summary.audience === 'internal') {
    part('reports.disclosure.included', summary.neverPublishIncluded);
    if (summary.neverPublishIncluded === 0) parts.push(t('reports.disclosure.includedNone'));
  } else {
    part('reports.disclosure.leftOut', summary.leftOut);
  }
  part('reports.disclosure.pseudonymised', summary.pseudonymised);
  part('reports.disclosure.sourcesWithheld', summary.sourcesWithheld);
  if (parts.length === 0) return t('reports.disclosure.nothing');
  return t('reports.disclosure.sentence', { parts: parts.join('; ') });
}
