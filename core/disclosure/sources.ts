import type { Audience } from '../api/reports';

/** The fields of a source the policy looks at; any stored source record has them. */
interface SourceLike {
  confidentiality: unknown;
  reference: string;
  notes: string;
}

export interface DisclosedSources<T> {
  sources: T[];
  /** Confidential sources left out. */
  sourcesWithheld: number;
}

/**
 * The sources an output may cite. In `publish` output a confidential source is left out (its
 * very existence can expose an informant), and a restricted one keeps its title, kind,
 * reliability and date, so a reader can weigh the claim, but loses its reference and notes,
 * which say where and from whom it came. A level this version does not know counts as
 * confidential. `internal` keeps every source whole.
 */
export function discloseSources<T extends SourceLike>(
  sources: readonly T[],
  audience: Audience,
): DisclosedSources<T> {
  if (audience === 'internal') return { sources: [...sources], sourcesWithheld: 0 };
  const shown: T[] = [];
  for (const source of sources) {
    if (source.confidentiality === 'public') shown.push(source);
    else if (source.confidentiality === 'restricted')
      shown.push({ ...source, reference: '', notes: '' });
  }
  return { sources: shown, sourcesWithheld: sources.length - shown.length };
}
