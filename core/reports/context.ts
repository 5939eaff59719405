import type { ReadDb } from '../db/handle';
import type { Audience, ReportLanguage } from '../api/reports';
import { labelLookup } from '../export/columns';
import { translator } from './strings';
import type { ReportContext } from './types';

/** The context of a report in `language` for `audience`, made on `today` (YYYY-MM-DD). */
export function reportContext(
  db: ReadDb,
  language: ReportLanguage,
  audience: Audience,
  today: string,
): ReportContext {
  const label = labelLookup(db, language);
  return {
    db,
    language,
    audience,
    t: translator('common', language),
    label: (thesaurus, code) =>
      code === null ? translator('common', language)('notRecorded') : label(thesaurus, code),
    today,
  };
}
