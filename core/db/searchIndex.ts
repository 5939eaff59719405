import type { ReadDb, WriteDb } from './handle';
import type { RecordKind } from '../api/records';
import type { Cell } from '../changes/changeSet';
import { fieldsOf, TABLES } from '../changes/entities';
import { all, first, run } from './statements';
import { indexText, SEARCH_INDEX_VERSION } from '../search/fts';

/** Replaces the document of `docid` (FTS4 has no upsert). */
export function writeSearchDocument(db: WriteDb, docid: number, fields: readonly string[]): void {
  removeSearchDocument(db, docid);
  insertSearchDocument(db, docid, fields);
}

/** Adds the document of a person who has none yet. */
export function insertSearchDocument(db: WriteDb, docid: number, fields: readonly string[]): void {
  run(db, 'INSERT INTO person_search (docid, doc) VALUES (?, ?)', [docid, indexText(fields)]);
}

/** Removes the document of `docid`, for a deleted person. */
export function removeSearchDocument(db: WriteDb, docid: number): void {
  run(db, 'DELETE FROM person_search WHERE docid = ?', [docid]);
}

/** The kinds of record that belong to a person (they have a `personId`), by table. */
const PERSON_RECORD_TABLES: Record<string, string> = Object.fromEntries(
  (Object.keys(TABLES) as RecordKind[])
    .filter((kind) => fieldsOf(kind).includes('personId'))
    .map((kind) => [kind, TABLES[kind]]),
);

/**
 * The ids of a person and of their records, one `?` (the person's id) each. Each branch is an
 * index lookup; an OR across them would scan every citation per person.
 */
const OWN_RECORD_BRANCHES = [
  'SELECT ?',
  ...Object.values(PERSON_RECORD_TABLES).map((t) => `SELECT id FROM ${t} WHERE person_id = ?`),
];
const CITED_SOURCES = `SELECT s.title AS title, s.notes AS notes FROM citations c JOIN sources s ON s.id = c.source_id
  WHERE c.deleted = 0 AND s.deleted = 0 AND c.entity_id IN (${OWN_RECORD_BRANCHES.join(' UNION ALL ')})`;

/**
 * Keeps each person's search document in step with what it is built from: the person's names,
 * external ids, occupation and notes, and the titles and notes of sources cited for the person or for any of
 * their records. It is derived data, rewritten inside the transaction that changed its inputs.
 */
function searchFields(db: ReadDb, personId: string, withSources: boolean): string[] | null {
  const person = first(
    db,
    `SELECT name, name_latin, name_variants, external_ids, occupation, notes
     FROM persons WHERE id = ? AND deleted = 0`,
    [personId],
  );
  if (!person) return null;
  const sources = !withSources
    ? []
    : all(
        db,
        CITED_SOURCES,
        OWN_RECORD_BRANCHES.map(() => personId),
      );
  return [
    String(person.name),
    String(person.name_latin),
    ...(JSON.parse(String(person.name_variants)) as string[]),
    // A list number is found by typing it: the id without its scheme.
    ...(JSON.parse(String(person.external_ids)) as string[]).map((id) =>
      id.slice(id.indexOf(':') + 1),
    ),
    String(person.occupation),
    String(person.notes),
    ...sources.flatMap((s) => [String(s.title), String(s.notes)]),
  ];
}

/**
 * `isNew`: the person was created by the change set being applied, so has no document yet, and
 * no cited sources unless `citing` (the same set also wrote citations).
 */
export function refreshPersonDocument(
  db: WriteDb,
  personId: string,
  isNew = false,
  citing = true,
): void {
  const row = first(db, 'SELECT rowid AS docid FROM persons WHERE id = ?', [personId]);
  if (!row) return;
  const fields = searchFields(db, personId, !isNew || citing);
  if (!fields) removeSearchDocument(db, Number(row.docid));
  else if (isNew) insertSearchDocument(db, Number(row.docid), fields);
  else writeSearchDocument(db, Number(row.docid), fields);
}

/**
 * Search documents to refresh once a group of change sets is applied (a received bundle), each
 * person once: a document is computed from the records as they are, so once at the end gives
 * what refreshing after every set would.
 */
export class SearchRefresh {
  private readonly persons = new Map<string, { isNew: boolean; citing: boolean }>();

  note(personId: string, isNew: boolean, citing: boolean): void {
    const known = this.persons.get(personId);
    this.persons.set(personId, {
      isNew: (known?.isNew ?? false) || isNew,
      citing: (known?.citing ?? false) || citing,
    });
  }

  run(db: WriteDb): void {
    for (const [personId, { isNew, citing }] of this.persons)
      refreshPersonDocument(db, personId, isNew, citing);
    this.persons.clear();
  }
}

const PERSON_FIELDS = new Set([
  'name',
  'nameLatin',
  'nameVariants',
  'externalIds',
  'occupation',
  'notes',
  'deleted',
]);

/** The persons whose search document a change set may have changed. */
export function personsTouched(db: ReadDb, cells: readonly Cell[]): Set<string> {
  const persons = new Set<string>();
  const citations = new Set<string>();
  const sources = new Set<string>();
  for (const cell of cells) {
    if (cell.entity === 'person' && PERSON_FIELDS.has(cell.field)) persons.add(cell.id);
    else if (cell.entity === 'citation') citations.add(cell.id);
    else if (
      cell.entity === 'source' &&
      (cell.field === 'title' || cell.field === 'notes' || cell.field === 'deleted')
    ) {
      sources.add(cell.id);
    }
  }
  const targets = [
    ...[...citations].map((id) =>
      first(db, 'SELECT entity, entity_id FROM citations WHERE id = ?', [id]),
    ),
    ...[...sources].flatMap((id) =>
      all(db, 'SELECT entity, entity_id FROM citations WHERE source_id = ?', [id]),
    ),
  ];
  for (const target of targets) {
    if (!target) continue;
    const entity = String(target.entity);
    if (entity === 'person') persons.add(String(target.entity_id));
    const table = PERSON_RECORD_TABLES[entity];
    const owner =
      table && first(db, `SELECT person_id FROM ${table} WHERE id = ?`, [target.entity_id!]);
    if (owner) persons.add(String(owner.person_id));
  }
  return persons;
}

/**
 * Rebuilds every document when the index was built by other rules (or never). Returns whether
 * it did, which only a new snapshot keeps: the journal does not hold it.
 */
export function ensureSearchIndex(db: WriteDb): boolean {
  const version = first(db, "SELECT value FROM meta WHERE key = 'search_index_version'")?.value;
  if (version === String(SEARCH_INDEX_VERSION)) return false;
  run(db, 'BEGIN');
  try {
    run(db, 'DELETE FROM person_search');
    for (const row of all(db, 'SELECT id FROM persons WHERE deleted = 0'))
      refreshPersonDocument(db, String(row.id), true);
    run(db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('search_index_version', ?)", [
      String(SEARCH_INDEX_VERSION),
    ]);
    run(db, 'COMMIT');
  } catch (err) {
    run(db, 'ROLLBACK');
    throw err;
  }
  return true;
}
