/**
 * The record kinds of docs/vault-format.md ("Record kinds"), transcribed from the spec for the
 * independent reader in format-spec.test.ts: entity -> table, field -> value schema and column
 * encoding. Imports nothing from core/.
 */
export type Codec = 'json' | 'bool' | 'plain';
type Check = (value: unknown) => boolean;
interface Field {
  codec: Codec;
  check: Check;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const text =
  (max: number): Check =>
  (v) =>
    isString(v) && v.length <= max;
const trimmed =
  (min: number, max: number): Check =>
  (v) =>
    isString(v) && v.trim().length >= min && v.trim().length <= max;
const pattern =
  (re: RegExp): Check =>
  (v) =>
    isString(v) && re.test(v);
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    isString(v) && values.includes(v);
const orNull =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
const int =
  (min = -Infinity, max = Infinity): Check =>
  (v) =>
    Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;
const bool: Check = (v) => typeof v === 'boolean';
const jsonText =
  (max = 200_000): Check =>
  (v) => {
    if (!isString(v) || v.length > max) return false;
    try {
      JSON.parse(v);
      return true;
    } catch {
      return false;
    }
  };

const id = pattern(/^[0-9a-f]{32}$/);
const code = pattern(/^[a-z0-9][a-z0-9_.-]{0,63}$/);
const country = pattern(/^[A-Z]{2}$/);
const date: Check = (v) => {
  if (!isString(v) || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) return false;
  const [y, m, d] = v.split('-').map(Number) as [number, number?, number?];
  if (y < 1850 || y > 2200) return false;
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  return d === undefined || (d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate());
};
const isoDateTime = pattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
const hexId = pattern(/^[0-9a-f]{16}$/);
const base64 = pattern(/^[A-Za-z0-9+/=]{1,200}$/);
const ageRecipient = pattern(/^age1[0-9a-z]{1,200}$/);
const externalId: Check = (v) => {
  if (!isString(v) || !/^[^:\n]{1,60}:[^\n]{1,200}$/.test(v)) return false;
  const colon = v.indexOf(':');
  const scheme = v.slice(0, colon);
  return scheme === scheme.trim() && v.slice(colon + 1).trim() !== '';
};
const shape = oneOf('persons', 'events', 'proceedings', 'statuses');

const plain = (check: Check): Field => ({ codec: 'plain', check });
const list = (item: Check, max: number, min = 0): Field => ({
  codec: 'json',
  check: (v) => Array.isArray(v) && v.length >= min && v.length <= max && v.every(item),
});

const SPEC: Record<string, { table: string; fields: Record<string, Field> }> = {
  person: {
    table: 'persons',
    fields: {
      name: plain(trimmed(1, 300)),
      nameLatin: plain(trimmed(0, 300)),
      nameVariants: list(trimmed(1, 300), 20),
      externalIds: list(externalId, 20),
      sex: plain(orNull(oneOf('female', 'male', 'other'))),
      birthDate: plain(orNull(date)),
      citizenship: list(country, 10),
      region: plain(orNull(code)),
      occupation: plain(text(300)),
      notes: plain(text(100_000)),
      consent: plain(oneOf('publish', 'withhold_name', 'never_publish')),
    },
  },
  statusEvent: {
    table: 'status_events',
    fields: {
      personId: plain(id),
      status: plain(oneOf('recognised', 'status_removed')),
      date: plain(orNull(date)),
      recognisedBy: plain(text(300)),
      notes: plain(text(10_000)),
    },
  },
  proceeding: {
    table: 'proceedings',
    fields: {
      personId: plain(id),
      kind: plain(oneOf('criminal', 'administrative')),
      articles: list(code, 30),
      court: plain(text(300)),
      judge: plain(text(300)),
      caseNumber: plain(text(100)),
      openedDate: plain(orNull(date)),
      verdictDate: plain(orNull(date)),
      sentenceType: plain(orNull(code)),
      sentenceMonths: plain(orNull(int(0, 1200))),
      sentenceDays: plain(orNull(int(0, 365))),
      regime: plain(text(100)),
      appealDate: plain(orNull(date)),
      appealOutcome: plain(text(300)),
      notes: plain(text(10_000)),
    },
  },
  custodyEvent: {
    table: 'custody_events',
    fields: {
      personId: plain(id),
      type: plain(
        oneOf(
          'detention',
          'arrest',
          'sentence',
          'transfer',
          'release',
          'rearrest',
          'death_in_custody',
        ),
      ),
      date: plain(orNull(date)),
      facility: plain(orNull(code)),
      releaseType: plain(orNull(code)),
      detentionType: plain(orNull(code)),
      proceedingId: plain(orNull(id)),
      notes: plain(text(10_000)),
    },
  },
  riskAssignment: {
    table: 'risk_assignments',
    fields: {
      personId: plain(id),
      category: plain(code),
      startDate: plain(orNull(date)),
      endDate: plain(orNull(date)),
      notes: plain(text(10_000)),
    },
  },
  source: {
    table: 'sources',
    fields: {
      title: plain(trimmed(1, 500)),
      kind: plain(oneOf('document', 'interview', 'media', 'relative', 'court_record', 'other')),
      reliability: plain(oneOf('high', 'medium', 'low', 'unknown')),
      confidentiality: plain(oneOf('public', 'restricted', 'confidential')),
      reference: plain(text(2000)),
      date: plain(orNull(date)),
      notes: plain(text(10_000)),
    },
  },
  citation: {
    table: 'citations',
    fields: {
      sourceId: plain(id),
      entity: plain(oneOf('person', 'statusEvent', 'proceeding', 'custodyEvent', 'riskAssignment')),
      entityId: plain(id),
      field: plain(orNull(text(64))),
      notes: plain(text(2000)),
    },
  },
  thesaurusTerm: {
    table: 'thesaurus_terms',
    fields: {
      thesaurus: plain(
        oneOf(
          'release_type',
          'detention_type',
          'risk_category',
          'facility',
          'article',
          'region',
          'sentence_type',
        ),
      ),
      code: plain(code),
      labelEn: plain(text(300)),
      labelBe: plain(text(300)),
      labelRu: plain(text(300)),
      address: plain(text(1000)),
      deprecated: { codec: 'bool', check: bool },
      sort: plain(int()),
    },
  },
  install: { table: 'installs', fields: { name: plain(trimmed(1, 100)) } },
  importMapping: {
    table: 'import_mappings',
    fields: {
      name: plain(trimmed(1, 100)),
      shape: plain(shape),
      columns: plain(jsonText()),
      valueMap: plain(jsonText()),
      schemes: plain(jsonText()),
    },
  },
  importRun: {
    table: 'import_runs',
    fields: {
      fileName: plain(text(300)),
      shape: plain(shape),
      rows: plain(int(0)),
      imported: plain(int(0)),
      state: plain(oneOf('running', 'complete', 'cancelled', 'undone')),
      counts: plain(jsonText()),
    },
  },
  savedCount: {
    table: 'saved_counts',
    fields: { name: plain(trimmed(1, 100)), definition: plain(jsonText()) },
  },
  reportDefinition: {
    table: 'report_definitions',
    fields: { name: plain(trimmed(1, 100)), spec: plain(jsonText()) },
  },
  figureSnapshot: {
    table: 'figure_snapshots',
    fields: {
      title: plain(trimmed(1, 300)),
      spec: plain(jsonText()),
      figures: plain(jsonText(50_000_000)),
    },
  },
  syncIdentity: {
    table: 'sync_identities',
    fields: {
      ageIdentity: plain(pattern(/^AGE-SECRET-KEY-1[0-9A-Z]{1,200}$/)),
      ageRecipient: plain(ageRecipient),
      signingSeed: plain(base64),
      signingPublic: plain(base64),
      keyId: plain(hexId),
      retired: list(text(2000), 100),
      bundleSeq: plain(int(0)),
    },
  },
  contact: {
    table: 'contacts',
    fields: {
      name: plain(trimmed(1, 100)),
      installId: plain(hexId),
      ageRecipient: plain(ageRecipient),
      signingKeys: list(base64, 100, 1),
      verifiedAt: plain(orNull(isoDateTime)),
      verifiedBy: plain(orNull(hexId)),
      scope: plain(oneOf('all', 'no_never_publish', 'regions')),
      regions: list(code, 200),
      introducedBy: plain(orNull(id)),
      theirHave: plain(jsonText()),
      receivedSeqs: plain(jsonText()),
      lastSentAt: plain(orNull(isoDateTime)),
      lastReceivedAt: plain(orNull(isoDateTime)),
      clockAheadMs: plain(orNull(int())),
    },
  },
  syncAttestation: {
    table: 'sync_attestations',
    fields: {
      author: plain(hexId),
      keyId: plain(hexId),
      signature: plain(base64),
      digests: plain(
        (v) => isString(v) && v.length <= 100_000_000 && /^(?:[0-9a-f]{64})*$/.test(v),
      ),
    },
  },
  syncReceipt: {
    table: 'sync_receipts',
    fields: {
      contactId: plain(id),
      bundleSeq: plain(int(1)),
      changes: plain(int(0)),
      newChanges: plain(int(0)),
      clockAheadMs: plain(orNull(int())),
      flagged: plain(jsonText()),
    },
  },
};

/** The kinds that never travel: they stay out of the change log. */
export const LOCAL_KINDS = new Set([
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

const META: Record<string, Field> = {
  createdAt: plain(isoDateTime),
  deleted: { codec: 'bool', check: bool },
};

export const TABLES: Record<string, string> = Object.fromEntries(
  Object.entries(SPEC).map(([entity, kind]) => [entity, kind.table]),
);

/** Each kind's own fields and their encodings (the meta fields aside). */
export const FIELDS: Record<string, Record<string, Codec>> = Object.fromEntries(
  Object.entries(SPEC).map(([entity, kind]) => [
    entity,
    Object.fromEntries(Object.entries(kind.fields).map(([field, f]) => [field, f.codec])),
  ]),
);

export const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Whether a cell can be applied: a known entity and field, and a value its schema accepts. */
export function valid(entity: string, field: string, value: unknown): boolean {
  const kind = Object.prototype.hasOwnProperty.call(SPEC, entity) ? SPEC[entity]! : null;
  if (!kind) return false;
  const spec = Object.prototype.hasOwnProperty.call(META, field)
    ? META[field]!
    : Object.prototype.hasOwnProperty.call(kind.fields, field)
      ? kind.fields[field]!
      : null;
  return spec !== null && spec.check(value);
}
