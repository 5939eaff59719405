/**
 * An independent model of a group of installations exchanging bundles, for the convergence
 * property test: it knows every edit made (with the timestamp the engine stamped on it) and,
 * from the exchanges the test performed, which edits each installation held when it made its
 * own. From that alone it predicts the conflict queue, by the rule of docs/sync.md: a field is
 * in conflict when its second-newest value is newer than the value the newest edit was made
 * over. It reads nothing of the engine's bookkeeping (bases, clocks, version vectors).
 */

export type Kind = 'person' | 'custodyEvent';

interface Write {
  op: number;
  author: number;
  hlc: string;
  field: string;
  value: unknown;
  /** The timestamp of the value the author saw in this field when it wrote it ('' for none). */
  base: string;
}

interface ModelRecord {
  kind: Kind;
  id: string;
  /** The person a custody event belongs to. */
  personId: string | null;
  /** Field -> every write to it, whoever made it. */
  fields: Map<string, Write[]>;
}

export interface ExpectedSide {
  value: unknown;
  author: string;
  time: string;
}

/** A conflict as the queue lists it, without the author names each vault gives its contacts. */
export interface ExpectedConflict {
  kind: 'field' | 'deleted';
  entity: string;
  id: string;
  field: string;
  personId: string | null;
  personName: string | null;
  winner: ExpectedSide;
  other: ExpectedSide;
}

const byHlcDesc = (a: Write, b: Write) => (a.hlc < b.hlc ? 1 : a.hlc > b.hlc ? -1 : 0);

export class SyncModel {
  /** Per installation, the edits (by op number) its vault holds. */
  readonly seen: Array<Set<number>>;
  private ops = 0;
  private readonly records = new Map<string, ModelRecord>();

  constructor(readonly installIds: string[]) {
    this.seen = installIds.map(() => new Set());
  }

  get opCount(): number {
    return this.ops;
  }

  /** The newest write to a field among the edits installation `at` holds. */
  private newest(at: number, record: ModelRecord, field: string): Write | null {
    let best: Write | null = null;
    for (const write of record.fields.get(field) ?? [])
      if (this.seen[at]!.has(write.op) && (!best || write.hlc > best.hlc)) best = write;
    return best;
  }

  private holds(at: number, record: ModelRecord | undefined): record is ModelRecord {
    return record !== undefined && this.newest(at, record, 'createdAt') !== null;
  }

  /** A record installation `at` shows, not deleted there: the only kind it can edit or delete. */
  visible(at: number, kind: Kind, id: string): boolean {
    const record = this.records.get(`${kind}/${id}`);
    return this.holds(at, record) && this.newest(at, record, 'deleted') === null;
  }

  /** Visible, and (for a custody event) its person too: what updateRecord accepts. */
  editable(at: number, kind: Kind, id: string): boolean {
    if (!this.visible(at, kind, id)) return false;
    const personId = this.records.get(`${kind}/${id}`)!.personId;
    return personId === null || this.visible(at, 'person', personId);
  }

  /** The timestamp of the newest write to a field that installation `at` holds ('' for none). */
  newestTime(at: number, target: { kind: Kind; id: string }, field: string): string {
    const record = this.records.get(`${target.kind}/${target.id}`);
    return record ? (this.newest(at, record, field)?.hlc ?? '') : '';
  }

  /** Records of a kind, in the order they were made. */
  idsOf(kind: Kind): string[] {
    return [...this.records.values()].filter((r) => r.kind === kind).map((r) => r.id);
  }

  personOf(kind: Kind, id: string): string | null {
    return this.records.get(`${kind}/${id}`)?.personId ?? null;
  }

  /**
   * One change set made at installation `at`: the fields it wrote on one record. Each write's
   * base is the newest write to that field this installation held, as the engine's write path
   * takes it from the field it overwrites.
   */
  edit(
    at: number,
    hlc: string,
    target: { kind: Kind; id: string; personId?: string | null },
    values: Record<string, unknown>,
  ): void {
    const key = `${target.kind}/${target.id}`;
    let record = this.records.get(key);
    if (!record) {
      record = {
        kind: target.kind,
        id: target.id,
        personId: target.personId ?? null,
        fields: new Map(),
      };
      this.records.set(key, record);
    }
    const op = this.ops++;
    const writes = Object.entries(values).map(([field, value]) => ({
      op,
      author: at,
      hlc,
      field,
      value,
      base: this.newest(at, record, field)?.hlc ?? '',
    }));
    for (const write of writes)
      record.fields.set(write.field, [...(record.fields.get(write.field) ?? []), write]);
    this.seen[at]!.add(op);
  }

  /** Installation `at` takes in what a bundle carried; returns how many edits were new to it. */
  receive(at: number, carried: ReadonlySet<number>): number {
    let fresh = 0;
    for (const op of carried) {
      if (this.seen[at]!.has(op)) continue;
      this.seen[at]!.add(op);
      fresh++;
    }
    return fresh;
  }

  /** Whether installation `a` holds every edit `b` holds. */
  holdsAllOf(a: number, b: number): boolean {
    return [...this.seen[b]!].every((op) => this.seen[a]!.has(op));
  }

  /**
   * The conflict queue once every installation holds every edit. A field conflict names the
   * newest write (applied everywhere) and the second-newest when the newest was made over an
   * older value than it. A deleted record with a field written after its newest delete is a
   * delete conflict naming that field's latest write.
   */
  expectedConflicts(): ExpectedConflict[] {
    const out: ExpectedConflict[] = [];
    const side = (write: Write, value: unknown = write.value): ExpectedSide => ({
      value,
      author: this.installIds[write.author]!,
      time: write.hlc.slice(0, 24),
    });
    for (const record of this.records.values()) {
      const about = this.about(record);
      const newest = new Map<string, Write>();
      for (const [field, writes] of record.fields) {
        const [winner, other] = [...writes].sort(byHlcDesc);
        newest.set(field, winner!);
        if (field === 'createdAt' || !other || other.hlc <= winner!.base) continue;
        out.push({ kind: 'field', ...about, field, winner: side(winner!), other: side(other) });
      }
      const deletion = newest.get('deleted');
      if (!deletion) continue;
      const later = [...newest]
        .filter(
          ([field, w]) => field !== 'deleted' && field !== 'createdAt' && w.hlc > deletion.hlc,
        )
        .sort(([fa, a], [fb, b]) => byHlcDesc(a, b) || (fa < fb ? -1 : 1))[0];
      if (!later) continue;
      out.push({
        kind: 'deleted',
        ...about,
        field: 'deleted',
        winner: side(deletion, true),
        other: side(later[1], later[0]),
      });
    }
    return out.sort(compareConflicts);
  }

  private about(record: ModelRecord) {
    const personId = record.kind === 'person' ? record.id : record.personId;
    const person = personId ? this.records.get(`person/${personId}`) : undefined;
    const name = person ? [...person.fields.get('name')!].sort(byHlcDesc)[0]!.value : null;
    return {
      entity: record.kind,
      id: record.id,
      personId,
      personName: name === null ? null : String(name),
    };
  }
}

export function compareConflicts(a: ExpectedConflict, b: ExpectedConflict): number {
  const ka = `${a.entity}/${a.id}/${a.field}/${a.kind}`;
  const kb = `${b.entity}/${b.id}/${b.field}/${b.kind}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
