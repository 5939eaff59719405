import type { Audience, ReportLanguage } from '../../core/api/reports';
import type { ReadDb } from '../../core/db/handle';
import { reportContext as makeContext } from '../../core/reports/context';
import type { ReportContext } from '../../core/reports/types';

/** The date template tests see as today. */
export const TODAY = '2025-01-15';

/** A report context for template tests, as the service makes it. */
export function reportContext(
  db: ReadDb,
  language: ReportLanguage,
  audience: Audience = 'publish',
): ReportContext {
  return makeContext(db, language, audience, TODAY);
}
