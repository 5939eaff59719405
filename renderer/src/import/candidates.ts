import type { TFunction } from 'i18next';
import { parseExternalId } from '../../../core/api/externalIds';
import type { ImportProblem } from '../../../core/api/import';
import { formatPartialDate } from '../dates';

export type Candidate = NonNullable<ImportProblem['candidates']>[number];

/** What else the vault knows of a candidate, to tell namesakes apart. */
export interface CandidateDetails {
  externalIds: string[];
  /** The region's label, or null when none is recorded. */
  region: string | null;
}

/** Characters of a Vigil id shown when nothing else tells two candidates apart. */
const SHORT_ID = 8;

/**
 * The options of an ambiguous link: the name and birth date, then the person's external ids
 * (or region) when known. Namesakes born the same day are the very case that reaches this
 * choice, so candidates that would still read alike also get the start of their Vigil id.
 */
export function candidateLabels(
  t: TFunction,
  candidates: Candidate[],
  details: ReadonlyMap<string, CandidateDetails>,
): { id: string; label: string }[] {
  const labels = candidates.map((candidate) => {
    const base = candidate.birthDate
      ? t('import.candidate', {
          name: candidate.name,
          birthDate: formatPartialDate(t, candidate.birthDate),
        })
      : t('import.candidateNoBirth', { name: candidate.name });
    const known = details.get(candidate.id);
    const ids = (known?.externalIds ?? []).flatMap((text) => {
      const parsed = parseExternalId(text);
      return parsed ? [`${parsed.scheme}: ${parsed.value}`] : [];
    });
    if (ids.length > 0) return t('import.candidateMore', { label: base, more: ids.join(', ') });
    if (known?.region) return t('import.candidateMore', { label: base, more: known.region });
    return base;
  });
  return candidates.map(({ id }, index) => {
    const label = labels[index]!;
    return labels.indexOf(label) === labels.lastIndexOf(label)
      ? { id, label }
      : { id, label: t('import.candidateId', { label, id: id.slice(0, SHORT_ID) }) };
  });
}
