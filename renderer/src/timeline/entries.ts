import type { z } from 'zod';
import type {
  CustodyEventFields,
  PersonFile,
  ProceedingFields,
  RiskAssignmentFields,
  StatusEventFields,
} from '../../../core/api/records';
import { comparePartialDates } from '../dates';
import { asKind, type Stored } from '../storedRecords';

export type CustodyEvent = z.infer<typeof CustodyEventFields> & Stored;
export type Proceeding = z.infer<typeof ProceedingFields> & Stored;
export type StatusEvent = z.infer<typeof StatusEventFields> & Stored;
export type RiskAssignment = z.infer<typeof RiskAssignmentFields> & Stored;

export type TimelineEntry =
  | { kind: 'custodyEvent'; record: CustodyEvent; date: string | null }
  | { kind: 'proceeding'; record: Proceeding; date: string | null }
  | { kind: 'statusEvent'; record: StatusEvent; date: string | null }
  | { kind: 'riskAssignment'; record: RiskAssignment; date: string | null };

export type TimelineKind = TimelineEntry['kind'];

/**
 * Every dated fact about the person, oldest first; undated facts last, in the order they were
 * recorded.
 */
export function timelineEntries(file: PersonFile): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...asKind<CustodyEvent>(file.custodyEvents).map((record) => ({
      kind: 'custodyEvent' as const,
      record,
      date: record.date,
    })),
    ...asKind<Proceeding>(file.proceedings).map((record) => ({
      kind: 'proceeding' as const,
      record,
      date: record.openedDate ?? record.verdictDate,
    })),
    ...asKind<StatusEvent>(file.statusEvents).map((record) => ({
      kind: 'statusEvent' as const,
      record,
      date: record.date,
    })),
    ...asKind<RiskAssignment>(file.riskAssignments).map((record) => ({
      kind: 'riskAssignment' as const,
      record,
      date: record.startDate,
    })),
  ];
  return entries.sort(
    (a, b) =>
      comparePartialDates(a.date, b.date) || a.record.createdAt.localeCompare(b.record.createdAt),
  );
}
