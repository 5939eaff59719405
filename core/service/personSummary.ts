import type { MethodResult, ParsedArgs } from '../api/contract';
import { ApiError } from '../api/errors';
import type { PersonSummaryCard } from '../api/personSummary';
import { CustodyEventFields, ProceedingFields, StatusEventFields } from '../api/records';
import type { z } from 'zod';
import { personOnDate } from '../stats';
import { isCustodial, typeNumber } from '../stats/custody';
import { getPersonFile } from './persons';
import { localDate, type CoreSession } from './session';

type Dated = { date: string | null };

/** The stored records of one kind read with its schema; they were checked when written. */
function readAs<S extends z.ZodType>(schema: S, records: readonly unknown[]): z.infer<S>[] {
  return records.flatMap((record) => {
    const parsed = schema.safeParse(record);
    return parsed.success ? [parsed.data as z.infer<S>] : [];
  });
}

type CustodyEvent = z.infer<typeof CustodyEventFields>;
type File = Awaited<ReturnType<typeof getPersonFile>>;

/** Partial dates as text sort in time order ("2021" before "2021-03"); undated ones last. */
function byDate(a: Dated, b: Dated): number {
  const x = a.date ?? '9999';
  const y = b.date ?? '9999';
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The date of the custodial event that began the detention under way on `today`: the first
 * custodial event after the last release (or death) on or before today. Same-day events follow
 * the engine's fixed type order, as the custody rule does.
 */
function custodySince(events: CustodyEvent[], today: string): string | null {
  const placed = events
    .filter((e) => e.date !== null && e.date <= today)
    .sort((a, b) => byDate(a, b) || typeNumber(a.type) - typeNumber(b.type));
  let since: string | null = null;
  for (const event of placed) {
    if (!isCustodial(typeNumber(event.type))) since = null;
    else since ??= event.date;
  }
  return since;
}

function latestStatus(file: File): PersonSummaryCard['status'] {
  // Stable sort of records in entry order: of two on the same date, the later entry wins.
  const latest = readAs(StatusEventFields, file.statusEvents).sort(byDate).at(-1);
  return latest
    ? { status: latest.status, date: latest.date, recognisedBy: latest.recognisedBy }
    : null;
}

function lastSentence(file: File): PersonSummaryCard['lastSentence'] {
  const sentenced = readAs(ProceedingFields, file.proceedings)
    .filter((p) => p.sentenceType !== null || p.sentenceMonths !== null || p.sentenceDays !== null)
    .map((p) => ({ proceeding: p, date: p.verdictDate ?? p.openedDate }))
    .sort(byDate)
    .at(-1)?.proceeding;
  if (!sentenced) return null;
  const { sentenceType, sentenceMonths, sentenceDays, verdictDate } = sentenced;
  return { sentenceType, sentenceMonths, sentenceDays, verdictDate };
}

/** The person page's summary, as of the computer's today. */
export async function getPersonSummary(
  session: CoreSession,
  args: ParsedArgs<'getPersonSummary'>,
): Promise<MethodResult<'getPersonSummary'>> {
  const file = await getPersonFile(session, args);
  const today = localDate(new Date());
  const engine = personOnDate((await session.readVault()).db, args.id, today);
  if (!engine) throw new ApiError('NOT_FOUND', 'No such person');
  const held = engine.custody === 'in' || engine.custody === 'uncertain';
  return {
    asOf: today,
    status: latestStatus(file),
    custody: engine.custody,
    custodySince: held ? custodySince(readAs(CustodyEventFields, file.custodyEvents), today) : null,
    facility: held ? engine.facility : null,
    lastSentence: lastSentence(file),
    risks: engine.risks,
    consent: file.person.consent,
  };
}
