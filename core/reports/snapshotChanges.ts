import { ChangeReason, type ReportFigure, type SnapshotComparison } from '../api/reports';
import type { ReadDb } from '../db/handle';
import { all, first } from '../db/statements';
import { figureCases } from '../stats/figures';
import { PERSON_TABLES } from '../stats/model';
import { compareFigureKeys } from './figureSet';
import type { FigureSnapshot } from './snapshots';

/**
 * A snapshot against today's figures: per figure, then and now, and which persons entered or
 * left it, with what changed of theirs since the snapshot was taken.
 *
 * The figures are recomputed with the snapshot's own parameters, whose as-of date and windows
 * are fixed dates: the figures are a function of the records alone, and time passing changes
 * none of them. So a person enters or leaves a figure only because something of theirs changed,
 * and the audit tables say what: every change set applied since the snapshot's own one (in the
 * order this vault applied them, so changes that came from colleagues count from when they
 * arrived here). `date_passed` is therefore never a reason here. A person with no reason at all
 * has nothing recorded since: the counting rules of this version differ from those of the one
 * that took the snapshot, or the vault was restored from a backup older than the snapshot.
 */

type Reason = (typeof ChangeReason.options)[number];

/** The audit entry that created the snapshot: changes after it are "since". */
function snapshotSeq(db: ReadDb, id: string): number {
  const row = first(
    db,
    "SELECT seq FROM audit_created WHERE entity = 'figureSnapshot' AND entity_id = ?",
    [id],
  );
  // Every record is created by an audited change set; without one, count every change.
  return row ? Number(row.seq) : 0;
}

/** The person id of an audit value (JSON of the stored column), or null. */
function personIdOf(stored: unknown): string | null {
  try {
    const value: unknown = JSON.parse(String(stored));
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** What changed of each person since audit entry `seq`: their own record and those the figures read. */
function reasonsSince(db: ReadDb, seq: number): Map<string, Set<Reason>> {
  const reasons = new Map<string, Set<Reason>>();
  const note = (personId: string, reason: Reason) => {
    let set = reasons.get(personId);
    if (!set) reasons.set(personId, (set = new Set()));
    set.add(reason);
  };
  for (const row of all(
    db,
    "SELECT entity_id FROM audit_created WHERE seq > ? AND entity = 'person'",
    [seq],
  )) {
    note(String(row.entity_id), 'person_added');
  }
  for (const row of all(
    db,
    "SELECT entity_id, field, after FROM audit_edits WHERE seq > ? AND entity = 'person'",
    [seq],
  )) {
    const id = String(row.entity_id);
    if (row.field === 'deleted') note(id, row.after === '1' ? 'person_deleted' : 'person_added');
    else if (row.field === 'consent') note(id, 'consent_changed');
    // When a record was written is not a fact of the case.
    else if (row.field !== 'createdAt') note(id, 'record_changed');
  }
  for (const [kind, table] of Object.entries(PERSON_TABLES)) {
    const created = new Set<string>();
    for (const row of all(
      db,
      `SELECT c.entity_id AS id, t.person_id AS person, t.deleted AS deleted
       FROM audit_created c JOIN ${table} t ON t.id = c.entity_id WHERE c.seq > ? AND c.entity = ?`,
      [seq, kind],
    )) {
      created.add(String(row.id));
      // Added and deleted again since: it was in neither the snapshot nor today's figures.
      if (row.deleted === 0) note(String(row.person), 'record_added');
    }
    for (const row of all(
      db,
      `SELECT e.entity_id AS id, t.person_id AS person, e.field AS field, e.before AS before,
         e.after AS after
       FROM audit_edits e JOIN ${table} t ON t.id = e.entity_id WHERE e.seq > ? AND e.entity = ?`,
      [seq, kind],
    )) {
      if (created.has(String(row.id)) || row.field === 'createdAt') continue;
      const person = String(row.person);
      if (row.field === 'deleted') {
        note(person, row.after === '1' ? 'record_deleted' : 'record_added');
        continue;
      }
      note(person, 'record_changed');
      // A record moved to another person changed the figures of both.
      const before = row.field === 'personId' ? personIdOf(row.before) : null;
      if (before !== null) note(before, 'record_changed');
    }
  }
  return reasons;
}

const REASON_ORDER = ChangeReason.options;

/** The reasons of one person in a fixed order; adding or deleting the person says it all. */
function reasonList(found: Set<Reason> | undefined): Reason[] {
  if (!found) return [];
  const whole = REASON_ORDER.filter((r) => r === 'person_added' || r === 'person_deleted');
  const list = whole.some((r) => found.has(r)) ? whole : REASON_ORDER;
  return list.filter((r) => found.has(r));
}

function difference(a: readonly string[], b: ReadonlySet<string>): string[] {
  return a.filter((id) => !b.has(id));
}

/** The snapshot's figures against `now` (today's figures with the snapshot's parameters). */
export function compareSnapshot(
  db: ReadDb,
  snapshot: FigureSnapshot,
  now: ReportFigure[],
): SnapshotComparison {
  const thenByKey = new Map(snapshot.figures.map((f) => [f.key, f]));
  const nowByKey = new Map(now.map((f) => [f.key, f]));
  const keys = [...new Set([...thenByKey.keys(), ...nowByKey.keys()])].sort(compareFigureKeys);
  const changes = keys.map((key) => {
    const then = thenByKey.get(key);
    const current = nowByKey.get(key);
    const thenIds = then?.personIds ?? [];
    const nowIds = current?.personIds ?? [];
    return {
      key,
      then: then?.value ?? 0,
      now: current?.value ?? 0,
      entered: difference(nowIds, new Set(thenIds)),
      left: difference(thenIds, new Set(nowIds)),
    };
  });
  const moved = [...new Set(changes.flatMap((c) => [...c.entered, ...c.left]))];
  const reasons =
    moved.length > 0
      ? reasonsSince(db, snapshotSeq(db, snapshot.id))
      : new Map<string, Set<Reason>>();
  // Live persons by name; a deleted person has none to show.
  const names = new Map(figureCases(db, { personIds: moved }).items.map((p) => [p.id, p.name]));
  const described = (ids: string[]) =>
    ids.map((personId) => ({
      personId,
      name: names.get(personId) ?? '',
      reasons: reasonList(reasons.get(personId)),
    }));
  const { id, createdAt, title, spec } = snapshot;
  return {
    snapshot: { id, createdAt, title, spec },
    figures: changes.map((c) => ({ ...c, entered: described(c.entered), left: described(c.left) })),
  };
}
