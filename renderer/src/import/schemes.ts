import { DEFAULT_SCHEME, ExternalIdScheme } from '../../../core/api/externalIds';
import type { ImportMapping, ImportSchemes, ImportTarget } from '../../../core/api/import';

/**
 * The id scheme of each column that holds external ids, as the mapping step holds it: the text
 * typed, column -> scheme. A column with no entry shows DEFAULT_SCHEME; a blank one means it.
 */
export type SchemeTexts = Record<string, string>;

/** Targets whose column holds ids of a register, and so names its scheme. */
const ID_TARGETS: ReadonlySet<ImportTarget> = new Set<ImportTarget>([
  'externalId',
  'personExternalId',
]);

/** The columns of the mapping that hold external ids, in the file's order. */
export function idColumns(mapping: ImportMapping): string[] {
  return Object.entries(mapping)
    .filter(([, target]) => ID_TARGETS.has(target))
    .map(([column]) => column);
}

/** The scheme shown for a column: what was typed, else the default. */
export function schemeText(schemes: SchemeTexts, column: string): string {
  return schemes[column] ?? DEFAULT_SCHEME;
}

/** True when the typed scheme cannot be a scheme's name (a colon, over 60 characters). */
export function schemeInvalid(text: string): boolean {
  return text.trim() !== '' && !ExternalIdScheme.safeParse(text).success;
}

/** Id columns whose scheme cannot be sent. */
export function invalidSchemeColumns(mapping: ImportMapping, schemes: SchemeTexts): string[] {
  return idColumns(mapping).filter((column) => schemeInvalid(schemeText(schemes, column)));
}

/**
 * The schemes as the core reads them: for each id column of the mapping, its scheme trimmed;
 * a blank or invalid one is left out, which the core reads as DEFAULT_SCHEME.
 */
export function schemesForCore(mapping: ImportMapping, schemes: SchemeTexts): ImportSchemes {
  const result: ImportSchemes = {};
  for (const column of idColumns(mapping)) {
    const parsed = ExternalIdScheme.safeParse(schemeText(schemes, column));
    if (parsed.success) result[column] = parsed.data;
  }
  return result;
}

/** The schemes to offer in the list under each id column: the default and every one seen. */
export function schemesSeen(...sources: SchemeTexts[]): string[] {
  const seen = new Set([DEFAULT_SCHEME]);
  for (const source of sources) {
    for (const text of Object.values(source)) {
      const parsed = ExternalIdScheme.safeParse(text);
      if (parsed.success) seen.add(parsed.data);
    }
  }
  return [...seen].sort((a, b) => a.localeCompare(b));
}
