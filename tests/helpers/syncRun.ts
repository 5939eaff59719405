import path from 'node:path';
import { expect } from 'vitest';
import { first } from '../../core/db/statements';
import type { Peer } from './sync';
import { canonicalDump, conflictQueue } from './syncDump';
import { SyncModel, type Kind } from './syncModel';

/**
 * The driver of the convergence property test (tests/unit/sync-convergence.test.ts): it plays
 * commands on a group of installations through the contract, tells the model what each did and
 * received, and checks each step against it.
 */

export const PERSON_FIELDS = ['name', 'occupation', 'notes'];
const FIELDS: Record<Kind, string[]> = { person: PERSON_FIELDS, custodyEvent: ['notes'] };

/** What becomes of a file once written: received at once, twice, never, or at a later step. */
export type Fate = 'now' | 'twice' | 'lost' | 'later';

/**
 * One step. Installation numbers are taken modulo the group's size, and `pick` chooses among the
 * records the installation can act on (a step with none does nothing), so every command means
 * something in every group and shrinks well. `same`: each of several installations writes one
 * field of one record, none having seen the others' edits. `deliver`: a file sent `later`.
 */
export type Command =
  | { t: 'person'; at: number }
  | { t: 'custody'; at: number; pick: number }
  | { t: 'edit'; at: number; pick: number; fields: string[] }
  | { t: 'same'; ats: number[]; pick: number; field: number }
  | { t: 'delete'; at: number; pick: number }
  | { t: 'send'; from: number; to: number[]; fate: Fate }
  | { t: 'deliver'; pick: number };

/**
 * What creating a record wrote: every field of the kind, and createdAt (which the model uses to
 * know who holds the record); id and updatedAt are not fields.
 */
function written(record: { id: string; updatedAt: string }): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...record };
  delete fields.id;
  delete fields.updatedAt;
  return fields;
}

interface Bundle {
  file: string;
  /** The edits the sender held when it wrote the file: the most the file can carry. */
  carried: ReadonlySet<number>;
}

/** One run: installations, the model of what each holds, and the files in flight. */
export class Run {
  readonly model: SyncModel;
  private values = 0;
  private files = 0;
  private readonly own: number[];
  readonly pending: Array<{ bundle: Bundle; to: number }> = [];

  constructor(
    readonly group: Peer[],
    private readonly dir: string,
  ) {
    this.model = new SyncModel(group.map((p) => p.core.session.installId));
    this.own = group.map(() => 0);
  }

  /** The timestamp the engine gave the change set `at` just made, its only one. */
  private async stamp(at: number): Promise<string> {
    const core = this.group[at]!.core;
    const db = (await core.session.readVault()).db;
    const row = first(db, 'SELECT hlc, seq FROM sync_log WHERE author = ? ORDER BY seq DESC', [
      core.session.installId,
    ])!;
    expect(Number(row.seq)).toBe(++this.own[at]!);
    return String(row.hlc);
  }

  private value(field: string): string {
    const n = ++this.values;
    return field === 'name' ? `Invented Person ${n}` : `${field} ${n}`;
  }

  async createPerson(at: number): Promise<void> {
    const person = await this.group[at]!.core.call('createPerson', { name: this.value('name') });
    const target = { kind: 'person' as const, id: person.id };
    this.model.edit(at, await this.stamp(at), target, written(person));
  }

  async createCustody(at: number, pick: number): Promise<void> {
    const persons = this.model.idsOf('person').filter((id) => this.model.visible(at, 'person', id));
    if (persons.length === 0) return;
    const personId = persons[pick % persons.length]!;
    const event = await this.group[at]!.core.call('createRecord', {
      kind: 'custodyEvent',
      fields: { personId, type: 'detention', notes: this.value('notes') },
    });
    const target = { kind: 'custodyEvent' as const, id: event.id, personId };
    this.model.edit(at, await this.stamp(at), target, written(event));
  }

  private records(): Array<{ kind: Kind; id: string }> {
    const kinds: Kind[] = ['person', 'custodyEvent'];
    return kinds.flatMap((kind) => this.model.idsOf(kind).map((id) => ({ kind, id })));
  }

  /** Writes new values into fields of a record, at one installation, in one change set. */
  async edit(at: number, target: { kind: Kind; id: string }, fields: string[]): Promise<void> {
    const changes = Object.fromEntries(fields.map((f) => [f, this.value(f)]));
    const core = this.group[at]!.core;
    if (target.kind === 'person') await core.call('updatePerson', { id: target.id, changes });
    else await core.call('updateRecord', { kind: target.kind, id: target.id, fields: changes });
    this.model.edit(at, await this.stamp(at), target, changes);
  }

  async editSome(at: number, pick: number, fields: string[]): Promise<void> {
    const targets = this.records().filter((r) => this.model.editable(at, r.kind, r.id));
    if (targets.length === 0) return;
    const target = targets[pick % targets.length]!;
    const own = fields.filter((f) => FIELDS[target.kind].includes(f));
    await this.edit(at, target, own.length > 0 ? own : FIELDS[target.kind].slice(0, 1));
  }

  /** The same field of one record edited at several installations, none seeing the others. */
  async editSame(ats: number[], pick: number, field: number): Promise<void> {
    const editors = (r: { kind: Kind; id: string }) =>
      ats.filter((at) => this.model.editable(at, r.kind, r.id)).length;
    const all = this.records();
    const shared = all.filter((r) => editors(r) >= 2);
    const targets = shared.length > 0 ? shared : all.filter((r) => editors(r) === 1);
    if (targets.length === 0) return;
    const target = targets[pick % targets.length]!;
    const name = FIELDS[target.kind][field % FIELDS[target.kind].length]!;
    for (const at of ats)
      if (this.model.editable(at, target.kind, target.id)) await this.edit(at, target, [name]);
  }

  async delete(at: number, pick: number): Promise<void> {
    const targets = this.records().filter((r) => this.model.visible(at, r.kind, r.id));
    if (targets.length === 0) return;
    await this.remove(at, targets[pick % targets.length]!);
  }

  async remove(at: number, target: { kind: Kind; id: string }): Promise<void> {
    await this.group[at]!.core.call('deleteRecord', { kind: target.kind, id: target.id });
    this.model.edit(at, await this.stamp(at), target, { deleted: true });
  }

  /** A file from one installation to others, or null when it has nothing they lack. */
  async send(from: number, to: number[]): Promise<Bundle | null> {
    const sender = this.group[from]!;
    const file = path.join(this.dir, `bundle-${++this.files}.age`);
    const contactIds = to.map((t) => sender.contactOf.get(this.group[t]!.name));
    try {
      await sender.core.call('sendBundle', { contactIds, path: file });
    } catch (err) {
      if (!String(err).includes('BUNDLE_EMPTY')) throw err;
      // Nothing to send means each recipient reported holding everything the sender holds.
      for (const t of to) expect(this.model.holdsAllOf(t, from)).toBe(true);
      return null;
    }
    return { file, carried: new Set(this.model.seen[from]) };
  }

  /** Receives a file; returns how many change sets were new to the recipient. */
  async receive(bundle: Bundle, to: number): Promise<number> {
    const result = await this.group[to]!.core.call('receiveBundle', { path: bundle.file });
    expect(result.newChanges).toBe(this.model.receive(to, bundle.carried));
    return result.newChanges;
  }

  /** The same file a second time: refused as a replay, and the vault is as it was. */
  async receiveAgain(bundle: Bundle, to: number): Promise<void> {
    const core = this.group[to]!.core;
    const before = [await canonicalDump(core), await conflictQueue(core)];
    expect(await core.fails('receiveBundle', { path: bundle.file })).toBe('BUNDLE_REPLAYED');
    expect([await canonicalDump(core), await conflictQueue(core)]).toEqual(before);
  }

  async step(c: Command): Promise<void> {
    const n = this.group.length;
    const at = (i: number) => i % n;
    if (c.t === 'person') return this.createPerson(at(c.at));
    if (c.t === 'custody') return this.createCustody(at(c.at), c.pick);
    if (c.t === 'edit') return this.editSome(at(c.at), c.pick, c.fields);
    if (c.t === 'same') return this.editSame([...new Set(c.ats.map(at))], c.pick, c.field);
    if (c.t === 'delete') return this.delete(at(c.at), c.pick);
    if (c.t === 'deliver') {
      if (this.pending.length === 0) return;
      const [{ bundle, to }] = this.pending.splice(c.pick % this.pending.length, 1) as [
        { bundle: Bundle; to: number },
      ];
      await this.receive(bundle, to);
      return;
    }
    const from = at(c.from);
    const to = [...new Set(c.to.map((k) => (from + 1 + (k % (n - 1))) % n))];
    const bundle = await this.send(from, to);
    if (!bundle) return;
    for (const t of to) {
      if (c.fate === 'lost') continue;
      if (c.fate === 'later') this.pending.push({ bundle, to: t });
      else await this.receive(bundle, t);
      if (c.fate === 'twice') await this.receiveAgain(bundle, t);
    }
  }

  /** Rounds of every installation sending to every other until a round brings nothing new. */
  async settle(): Promise<void> {
    const n = this.group.length;
    for (let round = 0; ; round++) {
      expect(round).toBeLessThan(n + 2);
      let fresh = 0;
      for (let from = 0; from < n; from++)
        for (let to = 0; to < n; to++) {
          if (to === from) continue;
          const bundle = await this.send(from, [to]);
          if (bundle) fresh += await this.receive(bundle, to);
        }
      if (fresh === 0) return;
    }
  }
}
