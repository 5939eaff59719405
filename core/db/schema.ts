import type { WriteDb } from './handle';
import { ApiError } from '../api/errors';
import { SEARCH_TABLE_DDL } from '../search/fts';
import { packLog } from './logBody';
import { migrationStep } from './migrationSteps';
import { backfillLog } from './syncLog';
import { writeAllSortKeys } from './sortKeys';

/**
 * Every record table has these. `clock_base` is the change set that created the record (an id
 * in `hlcs`); `clock` holds, as JSON, only the fields changed by a later change set. A field's
 * timestamp is `clock[field] ?? clock_base`: a record entered once and never edited costs one
 * integer of clock, not one row per field.
 */
const RECORD_COLUMNS = `
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  clock_base INTEGER NOT NULL DEFAULT 0,
  clock TEXT NOT NULL DEFAULT '{}'`;

const BASES = `bases TEXT NOT NULL DEFAULT '{}'`;

/**
 * Migrations, applied in order and recorded in `PRAGMA user_version`. They only add: a newer
 * vault must stay readable by the records an older version wrote. Every column has a default,
 * because a record is created by its first change set.
 */
const MIGRATIONS: string[] = [
  `CREATE TABLE hlcs (id INTEGER PRIMARY KEY, hlc TEXT NOT NULL UNIQUE);
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   ${SEARCH_TABLE_DDL};
   CREATE TABLE persons (${RECORD_COLUMNS},
     name TEXT NOT NULL DEFAULT '',
     name_latin TEXT NOT NULL DEFAULT '',
     name_variants TEXT NOT NULL DEFAULT '[]',
     sex TEXT,
     birth_date TEXT,
     citizenship TEXT NOT NULL DEFAULT '[]',
     region TEXT,
     occupation TEXT NOT NULL DEFAULT '',
     notes TEXT NOT NULL DEFAULT '',
     consent TEXT NOT NULL DEFAULT 'withhold_name');
   CREATE INDEX persons_name ON persons (name COLLATE NOCASE, id);
   CREATE TABLE status_events (${RECORD_COLUMNS},
     person_id TEXT NOT NULL DEFAULT '',
     status TEXT NOT NULL DEFAULT 'recognised',
     date TEXT,
     recognised_by TEXT NOT NULL DEFAULT '',
     notes TEXT NOT NULL DEFAULT '');
   CREATE INDEX status_events_person ON status_events (person_id);
   CREATE TABLE proceedings (${RECORD_COLUMNS},
     person_id TEXT NOT NULL DEFAULT '',
     kind TEXT NOT NULL DEFAULT 'criminal',
     articles TEXT NOT NULL DEFAULT '[]',
     court TEXT NOT NULL DEFAULT '',
     judge TEXT NOT NULL DEFAULT '',
     case_number TEXT NOT NULL DEFAULT '',
     opened_date TEXT,
     verdict_date TEXT,
     sentence_type TEXT,
     sentence_months INTEGER,
     sentence_days INTEGER,
     regime TEXT NOT NULL DEFAULT '',
     appeal_date TEXT,
     appeal_outcome TEXT NOT NULL DEFAULT '',
     notes TEXT NOT NULL DEFAULT '');
   CREATE INDEX proceedings_person ON proceedings (person_id);
   CREATE TABLE custody_events (${RECORD_COLUMNS},
     person_id TEXT NOT NULL DEFAULT '',
     type TEXT NOT NULL DEFAULT 'detention',
     date TEXT,
     facility TEXT,
     release_type TEXT,
     detention_type TEXT,
     proceeding_id TEXT,
     notes TEXT NOT NULL DEFAULT '');
   CREATE INDEX custody_events_person ON custody_events (person_id, date);
   CREATE TABLE risk_assignments (${RECORD_COLUMNS},
     person_id TEXT NOT NULL DEFAULT '',
     category TEXT NOT NULL DEFAULT '',
     start_date TEXT,
     end_date TEXT,
     notes TEXT NOT NULL DEFAULT '');
   CREATE INDEX risk_assignments_person ON risk_assignments (person_id);
   CREATE TABLE sources (${RECORD_COLUMNS},
     title TEXT NOT NULL DEFAULT '',
     kind TEXT NOT NULL DEFAULT 'document',
     reliability TEXT NOT NULL DEFAULT 'unknown',
     confidentiality TEXT NOT NULL DEFAULT 'confidential',
     reference TEXT NOT NULL DEFAULT '',
     date TEXT,
     notes TEXT NOT NULL DEFAULT '');
   CREATE TABLE citations (${RECORD_COLUMNS},
     source_id TEXT NOT NULL DEFAULT '',
     entity TEXT NOT NULL DEFAULT '',
     entity_id TEXT NOT NULL DEFAULT '',
     field TEXT,
     notes TEXT NOT NULL DEFAULT '');
   CREATE INDEX citations_target ON citations (entity_id);
   CREATE INDEX citations_source ON citations (source_id);
   CREATE TABLE thesaurus_terms (${RECORD_COLUMNS},
     thesaurus TEXT NOT NULL DEFAULT '',
     code TEXT NOT NULL DEFAULT '',
     label_en TEXT NOT NULL DEFAULT '',
     label_be TEXT NOT NULL DEFAULT '',
     label_ru TEXT NOT NULL DEFAULT '',
     address TEXT NOT NULL DEFAULT '',
     deprecated INTEGER NOT NULL DEFAULT 0,
     sort INTEGER NOT NULL DEFAULT 0);
   CREATE INDEX thesaurus_terms_code ON thesaurus_terms (thesaurus, code);
   CREATE TABLE installs (${RECORD_COLUMNS},
     name TEXT NOT NULL DEFAULT '');
   CREATE TABLE audit_log (
     seq INTEGER PRIMARY KEY,
     hlc_id INTEGER NOT NULL,
     author TEXT NOT NULL,
     hash TEXT NOT NULL);
   CREATE TABLE audit_created (
     seq INTEGER NOT NULL,
     entity_id TEXT NOT NULL,
     entity TEXT NOT NULL,
     PRIMARY KEY (seq, entity_id)) WITHOUT ROWID;
   CREATE TABLE audit_edits (
     seq INTEGER NOT NULL,
     entity TEXT NOT NULL,
     entity_id TEXT NOT NULL,
     field TEXT NOT NULL,
     before TEXT,
     after TEXT);
   CREATE INDEX audit_edits_record ON audit_edits (entity_id, seq);
   CREATE INDEX audit_edits_seq ON audit_edits (seq);`,
  // Authentic cells this version could not apply (a field of a newer version, a value its
  // schema refuses), kept so compaction and repair carry them on and a later version applies
  // them. `value` is the cell's value as JSON.
  `CREATE TABLE held_cells (
     hlc TEXT NOT NULL,
     author TEXT NOT NULL,
     entity TEXT NOT NULL,
     entity_id TEXT NOT NULL,
     field TEXT NOT NULL,
     value TEXT NOT NULL,
     PRIMARY KEY (hlc, entity, entity_id, field)) WITHOUT ROWID;`,
  // Saved import mappings and custom counts, which older versions kept in the plaintext settings.
  `CREATE TABLE import_mappings (${RECORD_COLUMNS},
     name TEXT NOT NULL DEFAULT '',
     shape TEXT NOT NULL DEFAULT 'persons',
     columns TEXT NOT NULL DEFAULT '[]');
   CREATE TABLE saved_counts (${RECORD_COLUMNS},
     name TEXT NOT NULL DEFAULT '',
     definition TEXT NOT NULL DEFAULT '{}');`,
  // Saved report definitions and the figure snapshots produced reports record.
  `CREATE TABLE report_definitions (${RECORD_COLUMNS},
     name TEXT NOT NULL DEFAULT '',
     spec TEXT NOT NULL DEFAULT '{}');
   CREATE TABLE figure_snapshots (${RECORD_COLUMNS},
     title TEXT NOT NULL DEFAULT '',
     spec TEXT NOT NULL DEFAULT '{}',
     figures TEXT NOT NULL DEFAULT '[]');`,
  // Sync (docs/sync.md). `bases` holds, as JSON, the timestamp each field's winning edit was made
  // over (what its author saw), when it is not the record's creation: it tells a conflict from a
  // knowing overwrite. `sync_log` keeps every change set that may travel, as its canonical text,
  // so compaction never makes a change unsendable; `sync_attested` says which author signature
  // covers a received set; `sync_conflicts` is the review queue, derived as sets are applied.
  `${[
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
  ]
    .map((table) => `ALTER TABLE ${table} ADD COLUMN bases TEXT NOT NULL DEFAULT '{}';`)
    .join('\n')}
   CREATE TABLE sync_identities (${RECORD_COLUMNS}, ${BASES},
     age_identity TEXT NOT NULL DEFAULT '',
     age_recipient TEXT NOT NULL DEFAULT '',
     signing_seed TEXT NOT NULL DEFAULT '',
     signing_public TEXT NOT NULL DEFAULT '',
     key_id TEXT NOT NULL DEFAULT '',
     retired TEXT NOT NULL DEFAULT '[]',
     bundle_seq INTEGER NOT NULL DEFAULT 0);
   CREATE TABLE contacts (${RECORD_COLUMNS}, ${BASES},
     name TEXT NOT NULL DEFAULT '',
     install_id TEXT NOT NULL DEFAULT '',
     age_recipient TEXT NOT NULL DEFAULT '',
     signing_keys TEXT NOT NULL DEFAULT '[]',
     verified_at TEXT,
     verified_by TEXT,
     scope TEXT NOT NULL DEFAULT 'all',
     regions TEXT NOT NULL DEFAULT '[]',
     introduced_by TEXT,
     their_have TEXT NOT NULL DEFAULT '{}',
     received_seqs TEXT NOT NULL DEFAULT '[]',
     last_sent_at TEXT,
     last_received_at TEXT,
     clock_ahead_ms INTEGER);
   CREATE INDEX contacts_install ON contacts (install_id);
   CREATE TABLE sync_attestations (${RECORD_COLUMNS}, ${BASES},
     author TEXT NOT NULL DEFAULT '',
     key_id TEXT NOT NULL DEFAULT '',
     signature TEXT NOT NULL DEFAULT '',
     digests TEXT NOT NULL DEFAULT '');
   CREATE TABLE sync_receipts (${RECORD_COLUMNS}, ${BASES},
     contact_id TEXT NOT NULL DEFAULT '',
     bundle_seq INTEGER NOT NULL DEFAULT 0,
     changes INTEGER NOT NULL DEFAULT 0,
     new_changes INTEGER NOT NULL DEFAULT 0,
     clock_ahead_ms INTEGER,
     flagged TEXT NOT NULL DEFAULT '[]');
   CREATE TABLE sync_log (
     hlc TEXT PRIMARY KEY,
     author TEXT NOT NULL,
     seq INTEGER NOT NULL,
     digest TEXT NOT NULL,
     owners TEXT NOT NULL,
     body TEXT NOT NULL);
   CREATE INDEX sync_log_author ON sync_log (author, seq);
   CREATE TABLE sync_attested (
     digest TEXT PRIMARY KEY,
     attestation TEXT NOT NULL) WITHOUT ROWID;
   CREATE TABLE sync_conflicts (
     entity TEXT NOT NULL,
     entity_id TEXT NOT NULL,
     field TEXT NOT NULL,
     winner TEXT NOT NULL,
     other TEXT NOT NULL,
     other_value TEXT,
     PRIMARY KEY (entity, entity_id, field)) WITHOUT ROWID;`,
  // External ids of persons, the value map of a saved import mapping, and import runs.
  `ALTER TABLE persons ADD COLUMN external_ids TEXT NOT NULL DEFAULT '[]';
   ALTER TABLE import_mappings ADD COLUMN value_map TEXT NOT NULL DEFAULT '{}';
   ALTER TABLE import_mappings ADD COLUMN schemes TEXT NOT NULL DEFAULT '{}';
   CREATE TABLE import_runs (${RECORD_COLUMNS}, ${BASES},
     file_name TEXT NOT NULL DEFAULT '',
     shape TEXT NOT NULL DEFAULT 'persons',
     rows INTEGER NOT NULL DEFAULT 0,
     imported INTEGER NOT NULL DEFAULT 0,
     state TEXT NOT NULL DEFAULT 'running',
     counts TEXT NOT NULL DEFAULT '{}');`,
  // Storage for scale (docs/performance.md). The change log's long bodies, most of a vault's
  // bytes as text, are stored as raw DEFLATE by the step after this SQL (core/db/logBody.ts).
  // The records an audit entry created name their kind by a small number (`audit_kinds`, one
  // row per kind, added as a kind first creates a record) instead of its name on every row;
  // `audit_created` stays, as a view with the columns it had, for its readers.
  `CREATE TABLE audit_kinds (kind INTEGER PRIMARY KEY, entity TEXT NOT NULL UNIQUE);
   INSERT INTO audit_kinds (entity) SELECT DISTINCT entity FROM audit_created ORDER BY entity;
   CREATE TABLE audit_created_ids (
     seq INTEGER NOT NULL,
     entity_id TEXT NOT NULL,
     kind INTEGER NOT NULL,
     PRIMARY KEY (seq, entity_id)) WITHOUT ROWID;
   INSERT INTO audit_created_ids (seq, entity_id, kind)
     SELECT c.seq, c.entity_id, k.kind FROM audit_created c JOIN audit_kinds k ON k.entity = c.entity;
   DROP TABLE audit_created;
   CREATE VIEW audit_created AS
     SELECT c.seq AS seq, c.entity_id AS entity_id, k.entity AS entity
     FROM audit_created_ids c JOIN audit_kinds k ON k.kind = c.kind;`,
  // The person list in each interface language's alphabetical order (core/db/sortKeys.ts): each
  // person's name as a sort key per language, derived data the step after this SQL fills in.
  // The list no longer orders by the name itself, so that index goes.
  `ALTER TABLE persons ADD COLUMN sort_en TEXT NOT NULL DEFAULT '';
   ALTER TABLE persons ADD COLUMN sort_be TEXT NOT NULL DEFAULT '';
   ALTER TABLE persons ADD COLUMN sort_ru TEXT NOT NULL DEFAULT '';
   CREATE INDEX persons_sort_en ON persons (sort_en, id);
   CREATE INDEX persons_sort_be ON persons (sort_be, id);
   CREATE INDEX persons_sort_ru ON persons (sort_ru, id);
   DROP INDEX persons_name;`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Steps a migration needs beyond SQL, run right after it, by the version it brings. */
const AFTER: Record<number, (db: WriteDb) => void> = {
  5: backfillLog,
  7: packLog,
  8: writeAllSortKeys,
};

/** Migrations that free many pages: the database is vacuumed after them, outside their transaction. */
const SHRINKS = new Set([7]);

/**
 * Brings the database to the current schema, or to the older `to` (tests of one step). Each
 * migration is one transaction: one that fails is rolled back, and the database stays at the
 * version before it. Returns whether it changed anything, which only a new snapshot keeps (the
 * journal does not hold it): the vault writes one after opening.
 */
export function migrate(db: WriteDb, to = MIGRATIONS.length): boolean {
  const current = Number(db.exec('PRAGMA user_version')[0]?.values[0]?.[0] ?? 0);
  if (current > MIGRATIONS.length) {
    throw new ApiError('UNSUPPORTED_VERSION', 'The database was written by a newer version');
  }
  let shrunk = false;
  for (let version = current; version < to; version++) {
    db.exec('BEGIN');
    try {
      migrationStep(version + 1, 'sql');
      db.exec(MIGRATIONS[version]!);
      migrationStep(version + 1, 'after');
      AFTER[version + 1]?.(db);
      migrationStep(version + 1, 'version');
      db.exec(`PRAGMA user_version = ${version + 1}`);
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw err;
    }
    shrunk ||= SHRINKS.has(version + 1);
  }
  // Freed pages would otherwise stay in every snapshot until reused. VACUUM keeps rowids here
  // (SQLite copies each table whole), which the search index's docids rely on.
  if (shrunk) db.exec('VACUUM');
  return current < to;
}
