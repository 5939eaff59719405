import type { ReportLanguage } from '../api/reports';
import { pluralCategory } from '../api/format';
import enCommon from './locales/en/common.json';
import beCommon from './locales/be/common.json';
import ruCommon from './locales/ru/common.json';
import enList from './locales/en/list.json';
import beList from './locales/be/list.json';
import ruList from './locales/ru/list.json';
import enDossier from './locales/en/dossier.json';
import beDossier from './locales/be/dossier.json';
import ruDossier from './locales/ru/dossier.json';
import enFigures from './locales/en/figures.json';
import beFigures from './locales/be/figures.json';
import ruFigures from './locales/ru/figures.json';

/**
 * The words of reports, per language and per part (common, and one file per template), bundled
 * with the core. Report strings are the core's own, apart from the interface's: a report is
 * made in en, be or ru whatever language the interface speaks. English is the reference: every
 * other language has each of its keys, with every plural form its language needs
 * (tests/unit/report-strings.test.ts).
 */
export const REPORT_STRINGS = {
  common: { en: enCommon, be: beCommon, ru: ruCommon },
  list: { en: enList, be: beList, ru: ruList },
  dossier: { en: enDossier, be: beDossier, ru: ruDossier },
  figures: { en: enFigures, be: beFigures, ru: ruFigures },
} as const;

export type StringPart = keyof typeof REPORT_STRINGS;

type PluralSuffix = 'one' | 'few' | 'many' | 'other';
type BaseKey<K> = K extends `${infer B}_${PluralSuffix}` ? B : K;
/** The keys of a part, a plural key once without its suffix; `months` is read by format.ts. */
export type StringKey<P extends StringPart> = Exclude<
  BaseKey<keyof (typeof REPORT_STRINGS)[P]['en'] & string>,
  'months'
>;

type Vars = Record<string, string | number>;
export type Translate<P extends StringPart> = (key: StringKey<P>, vars?: Vars) => string;

export function strings(language: ReportLanguage) {
  return REPORT_STRINGS.common[language];
}

/**
 * `t(key, vars)` for one part in one language. A `count` picks the plural form; `{{name}}` is
 * replaced by the variable as given, so callers format numbers and dates first (format.ts).
 * The text is plain: callers escape it for HTML.
 */
export function translator<P extends StringPart>(part: P, language: ReportLanguage): Translate<P> {
  const table = REPORT_STRINGS[part][language] as unknown as Record<string, unknown>;
  return (key, vars = {}) => {
    const count = vars.count;
    const plural =
      typeof count === 'number' ? table[`${key}_${pluralCategory(language, count)}`] : undefined;
    const text = plural ?? table[key];
    if (typeof text !== 'string') throw new Error(`Report string ${part}.${key} is missing`);
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
  };
}
