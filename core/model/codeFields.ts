import type { RecordKind, ThesaurusName } from '../api/records';

/** Fields that hold a thesaurus code (or a list of them), and which thesaurus. */
export const CODE_FIELDS: Partial<Record<RecordKind, Record<string, ThesaurusName>>> = {
  person: { region: 'region' },
  proceeding: { articles: 'article', sentenceType: 'sentence_type' },
  custodyEvent: {
    facility: 'facility',
    releaseType: 'release_type',
    detentionType: 'detention_type',
  },
  riskAssignment: { category: 'risk_category' },
};

/** Fields that point at another record, and its kind. */
export const REFERENCES: Partial<Record<RecordKind, Record<string, RecordKind>>> = {
  statusEvent: { personId: 'person' },
  proceeding: { personId: 'person' },
  custodyEvent: { personId: 'person', proceedingId: 'proceeding' },
  riskAssignment: { personId: 'person' },
  citation: { sourceId: 'source' },
};
