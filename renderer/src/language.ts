import { ReportLanguage } from '../../core/api/reports';

/**
 * The language the core sorts and names things in for the interface's language: be, ru or en,
 * and English for any other (the interface falls back to English too).
 */
export function coreLanguage(language: string): ReportLanguage {
  return ReportLanguage.catch('en').parse(language.split('-')[0]);
}
