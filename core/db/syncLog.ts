import { LOCAL_KINDS, type RecordKind } from '../api/records';
import { canonicalText, digestOf } from '../changes/canonical';
import type { Cell, ChangeSet } from '../changes/changeSet';
import type { SqlValue } from 'sql.js';
import { codecOf, fieldsOf, isRecordKind, snakeCase, TABLES } from '../changes/entities';
import { parseHlc } from '../changes/hlc';
import { SEED_AUTHOR } from '../changes/ids';
import type { ReadDb, WriteDb } from './handle';
import { storedLogBody } from './logBody';
import { all, first, run } from './statements';

/** A cell that may travel to colleagues: any kind but this vault's own (LOCAL_KINDS). */
function shared(cell: Cell): boolean {
  return !isRecordKind(cell.entity) || !LOCAL_KINDS.has(cell.entity);
}

/** True for a set that goes into the change log: a user's (not the seed's) shared cells. */
export function travels(set: ChangeSet): boolean {
  return set.author !== SEED_AUTHOR && set.cells.some(shared);
}

/** The author's next set number: one more than the highest this vault holds. */
export function nextSeq(db: ReadDb, author: string): number {
  const row = first(db, 'SELECT max(seq) AS seq FROM sync_log WHERE author = ?', [author]);
  return Number(row?.seq ?? 0) + 1;
}

/**
 * Keeps a travelling set in the change log as its canonical text, so it can be sent (or passed
 * on) after compaction, with the digest its author signs and the cases it is about, which decide
 * who may receive it. Idempotent: replay and a second copy of a bundle find it there. A long
 * text is stored packed (core/db/logBody.ts).
 */
export function logSet(db: WriteDb, set: ChangeSet): void {
  if (!travels(set) || set.seq === undefined) return;
  const cells = set.cells.filter(shared);
  const text = canonicalText(set, cells);
  run(
    db,
    'INSERT OR IGNORE INTO sync_log (hlc, author, seq, digest, owners, body) VALUES (?, ?, ?, ?, ?, ?)',
    [set.hlc, set.author, set.seq, digestOf(text), ownersOf(db, cells), storedLogBody(text)],
  );
}

/** A received attestation's digests, so each set it covers finds the signature to pass on. */
export function recordAttestations(db: WriteDb, cells: Cell[]): void {
  for (const cell of cells) {
    if (cell.entity !== 'syncAttestation' || cell.field !== 'digests') continue;
    const digests = String(cell.value);
    for (let at = 0; at + 64 <= digests.length; at += 64) {
      run(db, 'INSERT OR IGNORE INTO sync_attested (digest, attestation) VALUES (?, ?)', [
        digests.slice(at, at + 64),
        cell.id,
      ]);
    }
  }
}

const PERSON_OWNED = new Set(['statusEvent', 'proceeding', 'custodyEvent', 'riskAssignment']);

/**
 * The cases a set is about, as `p:<person id>` and `s:<source id>`, space-separated; `?` for a
 * record whose case is not known here (a newer kind, or an edit that arrived before its record).
 * Thesaurus terms and install names concern no case.
 */
function ownersOf(db: ReadDb, cells: Cell[]): string {
  const owners = new Set<string>();
  const seen = new Set<string>();
  for (const cell of cells) {
    const key = `${cell.entity}/${cell.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const owner = ownerOf(db, cell.entity, cell.id);
    if (owner) owners.add(owner);
  }
  return [...owners].sort().join(' ');
}

function ownerOf(db: ReadDb, entity: string, id: string): string | null {
  if (entity === 'person') return `p:${id}`;
  if (entity === 'source') return `s:${id}`;
  if (entity === 'thesaurusTerm' || entity === 'install') return null;
  if (PERSON_OWNED.has(entity)) return personOf(db, entity as RecordKind, id);
  if (entity === 'citation') {
    const row = first(db, 'SELECT entity, entity_id FROM citations WHERE id = ?', [id]);
    if (!row) return '?';
    const target = String(row.entity);
    if (target === 'person') return `p:${String(row.entity_id)}`;
    return PERSON_OWNED.has(target)
      ? personOf(db, target as RecordKind, String(row.entity_id))
      : '?';
  }
  return '?';
}

function personOf(db: ReadDb, kind: RecordKind, id: string): string {
  const row = first(db, `SELECT person_id FROM ${TABLES[kind]} WHERE id = ?`, [id]);
  const person = row ? String(row.person_id) : '';
  return person ? `p:${person}` : '?';
}

/**
 * Vaults from before sync kept no change log: their records enter it once, on the migration,
 * as one set per timestamp their fields carry (the sets they came from, less overwritten
 * values), numbered per author in time order. Runs on the snapshot before the journal is
 * replayed, so every unlock of the same files derives the same log.
 */
export function backfillLog(db: WriteDb): void {
  const sets = new Map<string, Cell[]>();
  for (const kind of Object.keys(TABLES) as RecordKind[]) {
    if (LOCAL_KINDS.has(kind)) continue;
    for (const row of all(
      db,
      `SELECT t.*, h.hlc AS base_hlc FROM ${TABLES[kind]} t JOIN hlcs h ON h.id = t.clock_base
       ORDER BY t.rowid`,
    )) {
      const clock = JSON.parse(String(row.clock)) as Record<string, string>;
      for (const field of ['deleted', ...fieldsOf(kind)]) {
        // A field of a later schema has no column yet: the log is the same whichever
        // version a vault was migrated by.
        if (!(snakeCase(field) in row)) continue;
        const hlc = clock[field] ?? String(row.base_hlc);
        if (!hlc || parseHlc(hlc)?.installId === SEED_AUTHOR) continue;
        const value = fromSql(kind, field, row[snakeCase(field)] ?? null);
        const cells = sets.get(hlc) ?? [];
        cells.push({ entity: kind, id: String(row.id), field, value });
        sets.set(hlc, cells);
      }
    }
  }
  const seqs = new Map<string, number>();
  for (const hlc of [...sets.keys()].sort()) {
    const author = parseHlc(hlc)!.installId;
    const seq = (seqs.get(author) ?? 0) + 1;
    seqs.set(author, seq);
    logSet(db, { v: 1, hlc, author, seq, cells: sets.get(hlc)! });
  }
}

/** A stored column back to a cell value (arrays from JSON text, booleans from 0/1). */
export function fromSql(kind: RecordKind, field: string, stored: SqlValue): Cell['value'] {
  const codec = codecOf(kind, field);
  if (codec === 'json') return JSON.parse(String(stored ?? '[]')) as string[];
  if (codec === 'bool') return stored === 1;
  return stored as Cell['value'];
}
