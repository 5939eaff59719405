/**
 * Migrations 5 to 8 of docs/vault-format.md ("The database inside"), their SQL, the
 * change-log backfill of migration 5 and the packing of the log's bodies of migration 7, for the independent reader: a schema 4 database brought to
 * the current schema as the spec says. Imports nothing from core/.
 */
import type { Database, QueryExecResult, SqlValue } from 'sql.js';
import { logSet, storedBody, type Cell } from './format-spec-apply';
import { FIELDS, LOCAL_KINDS, snake, TABLES } from './format-spec-fields';

const RECORD_COLUMNS = `id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, clock_base INTEGER NOT NULL DEFAULT 0,
  clock TEXT NOT NULL DEFAULT '{}'`;
const BASES = `bases TEXT NOT NULL DEFAULT '{}'`;
const BEFORE_SYNC = [
  'persons',
  'status_events',
  'proceedings',
  'custody_events',
  'risk_assignments',
  'sources',
  'citations',
  'thesaurus_terms',
  'installs',
  'import_mappings',
  'saved_counts',
  'report_definitions',
  'figure_snapshots',
];

const MIGRATION_5 = `
${BEFORE_SYNC.map((t) => `ALTER TABLE ${t} ADD COLUMN ${BASES};`).join('\n')}
CREATE TABLE sync_identities (${RECORD_COLUMNS}, ${BASES},
  age_identity TEXT NOT NULL DEFAULT '', age_recipient TEXT NOT NULL DEFAULT '',
  signing_seed TEXT NOT NULL DEFAULT '', signing_public TEXT NOT NULL DEFAULT '',
  key_id TEXT NOT NULL DEFAULT '', retired TEXT NOT NULL DEFAULT '[]',
  bundle_seq INTEGER NOT NULL DEFAULT 0);
CREATE TABLE contacts (${RECORD_COLUMNS}, ${BASES},
  name TEXT NOT NULL DEFAULT '', install_id TEXT NOT NULL DEFAULT '',
  age_recipient TEXT NOT NULL DEFAULT '', signing_keys TEXT NOT NULL DEFAULT '[]',
  verified_at TEXT, verified_by TEXT, scope TEXT NOT NULL DEFAULT 'all',
  regions TEXT NOT NULL DEFAULT '[]', introduced_by TEXT,
  their_have TEXT NOT NULL DEFAULT '{}', received_seqs TEXT NOT NULL DEFAULT '[]',
  last_sent_at TEXT, last_received_at TEXT, clock_ahead_ms INTEGER);
CREATE INDEX contacts_install ON contacts (install_id);
CREATE TABLE sync_attestations (${RECORD_COLUMNS}, ${BASES},
  author TEXT NOT NULL DEFAULT '', key_id TEXT NOT NULL DEFAULT '',
  signature TEXT NOT NULL DEFAULT '', digests TEXT NOT NULL DEFAULT '');
CREATE TABLE sync_receipts (${RECORD_COLUMNS}, ${BASES},
  contact_id TEXT NOT NULL DEFAULT '', bundle_seq INTEGER NOT NULL DEFAULT 0,
  changes INTEGER NOT NULL DEFAULT 0, new_changes INTEGER NOT NULL DEFAULT 0,
  clock_ahead_ms INTEGER, flagged TEXT NOT NULL DEFAULT '[]');
CREATE TABLE sync_log (hlc TEXT PRIMARY KEY, author TEXT NOT NULL, seq INTEGER NOT NULL,
  digest TEXT NOT NULL, owners TEXT NOT NULL, body TEXT NOT NULL);
CREATE INDEX sync_log_author ON sync_log (author, seq);
CREATE TABLE sync_attested (digest TEXT PRIMARY KEY,
  attestation TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sync_conflicts (entity TEXT NOT NULL, entity_id TEXT NOT NULL,
  field TEXT NOT NULL, winner TEXT NOT NULL, other TEXT NOT NULL, other_value TEXT,
  PRIMARY KEY (entity, entity_id, field)) WITHOUT ROWID;`;

const MIGRATION_6 = `
ALTER TABLE persons ADD COLUMN external_ids TEXT NOT NULL DEFAULT '[]';
ALTER TABLE import_mappings ADD COLUMN value_map TEXT NOT NULL DEFAULT '{}';
ALTER TABLE import_mappings ADD COLUMN schemes TEXT NOT NULL DEFAULT '{}';
CREATE TABLE import_runs (${RECORD_COLUMNS}, ${BASES},
  file_name TEXT NOT NULL DEFAULT '', shape TEXT NOT NULL DEFAULT 'persons',
  rows INTEGER NOT NULL DEFAULT 0, imported INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL DEFAULT 'running', counts TEXT NOT NULL DEFAULT '{}');`;

const MIGRATION_7 = `
CREATE TABLE audit_kinds (kind INTEGER PRIMARY KEY, entity TEXT NOT NULL UNIQUE);
INSERT INTO audit_kinds (entity) SELECT DISTINCT entity FROM audit_created ORDER BY entity;
CREATE TABLE audit_created_ids (seq INTEGER NOT NULL, entity_id TEXT NOT NULL,
  kind INTEGER NOT NULL, PRIMARY KEY (seq, entity_id)) WITHOUT ROWID;
INSERT INTO audit_created_ids
  SELECT c.seq, c.entity_id, k.kind FROM audit_created c JOIN audit_kinds k ON k.entity = c.entity;
DROP TABLE audit_created;
CREATE VIEW audit_created AS SELECT c.seq AS seq, c.entity_id AS entity_id, k.entity AS entity
  FROM audit_created_ids c JOIN audit_kinds k ON k.kind = c.kind;`;

/**
 * Migration 8: the persons' sort keys and their indexes. The keys are derived data the app makes;
 * a reader that does not make them leaves them empty and `meta.sort_key_version` unset, so the
 * app rebuilds them when it unlocks the vault.
 */
const MIGRATION_8 = `
ALTER TABLE persons ADD COLUMN sort_en TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN sort_be TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN sort_ru TEXT NOT NULL DEFAULT '';
CREATE INDEX persons_sort_en ON persons (sort_en, id);
CREATE INDEX persons_sort_be ON persons (sort_be, id);
CREATE INDEX persons_sort_ru ON persons (sort_ru, id);
DROP INDEX persons_name;`;

/** A result's rows without the sort key columns of migration 8, which only the app fills in. */
export function withoutSortKeys(result: QueryExecResult | undefined): SqlValue[][] {
  if (!result) return [];
  const kept = result.columns.flatMap((name, i) => (/^sort_(en|be|ru)$/.test(name) ? [] : [i]));
  return result.values.map((row) => kept.map((i) => row[i]!));
}

/** By the version each brings: its SQL, and the step besides it. */
const MIGRATIONS: Record<number, { sql: string; after?: (db: Database) => void }> = {
  5: { sql: MIGRATION_5, after: backfill },
  6: { sql: MIGRATION_6 },
  7: { sql: MIGRATION_7, after: packLog },
  8: { sql: MIGRATION_8 },
};
const CURRENT = 8;

/** Migration 7's step: each body stored as text is stored again as the writer stores it. */
function packLog(db: Database): void {
  const old = db.exec("SELECT hlc, body FROM sync_log WHERE typeof(body) = 'text'")[0];
  for (const [hlc, body] of old?.values ?? [])
    db.run('UPDATE sync_log SET body = ? WHERE hlc = ?', [storedBody(String(body)), hlc!]);
}

const SEED_AUTHOR = '0000000000000000';

/** A database of schema 4 or later brought to the current schema, one migration at a time. */
export function migrateToCurrent(db: Database): void {
  const version = Number(db.exec('PRAGMA user_version')[0]!.values[0]![0]);
  if (version < 4 || version > CURRENT) throw new Error(`schema ${version}, not 4..${CURRENT}`);
  for (let next = version + 1; next <= CURRENT; next++) {
    const { sql, after } = MIGRATIONS[next]!;
    db.exec('BEGIN');
    db.exec(sql);
    after?.(db);
    db.exec(`PRAGMA user_version = ${next}`);
    db.exec('COMMIT');
  }
}

function backfill(db: Database): void {
  const sets = new Map<string, Cell[]>();
  for (const [entity, table] of Object.entries(TABLES)) {
    if (LOCAL_KINDS.has(entity)) continue;
    const result = db.exec(
      `SELECT t.*, h.hlc AS base_hlc FROM ${table} t JOIN hlcs h ON h.id = t.clock_base ORDER BY t.rowid`,
    )[0];
    for (const values of result?.values ?? []) {
      const row = Object.fromEntries(result!.columns.map((c, i) => [c, values[i]]));
      const clock = JSON.parse(String(row.clock)) as Record<string, string>;
      const codecs: Record<string, string> = { deleted: 'bool', ...FIELDS[entity] };
      for (const [field, codec] of Object.entries(codecs)) {
        // A field a later migration adds has no column yet, and is not in the log.
        if (!(snake(field) in row)) continue;
        const hlc = clock[field] ?? String(row.base_hlc);
        if (hlc === '' || hlc.slice(-16) === SEED_AUTHOR) continue;
        const stored = row[snake(field)] ?? null;
        const value =
          codec === 'json'
            ? (JSON.parse(String(stored ?? '[]')) as string[])
            : codec === 'bool'
              ? stored === 1
              : (stored as Cell['value']);
        sets.set(hlc, [...(sets.get(hlc) ?? []), { entity, id: String(row.id), field, value }]);
      }
    }
  }
  const seqs = new Map<string, number>();
  for (const hlc of [...sets.keys()].sort()) {
    const author = hlc.slice(-16);
    const seq = (seqs.get(author) ?? 0) + 1;
    seqs.set(author, seq);
    logSet(db, { v: 1, hlc, author, seq, cells: [] }, sets.get(hlc)!);
  }
}
