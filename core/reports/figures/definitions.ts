import { DEFINITIONS, type DefinitionKey } from '../../api/figureDefinitions';
import type { ReportLanguage } from '../../api/reports';
import beDefinitions from '../locales/be/definitions.json';
import ruDefinitions from '../locales/ru/definitions.json';

/**
 * The definition of each figure as the dashboard shows it: English is the dashboard's own text
 * (core/api/figureDefinitions.ts), Belarusian and Russian translate it key by key. The type
 * makes a definition without its translation a compile error; tests/unit/report-figures.test.ts
 * checks that no translation is left over or empty.
 */
export const DEFINITION_TEXT: Record<ReportLanguage, Record<DefinitionKey, string>> = {
  en: DEFINITIONS,
  be: beDefinitions,
  ru: ruDefinitions,
};
