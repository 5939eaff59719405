import { z } from 'zod';
import { ExternalId } from './externalIds';
import { ImportShape } from './import';
import { ImportRunShape, ImportRunState } from './importRuns';
import { CountryCode, DamageDetails, Id, PartialDate } from './schemas';

/**
 * The case data model: one zod schema per kind of record, shared by the API (validation of
 * every call), the forms of the renderer (inline messages) and the import (row checks).
 * Thesaurus values are stable codes; labels live in the thesaurus, so figures never depend on
 * wording or language.
 */

export const ThesaurusCode = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'codes use lower-case letters, digits, _ . -');

const Text = (max: number) => z.string().max(max);
const OptionalDate = PartialDate.nullable();
const OptionalCode = ThesaurusCode.nullable();

export const Sex = z.enum(['female', 'male', 'other']);
export const Consent = z.enum(['publish', 'withhold_name', 'never_publish']);

export const PersonFields = z.object({
  name: z.string().trim().min(1, 'name is required').max(300),
  nameLatin: z.string().trim().max(300),
  /** Other spellings: Belarusian and Russian forms, transliterations, maiden names. */
  nameVariants: z.array(z.string().trim().min(1).max(300)).max(20),
  /** The organisation's own ids for the person, `scheme:value` (see externalIds.ts). */
  externalIds: z.array(ExternalId).max(20),
  sex: Sex.nullable(),
  birthDate: OptionalDate,
  citizenship: z.array(CountryCode).max(10),
  region: OptionalCode,
  occupation: Text(300),
  notes: Text(100_000),
  consent: Consent,
});
export type PersonFields = z.infer<typeof PersonFields>;

/** What a new person needs: a name; every other field may come later. */
export const PersonCreate = PersonFields.partial().required({ name: true });
export type PersonCreate = z.input<typeof PersonCreate>;

const Stored = { id: Id, createdAt: z.string(), updatedAt: z.string() };

export const Person = PersonFields.extend(Stored);
export type Person = z.infer<typeof Person>;

export const StatusKind = z.enum(['recognised', 'status_removed']);

export const PersonSummary = Person.pick({
  id: true,
  name: true,
  nameLatin: true,
  birthDate: true,
  citizenship: true,
  region: true,
  updatedAt: true,
}).extend({
  /** The latest status event's kind (by date, then by entry), as the person page says it. */
  status: StatusKind.nullable(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

/** "Recognised as a political prisoner on <date> by <whom>", and its withdrawal. */
export const StatusEventFields = z.object({
  personId: Id,
  status: StatusKind,
  date: OptionalDate,
  recognisedBy: Text(300),
  notes: Text(10_000),
});

export const ProceedingKind = z.enum(['criminal', 'administrative']);

export const ProceedingFields = z.object({
  personId: Id,
  kind: ProceedingKind,
  /** Codes from the `article` thesaurus. */
  articles: z.array(ThesaurusCode).max(30),
  court: Text(300),
  judge: Text(300),
  caseNumber: Text(100),
  openedDate: OptionalDate,
  verdictDate: OptionalDate,
  sentenceType: OptionalCode,
  /** Length of the sentence in months (days for administrative arrest), when it has one. */
  sentenceMonths: z
    .number()
    .int()
    .min(0)
    .max(12 * 100)
    .nullable(),
  sentenceDays: z.number().int().min(0).max(365).nullable(),
  regime: Text(100),
  appealDate: OptionalDate,
  appealOutcome: Text(300),
  notes: Text(10_000),
});

export const CustodyEventType = z.enum([
  'detention',
  'arrest',
  'sentence',
  'transfer',
  'release',
  'rearrest',
  'death_in_custody',
]);
export type CustodyEventType = z.infer<typeof CustodyEventType>;

export const CustodyEventFields = z.object({
  personId: Id,
  type: CustodyEventType,
  date: OptionalDate,
  /** A `facility` code: where the person was taken, moved or held. */
  facility: OptionalCode,
  /** A `release_type` code, for releases only. */
  releaseType: OptionalCode,
  /** A `detention_type` code, for detentions and arrests. */
  detentionType: OptionalCode,
  proceedingId: Id.nullable(),
  notes: Text(10_000),
});

export const RiskAssignmentFields = z.object({
  personId: Id,
  /** A `risk_category` code. */
  category: ThesaurusCode,
  startDate: OptionalDate,
  endDate: OptionalDate,
  notes: Text(10_000),
});

export const SourceKind = z.enum([
  'document',
  'interview',
  'media',
  'relative',
  'court_record',
  'other',
]);
export const Reliability = z.enum(['high', 'medium', 'low', 'unknown']);
export const Confidentiality = z.enum(['public', 'restricted', 'confidential']);

export const SourceFields = z.object({
  title: z.string().trim().min(1).max(500),
  kind: SourceKind,
  reliability: Reliability,
  confidentiality: Confidentiality,
  /** Where the source can be found: a document number, an archive reference, an address. */
  reference: Text(2000),
  date: OptionalDate,
  notes: Text(10_000),
});

export const CitableEntity = z.enum([
  'person',
  'statusEvent',
  'proceeding',
  'custodyEvent',
  'riskAssignment',
]);

/** A source attached to a fact (any record, optionally one of its fields). */
export const CitationFields = z.object({
  sourceId: Id,
  entity: CitableEntity,
  entityId: Id,
  field: z.string().max(64).nullable(),
  notes: Text(2000),
});

export const THESAURI = [
  'release_type',
  'detention_type',
  'risk_category',
  'facility',
  'article',
  'region',
  'sentence_type',
] as const;
export const ThesaurusName = z.enum(THESAURI);
export type ThesaurusName = z.infer<typeof ThesaurusName>;

export const ThesaurusTermFields = z.object({
  thesaurus: ThesaurusName,
  code: ThesaurusCode,
  labelEn: Text(300),
  labelBe: Text(300),
  labelRu: Text(300),
  /** For facilities: the postal address supporters write letters to. */
  address: Text(1000),
  /** A retired term stays so old records keep their meaning, but is not offered for new ones. */
  deprecated: z.boolean(),
  sort: z.number().int(),
});

/** The name colleagues see beside this installation's edits in the history. */
export const InstallFields = z.object({ name: z.string().trim().min(1).max(100) });

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * JSON text of a value whose schema lives with its feature (an import mapping's columns, a
 * custom count's question): a change record carries only strings, numbers, booleans and lists of
 * strings, and one field keeps the value whole when two installations edit it. The feature checks
 * the content when it saves it and again when it reads it.
 */
const JsonText = z.string().max(200_000).refine(isJsonText, 'not JSON text');

/**
 * A saved import mapping: which column of a file fills which field, to reuse on the next file of
 * the same layout. In the vault, not the plaintext settings, because a sheet without a header
 * row has case data where its column names should be.
 */
export const ImportMappingFields = z.object({
  name: z.string().trim().min(1).max(100),
  shape: ImportShape,
  columns: JsonText,
  /** The value map and the id schemes of the mapping, as JSON (see core/import/mappings.ts). */
  valueMap: JsonText,
  schemes: JsonText,
});

/**
 * One import of a file: what it was to write and how far it got. Every batch of the import
 * sets `imported` in its own change set, so the change sets that edited this record are
 * exactly the import's, which is how "Undo this import" finds them.
 */
export const ImportRunFields = z.object({
  /** The file's name without its folder. */
  fileName: Text(300),
  shape: ImportRunShape,
  rows: z.number().int().min(0),
  imported: z.number().int().min(0),
  state: ImportRunState.exclude(['stopped']),
  counts: JsonText,
});
export type ImportRunFields = z.infer<typeof ImportRunFields>;

/** A saved custom count: its name and its question, never its numbers or cases. */
export const SavedCountFields = z.object({
  name: z.string().trim().min(1).max(100),
  definition: JsonText,
});

/** A saved report definition: its name and its parameters (a `ReportSpec`), never its output. */
export const ReportDefinitionFields = z.object({
  name: z.string().trim().min(1).max(100),
  spec: JsonText,
});

/**
 * What a produced figures report counted: its parameters and, per figure, the value and the ids
 * of the cases behind it, so "which cases made the number we published" has an answer later.
 * The ids of a large register run to megabytes.
 */
export const FigureSnapshotFields = z.object({
  title: z.string().trim().min(1).max(300),
  spec: JsonText,
  figures: z.string().max(50_000_000).refine(isJsonText, 'not JSON text'),
});

/** 16 hex digits: an installation's id, or a signing key's id. */
export const HexId = z.string().regex(/^[0-9a-f]{16}$/);

/**
 * What a contact may see: everything; everything except cases marked never publish; or only the
 * cases of chosen regions (never-publish cases of those regions included).
 */
export const ContactScope = z.enum(['all', 'no_never_publish', 'regions']);
export type ContactScope = z.infer<typeof ContactScope>;

const Base64 = z.string().regex(/^[A-Za-z0-9+/=]{1,200}$/);
const Timestamp = z.iso.datetime().nullable();

/**
 * This installation's sharing keys (core/sync/keys.ts), only ever in the vault: the age X25519
 * identity bundles are encrypted to, and the Ed25519 seed that signs them. `retired` keeps older
 * key sets (JSON text each) so bundles made for them or signed by them still open and verify.
 */
export const SyncIdentityFields = z.object({
  ageIdentity: z.string().regex(/^AGE-SECRET-KEY-1[0-9A-Z]{1,200}$/),
  ageRecipient: z.string().regex(/^age1[0-9a-z]{1,200}$/),
  signingSeed: Base64,
  signingPublic: Base64,
  keyId: HexId,
  retired: z.array(z.string().max(2000)).max(100),
  /** The number of the last bundle this installation wrote; receivers refuse a replay. */
  bundleSeq: z.number().int().min(0),
});

/**
 * A colleague: their keys, whether and when the fingerprint was confirmed, what they may see,
 * and what they have acknowledged (`theirHave`, the version vector of their last bundle).
 */
export const ContactFields = z.object({
  name: z.string().trim().min(1).max(100),
  installId: HexId,
  ageRecipient: z.string().regex(/^age1[0-9a-z]{1,200}$/),
  /** minisign public key lines, the current one first, older ones after a key rotation. */
  signingKeys: z.array(Base64).min(1).max(100),
  verifiedAt: Timestamp,
  /** The install id of the installation whose user confirmed the fingerprint. */
  verifiedBy: HexId.nullable(),
  scope: ContactScope,
  regions: z.array(ThesaurusCode).max(200),
  /** The contact whose bundle introduced this colleague, for authors known only through a relay. */
  introducedBy: Id.nullable(),
  theirHave: JsonText,
  /** The sequence numbers of this contact's bundles already received, as ranges (JSON text). */
  receivedSeqs: JsonText,
  lastSentAt: Timestamp,
  lastReceivedAt: Timestamp,
  clockAheadMs: z.number().int().nullable(),
});

/**
 * SHA-256 digests, 64 lowercase hex digits each, one after another. Checked as hex digits and a
 * length, not as a repeated group: V8 runs out of stack matching `(?:[0-9a-f]{64})+` against
 * the digests of some 60,000 sets, which one bundle of a researcher's work can carry.
 */
export const DigestList = z
  .string()
  .max(100_000_000)
  .regex(/^[0-9a-f]*$/)
  .refine((digests) => digests.length % 64 === 0, 'a whole number of digests');

/**
 * An author's signature over the digests of change sets they made, received in a bundle and
 * kept so that this vault can pass those sets on to others with the author's own signature.
 */
export const SyncAttestationFields = z.object({
  author: HexId,
  keyId: HexId,
  signature: Base64,
  digests: DigestList,
});

/** One bundle received: from whom, its number, what it brought. */
export const SyncReceiptFields = z.object({
  contactId: Id,
  bundleSeq: z.number().int().min(1),
  changes: z.number().int().min(0),
  newChanges: z.number().int().min(0),
  clockAheadMs: z.number().int().nullable(),
  /** `entity/id` of records whose change carried a far-future time (JSON text). */
  flagged: JsonText,
});

/** Every kind of record, its fields, and what a new one needs. */
export const RECORD_KINDS = {
  person: PersonFields,
  statusEvent: StatusEventFields,
  proceeding: ProceedingFields,
  custodyEvent: CustodyEventFields,
  riskAssignment: RiskAssignmentFields,
  source: SourceFields,
  citation: CitationFields,
  thesaurusTerm: ThesaurusTermFields,
  install: InstallFields,
  importMapping: ImportMappingFields,
  importRun: ImportRunFields,
  savedCount: SavedCountFields,
  reportDefinition: ReportDefinitionFields,
  figureSnapshot: FigureSnapshotFields,
  syncIdentity: SyncIdentityFields,
  contact: ContactFields,
  syncAttestation: SyncAttestationFields,
  syncReceipt: SyncReceiptFields,
} as const;
export type RecordKind = keyof typeof RECORD_KINDS;
export const RecordKindName = z.enum(Object.keys(RECORD_KINDS) as [RecordKind, ...RecordKind[]]);

/** Defaults for fields a new record may leave out; required fields have none. */
export const RECORD_DEFAULTS: { [K in RecordKind]: Partial<z.infer<(typeof RECORD_KINDS)[K]>> } = {
  person: {
    nameLatin: '',
    nameVariants: [],
    externalIds: [],
    sex: null,
    birthDate: null,
    citizenship: [],
    region: null,
    occupation: '',
    notes: '',
    consent: 'withhold_name',
  },
  statusEvent: { status: 'recognised', date: null, recognisedBy: '', notes: '' },
  proceeding: {
    kind: 'criminal',
    articles: [],
    court: '',
    judge: '',
    caseNumber: '',
    openedDate: null,
    verdictDate: null,
    sentenceType: null,
    sentenceMonths: null,
    sentenceDays: null,
    regime: '',
    appealDate: null,
    appealOutcome: '',
    notes: '',
  },
  custodyEvent: {
    date: null,
    facility: null,
    releaseType: null,
    detentionType: null,
    proceedingId: null,
    notes: '',
  },
  riskAssignment: { startDate: null, endDate: null, notes: '' },
  source: {
    kind: 'document',
    reliability: 'unknown',
    confidentiality: 'confidential',
    reference: '',
    date: null,
    notes: '',
  },
  citation: { field: null, notes: '' },
  thesaurusTerm: { labelBe: '', labelRu: '', address: '', deprecated: false, sort: 0 },
  install: {},
  importMapping: { valueMap: '{}', schemes: '{}' },
  importRun: { imported: 0, state: 'running', counts: '{}' },
  savedCount: {},
  reportDefinition: {},
  figureSnapshot: {},
  syncIdentity: { retired: [], bundleSeq: 0 },
  contact: {
    verifiedAt: null,
    verifiedBy: null,
    scope: 'all',
    regions: [],
    introducedBy: null,
    theirHave: '{}',
    receivedSeqs: '[]',
    lastSentAt: null,
    lastReceivedAt: null,
    clockAheadMs: null,
  },
  syncAttestation: {},
  syncReceipt: { clockAheadMs: null, flagged: '[]' },
};

/**
 * Kinds that stay in this vault and never travel in a bundle: this installation's keys, its
 * contacts and sync bookkeeping, and its own saved views and outputs.
 */
export const LOCAL_KINDS: ReadonlySet<RecordKind> = new Set<RecordKind>([
  'importMapping',
  'importRun',
  'savedCount',
  'reportDefinition',
  'figureSnapshot',
  'syncIdentity',
  'contact',
  'syncAttestation',
  'syncReceipt',
]);

/** A stored record of any kind, as the API returns it. */
export const StoredRecord = z.object(Stored).catchall(z.unknown());
export type StoredRecord = z.infer<typeof StoredRecord>;

export const ThesaurusTerm = ThesaurusTermFields.extend(Stored);
export type ThesaurusTerm = z.infer<typeof ThesaurusTerm>;

/** Everything recorded about one person, for the person page and its timeline. */
export const PersonFile = z.object({
  person: Person,
  statusEvents: z.array(StoredRecord),
  proceedings: z.array(StoredRecord),
  custodyEvents: z.array(StoredRecord),
  riskAssignments: z.array(StoredRecord),
  citations: z.array(StoredRecord.extend({ source: StoredRecord.nullable() })),
});
export type PersonFile = z.infer<typeof PersonFile>;

export const HistoryEntry = z.object({
  time: z.string(),
  author: z.string(),
  authorName: z.string().nullable(),
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export const AuditState = z.object({
  state: z.enum(['checking', 'intact', 'broken']),
  entries: z.number().int(),
  firstBadEntry: z.number().int().nullable(),
  /**
   * Damage in the previous generation, the copy the vault keeps beside the current one to fall
   * back on; empty while checking and when it is sound.
   */
  previousGeneration: z.array(DamageDetails),
});
export type AuditState = z.infer<typeof AuditState>;
