import { z } from 'zod';
import { Consent, StatusKind, ThesaurusCode } from './records';
import { PartialDate } from './schemas';

/**
 * What the person page shows above its forms, as of today. Custody, facility and active risk
 * categories come from the figure engine (core/stats), so the page never says "in custody"
 * where a figure would not count the person; see docs/methodology.md.
 */
export const PersonSummaryCard = z.object({
  asOf: z.string(),
  /** The latest status event by date (then by entry): recognition or its withdrawal. */
  status: z
    .object({ status: StatusKind, date: PartialDate.nullable(), recognisedBy: z.string() })
    .nullable(),
  custody: z.enum(['in', 'out', 'uncertain', 'unplaced']),
  /** While in custody: the date of the custodial event that began the current detention. */
  custodySince: PartialDate.nullable(),
  /** The facility the breakdown by facility gives on the date. */
  facility: ThesaurusCode.nullable(),
  /** The latest proceeding with a sentence, by verdict date. */
  lastSentence: z
    .object({
      sentenceType: ThesaurusCode.nullable(),
      sentenceMonths: z.number().int().nullable(),
      sentenceDays: z.number().int().nullable(),
      verdictDate: PartialDate.nullable(),
    })
    .nullable(),
  /** Active on the date, in or out of custody; `over_60` from the birth date. */
  risks: z.array(z.object({ category: ThesaurusCode, certain: z.boolean() })),
  consent: Consent,
});
export type PersonSummaryCard = z.infer<typeof PersonSummaryCard>;
