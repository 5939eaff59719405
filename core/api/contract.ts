import { z } from 'zod';
import { CaseFileArgs, CaseFileResult, ExportArgs, ExportResult } from './export';
import {
  DisclosureArgs,
  DisclosureSummary,
  FigureSnapshotEntry,
  ReportLanguage,
  ReportPreview,
  ReportSpec,
  SavedReportDefinition,
  SavedReportEntry,
  SaveReportArgs,
  SaveReportResult,
  SnapshotComparison,
} from './reports';
import {
  AddContactArgs,
  Conflict,
  Contact,
  ContactScopeArgs,
  Fingerprint,
  ReceiveArgs,
  ReceivePreview,
  ReceiveResult,
  ResolveConflictArgs,
  SaveContactFileArgs,
  SendArgs,
  SendPreview,
  SendResult,
  SyncIdentity,
  VerifyContactArgs,
} from './sync';
import {
  AppliedImportMapping,
  ApplyImportMappingArgs,
  ImportPreview,
  PreviewImportArgs,
  RunImportArgs,
  SavedImportMapping,
  SavedImportMappingEntry,
} from './import';
import { ImportProgress, ImportResult, ImportRun, UndoImportResult } from './importRuns';
import { PersonSummaryCard } from './personSummary';
import {
  CoreVaultStatus,
  DamageDetails,
  Id,
  PartialDate,
  Passphrase,
  SecretArgs,
  Settings,
  VaultStatus,
} from './schemas';
import { Language } from './language';
import { PathToken, PickedPath, PickPathArgs, type PathFields } from './pickers';
import {
  AuditState,
  HistoryEntry,
  InstallFields,
  Person,
  PersonCreate,
  PersonFields,
  PersonFile,
  PersonSummary,
  RECORD_KINDS,
  RecordKindName,
  StoredRecord,
  ThesaurusCode,
  ThesaurusName,
  ThesaurusTerm,
} from './records';
import {
  AtRiskArgs,
  AtRiskResult,
  BreakdownArgs,
  BreakdownResult,
  CasesArgs,
  CasesResult,
  CustodySeriesArgs,
  CustodySeriesResult,
  EarlyReleaseShareArgs,
  EarlyReleaseShareResult,
  Figure,
  InCustodyArgs,
  PivotArgs,
  PivotResult,
  RearrestsArgs,
  ReleasesArgs,
  ReleasesResult,
  SavedCount,
  SavedPivot,
} from './figures';

/**
 * How a call opens a vault in its `folder` argument: an `existing` vault (unlock, repair) or a
 * `new` one it writes there first (create, restore). Hosts run such a call beside the vault
 * that is open and drop that one only once the call succeeded.
 */
export type VaultOpening = 'existing' | 'new';

interface MethodSpec<A extends z.ZodType, R extends z.ZodType> {
  args: A;
  result: R;
  opensVault?: VaultOpening;
  /**
   * The argument fields that carry a token from `pickPath`; the host swaps each for the path it
   * stands for before the call reaches the core, which never sees a token. A result field of the
   * same name (the path the core wrote) reaches the renderer as the file's or folder's name only.
   */
  paths?: PathFields;
  /**
   * What the core answers when it differs from what the renderer gets: the vault's status with
   * its folder's path, at `status` (`value`: the whole result), which the host swaps for a token.
   */
  core?: { result: z.ZodType; status: 'value' | 'status' };
  /**
   * Answered at once, beside a call under way, instead of after it: the method neither reads
   * nor writes the vault, only what the core holds in memory about an import under way.
   */
  beside?: true;
  /**
   * Answered by the host (CoreHost) itself, never by the worker: what it holds must outlive a
   * lock, which terminates the worker.
   */
  host?: true;
}

function method<A extends z.ZodType, R extends z.ZodType>(args: A, result: R): MethodSpec<A, R> {
  return { args, result };
}

/** A method that reads or writes the files or folders its `paths` fields name by token. */
function withPaths<A extends z.ZodType, R extends z.ZodType, S extends MethodSpec<A, R>>(
  paths: PathFields,
  spec: S,
): S & { paths: PathFields } {
  return { ...spec, paths };
}

/**
 * A method whose result is, or holds at `status`, the vault's status: the core answers with
 * `core` (the folder's path), the renderer gets `result` (a token for the folder).
 */
function withStatus<A extends z.ZodType, R extends z.ZodType, C extends z.ZodType>(
  spec: MethodSpec<A, R>,
  core: C,
  status: 'value' | 'status' = 'value',
): MethodSpec<A, R> & { core: { result: C; status: 'value' | 'status' } } {
  return { ...spec, core: { result: core, status } };
}

/** A method the worker answers while another call (an import) is running; see `beside`. */
function besideCall<A extends z.ZodType, R extends z.ZodType>(
  args: A,
  result: R,
): MethodSpec<A, R> {
  return { args, result, beside: true };
}

/** A method the host answers; see `host`. */
function hostCall<A extends z.ZodType, R extends z.ZodType>(
  args: A,
  result: R,
): MethodSpec<A, R> & { host: true } {
  return { args, result, host: true };
}

/**
 * A form of the person page with changes not yet saved: which part and whose, never what was
 * typed. The host keeps the list across a lock so that the renderer can say, after unlock, what
 * the lock discarded (docs/threat-model.md, "Auto-lock and unsaved changes").
 */
export const UnsavedForm = z
  .object({ form: z.enum(['person', 'timeline', 'sources']), personId: Id.nullable() })
  .strict();
export type UnsavedForm = z.infer<typeof UnsavedForm>;
const UnsavedForms = z.object({ forms: z.array(UnsavedForm).max(10) }).strict();

/** A method that opens the vault whose folder's token is its `folder` argument. */
function opener<A extends z.ZodType<{ folder: string }>, R extends z.ZodType>(
  opensVault: VaultOpening,
  args: A,
  result: R,
): MethodSpec<A, R> {
  return { args, result, opensVault };
}

const NoArgs = z.object({}).strict();

/**
 * What selects the people of the person list: its search text and filters. A risk category and
 * "in custody" mean what the figures mean by them, today (docs/methodology.md).
 */
const PersonFilter = z.object({
  query: z.string().max(200).default(''),
  region: ThesaurusCode.optional(),
  riskCategory: ThesaurusCode.optional(),
  inCustody: z.boolean().optional(),
});

/**
 * `{ kind, fields }` (and `extra`, such as the id of the record to update) where fields are
 * checked against that kind's schema, all optional, and no other field is accepted.
 */
function recordFieldsArgs(extra: z.ZodRawShape = {}) {
  return z.discriminatedUnion(
    'kind',
    Object.entries(RECORD_KINDS).map(([kind, schema]) =>
      z.object({ kind: z.literal(kind), ...extra, fields: schema.partial().strict() }).strict(),
    ) as unknown as [z.ZodObject, ...z.ZodObject[]],
  );
}
const RecordFieldsArgs = recordFieldsArgs();

function hasOneSecret(a: z.infer<typeof SecretArgs>): boolean {
  return (a.passphrase === undefined) !== (a.recoveryKey === undefined);
}

/** Adds "a passphrase or a recovery key, exactly one" to a method's arguments. */
function withSecret<S extends z.ZodRawShape>(args: z.ZodObject<S>) {
  return args
    .extend(SecretArgs.shape)
    .strict()
    .refine((a) => hasOneSecret(a as unknown as z.infer<typeof SecretArgs>), {
      message: 'give a passphrase or a recovery key',
    });
}

/**
 * The one API surface of Vigil. Electron's main process, its preload, the browser host and the
 * renderer all derive their bridges from this object; a method that is not here cannot be called.
 */
export const contract = {
  vaultStatus: withStatus(method(NoArgs, VaultStatus), CoreVaultStatus),
  /**
   * Shows the host's own file or folder dialog for `purpose`; null when the user cancelled,
   * which changes nothing. The token stands for the chosen path, for that purpose only, until
   * the vault locks or the app quits.
   */
  pickPath: hostCall(PickPathArgs, PickedPath.nullable()),
  /** The language the interface shows now: the host's menus and file dialogs follow it. */
  showInterfaceLanguage: hostCall(z.object({ language: Language }).strict(), z.object({})),
  createVault: withPaths(
    { folder: ['newVault'] },
    withStatus(
      opener(
        'new',
        z.object({ folder: PathToken, passphrase: Passphrase }).strict(),
        VaultStatus.extend({ recoveryKey: z.string() }),
      ),
      CoreVaultStatus.extend({ recoveryKey: z.string() }),
    ),
  ),
  unlockVault: withPaths(
    { folder: ['openVault'] },
    withStatus(
      opener(
        'existing',
        withSecret(z.object({ folder: PathToken, readOnly: z.boolean().default(false) })),
        VaultStatus,
      ),
      CoreVaultStatus,
    ),
  ),
  repairVault: withPaths(
    { folder: ['openVault'] },
    withStatus(
      opener(
        'existing',
        withSecret(z.object({ folder: PathToken })),
        z.object({ status: VaultStatus, damage: z.array(DamageDetails) }),
      ),
      z.object({ status: CoreVaultStatus, damage: z.array(DamageDetails) }),
      'status',
    ),
  ),
  lockVault: withStatus(method(NoArgs, VaultStatus), CoreVaultStatus),
  /** The forms with unsaved changes now, replacing the last list; a lock discards them. */
  noteUnsavedForms: hostCall(UnsavedForms, z.object({})),
  /** The forms the last lock discarded, once: the list is empty afterwards. */
  takeDiscardedForms: hostCall(NoArgs, UnsavedForms),
  changePassphrase: withStatus(
    method(
      withSecret(z.object({ newPassphrase: Passphrase, rotateKeys: z.boolean().default(false) })),
      // With rotateKeys, the new recovery key, shown once; the old one no longer opens the vault.
      VaultStatus.extend({ recoveryKey: z.string().nullable() }),
    ),
    CoreVaultStatus.extend({ recoveryKey: z.string().nullable() }),
  ),
  saveBackup: withPaths(
    { folder: ['backupFolder'] },
    method(
      z.object({ folder: PathToken }).strict(),
      z.object({ folder: z.string(), bytes: z.number() }),
    ),
  ),
  restoreBackup: withPaths(
    { source: ['restoreSource'], folder: ['newVault'] },
    withStatus(
      opener('new', withSecret(z.object({ source: PathToken, folder: PathToken })), VaultStatus),
      CoreVaultStatus,
    ),
  ),
  getSettings: method(NoArgs, Settings),
  updateSettings: method(Settings.partial().strict(), Settings),
  createPerson: method(PersonCreate.strict(), Person),
  listPersons: method(
    PersonFilter.extend({
      limit: z.number().int().min(1).max(1000).default(200),
      offset: z.number().int().min(0).default(0),
      sort: z.enum(['name', 'birthDate', 'updated']).default('name'),
      direction: z.enum(['asc', 'desc']).default('asc'),
      // The interface language: by name is in its alphabetical order (core/search/collation.ts).
      language: ReportLanguage.default('en'),
    }).strict(),
    // `total` is null when the page was found without counting every match (a short prefix in
    // a large register): `countPersons` counts, in a call of its own.
    z.object({ items: z.array(PersonSummary), total: z.number().int().nullable() }),
  ),
  countPersons: method(PersonFilter.strict(), z.object({ total: z.number().int() })),
  getPerson: method(z.object({ id: Id }).strict(), Person),
  findDuplicates: method(
    z
      .object({
        name: z.string().max(300),
        birthDate: PartialDate.nullable().default(null),
        excludeId: Id.nullable().default(null),
      })
      .strict(),
    z.array(PersonSummary),
  ),
  getPersonFile: method(z.object({ id: Id }).strict(), PersonFile),
  getPersonSummary: method(z.object({ id: Id }).strict(), PersonSummaryCard),
  createRecord: method(RecordFieldsArgs, StoredRecord),
  updateRecord: method(recordFieldsArgs({ id: Id }), StoredRecord),
  deleteRecord: method(z.object({ kind: RecordKindName, id: Id }).strict(), z.object({ id: Id })),
  getRecord: method(z.object({ kind: RecordKindName, id: Id }).strict(), StoredRecord),
  listThesaurus: method(
    z.object({ thesaurus: ThesaurusName, includeDeprecated: z.boolean().default(false) }).strict(),
    z.array(ThesaurusTerm),
  ),
  getHistory: method(z.object({ kind: RecordKindName, id: Id }).strict(), z.array(HistoryEntry)),
  undoLastChange: method(NoArgs, z.object({ undone: z.boolean() })),
  auditStatus: method(NoArgs, AuditState),
  /** Fills the open vault with invented cases, for trying Vigil out; never real people. */
  loadDemoData: method(
    z.object({ persons: z.number().int().min(1).max(100_000).default(500) }).strict(),
    z.object({ persons: z.number().int(), records: z.number().int() }),
  ),
  updatePerson: method(
    z.object({ id: Id, changes: PersonFields.partial().strict() }).strict(),
    Person,
  ),
  // Import and export
  previewImport: withPaths({ path: ['importFile'] }, method(PreviewImportArgs, ImportPreview)),
  runImport: withPaths({ path: ['importFile'] }, method(RunImportArgs, ImportResult)),
  // Saved mappings and counts are records of the open vault, never of the settings file.
  saveImportMapping: method(SavedImportMapping, z.array(SavedImportMappingEntry)),
  listImportMappings: method(NoArgs, z.array(SavedImportMappingEntry)),
  applyImportMapping: method(ApplyImportMappingArgs, AppliedImportMapping),
  deleteImportMapping: method(z.object({ id: Id }).strict(), z.object({ id: Id })),
  /** The import under way, for its progress bar; answered between its batches. */
  importProgress: besideCall(NoArgs, ImportProgress),
  /** Stops the import under way after the batch being written; what came before stays. */
  cancelImport: besideCall(NoArgs, z.object({ cancelling: z.boolean() })),
  /** Every import into this vault, newest first, with how far it got. */
  listImportRuns: method(NoArgs, z.array(ImportRun)),
  /**
   * Removes what an import created and restores what it changed, in one step through the
   * write path; refused while an import is under way and for an import already undone.
   */
  undoImport: method(z.object({ id: Id }).strict(), UndoImportResult),
  exportRecords: withPaths({ path: ['exportFile'] }, method(ExportArgs, ExportResult)),
  /** Every table of the chosen persons, as one workbook or a folder of CSV files. */
  exportCaseFile: withPaths(
    { path: ['exportFile', 'exportFolder'] },
    method(CaseFileArgs, CaseFileResult),
  ),
  /** A case file from `exportCaseFile`, with its own ids, as one import run. */
  importCaseFile: withPaths(
    { path: ['caseFileWorkbook', 'caseFileFolder'] },
    method(z.object({ path: PathToken }).strict(), ImportResult),
  ),
  /** What the disclosure policy would leave out or pseudonymise, said before any output. */
  previewDisclosure: method(DisclosureArgs, DisclosureSummary),
  // Reports
  previewReport: method(ReportSpec, ReportPreview),
  saveReport: withPaths({ path: ['reportFile'] }, method(SaveReportArgs, SaveReportResult)),
  saveReportDefinition: method(SavedReportDefinition, z.array(SavedReportEntry)),
  listReportDefinitions: method(NoArgs, z.array(SavedReportEntry)),
  deleteReportDefinition: method(z.object({ id: Id }).strict(), z.object({ id: Id })),
  listFigureSnapshots: method(NoArgs, z.array(FigureSnapshotEntry.omit({ figures: true }))),
  compareFigureSnapshot: method(z.object({ id: Id }).strict(), SnapshotComparison),
  // Figures
  figureInCustody: method(InCustodyArgs, Figure),
  figureReleases: method(ReleasesArgs, ReleasesResult),
  figureAtRisk: method(AtRiskArgs, AtRiskResult),
  figureEarlyReleaseShare: method(EarlyReleaseShareArgs, EarlyReleaseShareResult),
  figureRearrests: method(RearrestsArgs, Figure),
  figureBreakdown: method(BreakdownArgs, BreakdownResult),
  figureCustodySeries: method(CustodySeriesArgs, CustodySeriesResult),
  figureCases: method(CasesArgs, CasesResult),
  /** The given persons in the drill-down's order: by name in the language, withheld names last. */
  figureCaseOrder: method(
    z.object({ personIds: z.array(Id).max(1_000_000), language: ReportLanguage }).strict(),
    z.object({ personIds: z.array(Id) }),
  ),
  figurePivot: method(PivotArgs, PivotResult),
  savePivot: method(SavedPivot, z.array(SavedCount)),
  listPivots: method(NoArgs, z.array(SavedCount)),
  deletePivot: method(z.object({ id: Id }).strict(), z.object({ id: Id })),
  // Sync with colleagues by encrypted bundles (core/sync, docs/sync.md)
  /** This installation's sharing identity; made on first call, inside the vault. */
  syncIdentity: method(NoArgs, SyncIdentity),
  /** New key pairs; the old ones are kept so older bundles still open and verify. */
  rotateSyncKeys: method(NoArgs, SyncIdentity),
  /** The name colleagues see beside this installation's changes and on its contact file. */
  setInstallName: method(z.object({ name: InstallFields.shape.name }).strict(), SyncIdentity),
  saveContactFile: withPaths(
    { path: ['saveContactFile'] },
    method(SaveContactFileArgs, z.object({ path: z.string() })),
  ),
  addContact: withPaths({ path: ['openContactFile'] }, method(AddContactArgs, Contact)),
  listContacts: method(NoArgs, z.array(Contact)),
  contactFingerprint: method(z.object({ id: Id }).strict(), Fingerprint),
  verifyContact: method(VerifyContactArgs, Contact),
  setContactScope: method(ContactScopeArgs, Contact),
  removeContact: method(z.object({ id: Id }).strict(), z.object({ id: Id })),
  previewSend: method(SendArgs.pick({ contactIds: true }).strict(), SendPreview),
  sendBundle: withPaths({ path: ['sendBundle'] }, method(SendArgs, SendResult)),
  previewReceive: withPaths({ path: ['receiveBundle'] }, method(ReceiveArgs, ReceivePreview)),
  receiveBundle: withPaths({ path: ['receiveBundle'] }, method(ReceiveArgs, ReceiveResult)),
  listConflicts: method(NoArgs, z.array(Conflict)),
  resolveConflict: method(ResolveConflictArgs, z.object({ remaining: z.number().int() })),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** The methods the host answers itself (see `host`); the worker has no handler for them. */
export type HostMethodName = {
  [M in MethodName]: Contract[M] extends { host: true } ? M : never;
}[MethodName];
export type MethodArgs<M extends MethodName> = z.input<Contract[M]['args']>;
export type ParsedArgs<M extends MethodName> = z.output<Contract[M]['args']>;
export type MethodResult<M extends MethodName> = z.output<Contract[M]['result']>;
/** What the core answers for a method: its result, with paths where the renderer gets tokens. */
export type CoreResult<M extends MethodName> = Contract[M] extends {
  core: { result: infer C extends z.ZodType };
}
  ? z.output<C>
  : MethodResult<M>;

/** The schema the core checks its answer to `method` against. */
export function coreResultSchema(method: MethodName): z.ZodType {
  const spec: MethodSpec<z.ZodType, z.ZodType> = contract[method];
  return spec.core?.result ?? spec.result;
}

/** The token fields of `method`'s arguments and the purposes each accepts. */
export function pathFieldsOf(method: MethodName): PathFields {
  const spec: MethodSpec<z.ZodType, z.ZodType> = contract[method];
  return spec.paths ?? {};
}

/** Where `method`'s result holds the vault's status, if it does. */
export function statusPlaceOf(method: MethodName): 'value' | 'status' | null {
  const spec: MethodSpec<z.ZodType, z.ZodType> = contract[method];
  return spec.core?.status ?? null;
}

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
