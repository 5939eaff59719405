import {
  SHAPE_TARGETS,
  type ImportMapping,
  type ImportShape,
  type ImportTarget,
} from '../api/import';
import { EVENT_HEADERS, PERSON_HEADERS, PROCEEDING_HEADERS, STATUS_HEADERS } from './headerNames';

/**
 * For matching headers and word-like values: case, spaces, punctuation and the letter ё do
 * not matter, so "Ф.И.О.", "фио" and "ФИО" are one header, and "Date of birth" is "dateofbirth".
 */
export function compactKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function index(headers: Record<string, string[]>): Map<string, ImportTarget> {
  const byKey = new Map<string, ImportTarget>();
  for (const [target, names] of Object.entries(headers)) {
    for (const name of [target, ...names]) byKey.set(compactKey(name), target as ImportTarget);
  }
  return byKey;
}

const HEADERS: Record<ImportShape, Map<string, ImportTarget>> = {
  persons: index(PERSON_HEADERS),
  events: index(EVENT_HEADERS),
  proceedings: index(PROCEEDING_HEADERS),
  statuses: index(STATUS_HEADERS),
};

export function targetsOf(shape: ImportShape): readonly ImportTarget[] {
  return SHAPE_TARGETS[shape];
}

/** A target for each column whose header is a known name; the first such column wins. */
export function suggestMapping(shape: ImportShape, columns: string[]): ImportMapping {
  const taken = new Set<ImportTarget>();
  // fromEntries makes own keys even of names like "__proto__".
  return Object.fromEntries(
    columns.map((column) => {
      const target = HEADERS[shape].get(compactKey(column));
      if (!target || taken.has(target)) return [column, 'ignore'];
      taken.add(target);
      return [column, target];
    }),
  );
}
