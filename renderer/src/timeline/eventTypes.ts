import { CustodyEventType } from '../../../core/api/records';
import type { TimelineEntry, TimelineKind } from './entries';

/** What the "Event type" select offers: each custody event type, then the other kinds. */
export type EventType = CustodyEventType | Exclude<TimelineKind, 'custodyEvent'>;

export const CUSTODY_TYPES = CustodyEventType.options;
export const OTHER_TYPES = ['proceeding', 'statusEvent', 'riskAssignment'] as const;

export function kindOfType(type: EventType): TimelineKind {
  return (OTHER_TYPES as readonly string[]).includes(type)
    ? (type as TimelineKind)
    : 'custodyEvent';
}

export function typeOfEntry(entry: TimelineEntry): EventType {
  return entry.kind === 'custodyEvent' ? entry.record.type : entry.kind;
}
