import type { TFunction } from 'i18next';
import {
  Confidentiality,
  Consent,
  CustodyEventType,
  ProceedingKind,
  Reliability,
  Sex,
  SourceKind,
  StatusKind,
  ThesaurusName,
  type RecordKind,
} from '../../../core/api/records';
import { formatPartialDate } from '../dates';
import en from '../../../resources/locales/en/translation.json';

type Label = (thesaurus: ThesaurusName, code: string) => string;
type FieldName = keyof typeof en.history.fields;

/** Fields that hold a thesaurus code, and which thesaurus. */
const CODE_FIELDS: Partial<Record<string, ThesaurusName>> = {
  region: 'region',
  facility: 'facility',
  releaseType: 'release_type',
  detentionType: 'detention_type',
  category: 'risk_category',
  sentenceType: 'sentence_type',
  articles: 'article',
};

const DATE_FIELDS = new Set([
  'birthDate',
  'date',
  'openedDate',
  'verdictDate',
  'appealDate',
  'startDate',
  'endDate',
]);

/** Fields holding another record's id, which would mean nothing to a reader. */
const LINK_FIELDS = new Set(['personId', 'proceedingId', 'sourceId', 'entityId']);

/** Who made a change: this computer, another installation by its name, or by its id. */
export function authorText(
  t: TFunction,
  entry: { author: string; authorName: string | null },
  installId: string,
): string {
  if (entry.author === installId) {
    return entry.authorName
      ? t('history.thisComputerNamed', { name: entry.authorName })
      : t('history.thisComputer');
  }
  return entry.authorName ?? t('history.unnamedComputer', { id: entry.author.slice(0, 8) });
}

/** The words for a field's name; a field this build does not know shows its own name. */
export function fieldLabel(t: TFunction, kind: RecordKind, field: string): string {
  if (field === 'kind') return t(kind === 'source' ? 'sources.fields.kind' : 'event.kind');
  // English is the source locale, so its keys are the fields every locale names.
  return Object.hasOwn(en.history.fields, field)
    ? t(`history.fields.${field as FieldName}`)
    : field;
}

function pick<T extends string>(options: readonly T[], value: string): T | null {
  return (options as readonly string[]).includes(value) ? (value as T) : null;
}

/** The words for a value from a fixed list, or null when the field has no such list. */
function choiceText(t: TFunction, kind: RecordKind, field: string, value: string): string | null {
  if (field === 'sex') {
    const sex = pick(Sex.options, value);
    return sex && t(`person.sexes.${sex}`);
  }
  if (field === 'consent') {
    const consent = pick(Consent.options, value);
    return consent && t(`person.consents.${consent}`);
  }
  if (field === 'status') {
    const status = pick(StatusKind.options, value);
    return status && t(`timeline.statuses.${status}`);
  }
  if (field === 'type' && kind === 'custodyEvent') {
    const type = pick(CustodyEventType.options, value);
    return type && t(`timeline.types.${type}`);
  }
  if (field === 'kind' && kind === 'proceeding') {
    const proceeding = pick(ProceedingKind.options, value);
    return proceeding && t(`timeline.proceedingKinds.${proceeding}`);
  }
  if (field === 'kind' && kind === 'source') {
    const source = pick(SourceKind.options, value);
    return source && t(`sources.kinds.${source}`);
  }
  if (field === 'reliability') {
    const level = pick(Reliability.options, value);
    return level && t(`sources.reliability.${level}`);
  }
  if (field === 'confidentiality') {
    const level = pick(Confidentiality.options, value);
    return level && t(`sources.confidentiality.${level}`);
  }
  if (field === 'thesaurus') {
    const name = pick(ThesaurusName.options, value);
    return name && t(`thesauri.names.${name}`);
  }
  return null;
}

/** A value from the history as a reader would say it. */
export function historyValue(
  t: TFunction,
  label: Label,
  kind: RecordKind,
  field: string,
  value: unknown,
): string {
  if (value === null || value === undefined || value === '') return t('history.empty');
  if (Array.isArray(value)) {
    if (value.length === 0) return t('history.empty');
    const thesaurus = CODE_FIELDS[field];
    return value
      .map((item) => (thesaurus ? label(thesaurus, String(item)) : String(item)))
      .join('; ');
  }
  if (typeof value === 'boolean') return value ? t('history.yes') : t('history.no');
  if (LINK_FIELDS.has(field)) return t('history.linked');
  const text = String(value);
  const thesaurus = CODE_FIELDS[field];
  if (thesaurus) return label(thesaurus, text);
  if (DATE_FIELDS.has(field)) return formatPartialDate(t, text);
  return choiceText(t, kind, field, text) ?? text;
}
