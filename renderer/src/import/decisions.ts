import type {
  DuplicateChoice,
  ImportDecisions,
  ImportPreview,
  ImportProblem,
} from '../../../core/api/import';

/**
 * The dry run's questions about persons, and the answers as the core reads them: what to do
 * with a likely duplicate (for all, or row by row), and which person an ambiguous link means.
 */

/**
 * Nothing is written for a likely duplicate until the user says so: re-importing a file
 * without ids must not add everyone again.
 */
export const FIRST_DECISIONS: ImportDecisions = {
  duplicates: 'skip',
  duplicateRows: {},
  links: {},
};

/** A row of the file whose person looks like one already in the vault. */
export interface DuplicateRow {
  row: number;
  /** The cell the core quoted, the name as written. */
  value: string;
  personId: string;
}

/** A row whose link to a person matched several, with the persons to choose from. */
export interface AmbiguousLink {
  row: number;
  value: string;
  candidates: NonNullable<ImportProblem['candidates']>;
}

/** The first problem of each row that `pick` takes, in row order. */
function byRow<T extends { row: number }>(
  problems: ImportProblem[],
  pick: (problem: ImportProblem) => T | null,
): T[] {
  const rows = new Map<number, T>();
  for (const problem of problems) {
    if (rows.has(problem.row)) continue;
    const picked = pick(problem);
    if (picked) rows.set(problem.row, picked);
  }
  return [...rows.values()].sort((a, b) => a.row - b.row);
}

/** The person table's rows that look like a person in the vault. */
export function duplicateRowsOf(preview: ImportPreview): DuplicateRow[] {
  return byRow(preview.problems, (problem) =>
    problem.code === 'DUPLICATE_IN_VAULT' && problem.personId !== undefined
      ? { row: problem.row, value: problem.value ?? '', personId: problem.personId }
      : null,
  );
}

/** The rows whose person the user must choose among the candidates. */
export function ambiguousLinksOf(preview: ImportPreview): AmbiguousLink[] {
  return byRow(preview.problems, (problem) =>
    problem.code === 'PERSON_AMBIGUOUS' && (problem.candidates?.length ?? 0) > 0
      ? { row: problem.row, value: problem.value ?? '', candidates: problem.candidates ?? [] }
      : null,
  );
}

/**
 * The rows to ask about after a new dry run: those it reports, and those answered before that
 * it no longer reports (an answered link is no longer ambiguous), so an answer stays visible
 * and can be changed.
 */
export function keptRows<T extends { row: number }>(
  previous: T[],
  current: T[],
  answered: Record<string, unknown>,
): T[] {
  const reported = new Set(current.map((item) => item.row));
  const kept = previous.filter(
    (item) => !reported.has(item.row) && Object.hasOwn(answered, String(item.row)),
  );
  return [...current, ...kept].sort((a, b) => a.row - b.row);
}

/** One row's duplicate choice set, or given back to the choice for all with null. */
export function withDuplicateRow(
  decisions: ImportDecisions,
  row: number,
  choice: DuplicateChoice | null,
): ImportDecisions {
  const duplicateRows = { ...decisions.duplicateRows };
  if (choice === null) delete duplicateRows[String(row)];
  else duplicateRows[String(row)] = choice;
  return { ...decisions, duplicateRows };
}

/** One row's person chosen, or unchosen with null. */
export function withLink(
  decisions: ImportDecisions,
  row: number,
  personId: string | null,
): ImportDecisions {
  const links = { ...decisions.links };
  if (personId === null) delete links[String(row)];
  else links[String(row)] = personId;
  return { ...decisions, links };
}

function sameRecord(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** True when two sets of decisions would make the same import. */
export function sameDecisions(a: ImportDecisions, b: ImportDecisions): boolean {
  return (
    a.duplicates === b.duplicates &&
    sameRecord(a.duplicateRows, b.duplicateRows) &&
    sameRecord(a.links, b.links)
  );
}
