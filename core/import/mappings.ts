import { createHash } from 'node:crypto';
import {
  ImportSchemes,
  ValueMap,
  type AppliedImportMapping,
  type ImportMapping,
  type SavedColumns,
} from '../api/import';

/**
 * The key a saved mapping knows a column by: a short hash of its name. A sheet without a header
 * row has its first row where the names should be, so a name can be a person's name or birth
 * date. The vault is encrypted, but a saved mapping is a convenience, not a record of the case,
 * and it should not carry case data into the history, backups or a colleague's copy: the hash
 * still recognises the same column in the next file and says nothing about what it held.
 */
export function columnKey(column: string): string {
  return createHash('sha256').update(column, 'utf8').digest('hex').slice(0, 16);
}

/** What is kept of a mapping: the columns that fill a field, by key, in the file's order. */
export function savedColumnsOf(mapping: ImportMapping): SavedColumns {
  return Object.entries(mapping).flatMap(([column, target]) =>
    target === 'ignore' ? [] : [{ key: columnKey(column), target }],
  );
}

/** The schemes of id columns, by column key like the columns themselves. */
export function savedSchemesOf(schemes: ImportSchemes): Record<string, string> {
  return Object.fromEntries(
    Object.entries(schemes).map(([column, scheme]) => [columnKey(column), scheme]),
  );
}

/**
 * The value map as saved: by target and value as written. The values are those of coded
 * columns (a region, a release type), the words of a register rather than facts of a case.
 */
export function readSavedValues(json: unknown): ValueMap {
  return ValueMap.safeParse(json).data ?? {};
}

/** A saved mapping applied to a file's columns; columns it does not know are left out. */
export function applySavedColumns(
  columns: readonly string[],
  saved: SavedColumns,
  savedSchemes: Record<string, string> = {},
  values: ValueMap = {},
): AppliedImportMapping {
  const schemes: ImportSchemes = {};
  const byKey = new Map(saved.map((entry) => [entry.key, entry.target]));
  const mapping: ImportMapping = {};
  const found = new Set<string>();
  for (const column of columns) {
    const key = columnKey(column);
    const target = byKey.get(key);
    if (target === undefined) continue;
    mapping[column] = target;
    const scheme = ImportSchemes.safeParse({ [column]: savedSchemes[key] }).data;
    if (scheme && Object.hasOwn(savedSchemes, key)) Object.assign(schemes, scheme);
    found.add(key);
  }
  const missing = saved.filter((entry) => !found.has(entry.key)).map((entry) => entry.target);
  return { mapping, values, schemes, missing };
}
