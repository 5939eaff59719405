import type { Audience } from '../api/reports';

/** The fields of a source the policy looks at; any stored source record has them. */
interface SourceLike {
  confidentiality: unknown;
  title: unknown;
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
 *
 * Sources cited for a pseudonymised person (`pseudonymised`) keep only kind, reliability and
 * date: a title such as "Verdict in case 1-23/2021" or a reference names the person as surely
 * as their name does.
 */
export function discloseSources<T extends SourceLike>(
  sources: readonly T[],
  audience: Audience,
  { pseudonymised = false } = {},
): DisclosedSources<T> {
  if (audience === 'internal') return { sources: [...sources], sourcesWithheld: 0 };
  const shown: T[] = [];
  for (const source of sources) {
    const open = source.confidentiality === 'public';
    if (!open && source.confidentiality !== 'restricted') continue;
    if (pseudonymised) shown.push({ ...source, title: '', reference: '', notes: '' });
    else shown.push(open ? source : { ...source, reference: '', notes: '' });
  }
  return { sources: shown, sourcesWithheld: sources.length - shown.length };
}
