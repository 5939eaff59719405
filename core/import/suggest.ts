import { searchKey } from '../search/transliterate';

/** A term a value may mean: its code, its labels and known variants. */
export interface Candidate {
  code: string;
  labels: string[];
  deprecated: boolean;
}

/** Terms whose label's phonetic key shares the value's first word, best first. */
export function suggestTerms(
  value: string,
  candidates: Candidate[],
  limit = 5,
): Array<{ code: string; score: number }> {
  const key = searchKey(value).split(' ')[0] ?? '';
  if (key === '') return [];
  return candidates
    .map((candidate) => {
      const keys = candidate.labels.map((label) => searchKey(label));
      const score = keys.some((k) => k === searchKey(value))
        ? 1
        : keys.some((k) => k.split(' ')[0] === key)
          ? 0.5
          : 0;
      return { code: candidate.code, score: candidate.deprecated ? score * 0.9 : score };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
    .slice(0, limit);
}
