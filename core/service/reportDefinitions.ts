import { ApiError } from '../api/errors';
import type { StoredRecord } from '../db/records';
import {
  ReportSpec,
  type SavedReportEntry,
  type ReportSpec as ReportSpecType,
} from '../api/reports';
import { commitSaved, deleteSaved, listSaved, parseJsonField } from './savedRecords';
import type { CoreSession } from './session';

/**
 * Saved report definitions: a name and a report's parameters, never its output, as records of
 * the open vault (not the plaintext settings file), written through the write path.
 */

/** A saved definition, or null for one this version cannot read (a newer version's spec). */
function definitionOf(record: StoredRecord): SavedReportEntry | null {
  const spec = ReportSpec.safeParse(parseJsonField(record.spec));
  return spec.success ? { id: record.id, name: String(record.name), spec: spec.data } : null;
}

/** The report definitions saved in the open vault, by name. */
export async function listReportDefinitions(session: CoreSession): Promise<SavedReportEntry[]> {
  return (await listSaved(session, 'reportDefinition')).flatMap(
    (record) => definitionOf(record) ?? [],
  );
}

/** Saves a definition under its name, replacing one of the same name. */
export async function saveReportDefinition(
  session: CoreSession,
  saved: { name: string; spec: ReportSpecType },
): Promise<SavedReportEntry[]> {
  // Checked here too, not only by the contract: nothing unreadable goes into the vault.
  const spec = ReportSpec.safeParse(saved.spec);
  if (!spec.success) throw new ApiError('INVALID_INPUT', 'Not the parameters of a report');
  const same = (await listSaved(session, 'reportDefinition')).find((r) => r.name === saved.name);
  await commitSaved(session, 'reportDefinition', same?.id ?? null, {
    name: saved.name,
    spec: JSON.stringify(spec.data),
  });
  return listReportDefinitions(session);
}

export async function deleteReportDefinition(session: CoreSession, id: string): Promise<void> {
  await deleteSaved(session, 'reportDefinition', id);
}
