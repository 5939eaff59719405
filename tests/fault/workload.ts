import type { ChangeSet } from '../../core/changes/changeSet';
import { HybridClock } from '../../core/changes/hlc';
import type { Vault } from '../../core/vault/vault';
import { COUNTER_ID } from './protocol';

/** A small seeded generator (mulberry32): the same seed gives the same run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed for one part of a run, derived from the run's seed and a label (FNV-1a). */
export function deriveSeed(seed: number, label: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (const char of label) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

function hex(random: () => number, bytes: number): string {
  let out = '';
  for (let i = 0; i < bytes; i++)
    out += Math.floor(random() * 256)
      .toString(16)
      .padStart(2, '0');
  return out;
}

/**
 * Commits numbered change sets: each adds a person named `p<n>` and sets the counter person's
 * notes to n. An ack is reported only after its commit resolved — the moment the app would
 * tell the user "saved".
 */
export class Committer {
  private readonly author: string;
  private readonly clock: HybridClock;

  constructor(
    private readonly vault: Vault,
    private readonly random: () => number,
    private counter: number,
    private readonly onAck: (id: string, n: number) => void,
  ) {
    this.author = hex(random, 8);
    this.clock = new HybridClock(this.author);
    const latest = vault.latestHlc(Date.now() + 86_400_000);
    if (latest) this.clock.observe(latest);
  }

  /** Three commits issued together, so the vault groups them into one journal write. */
  async group(): Promise<void> {
    await Promise.all([this.one(), this.one(), this.one()]);
  }

  private async one(): Promise<void> {
    const n = ++this.counter;
    const id = hex(this.random, 16);
    const set: ChangeSet = {
      v: 1,
      hlc: this.clock.tick(),
      author: this.author,
      cells: [
        { entity: 'person', id, field: 'name', value: `p${n}` },
        { entity: 'person', id: COUNTER_ID, field: 'notes', value: String(n) },
      ],
    };
    await this.vault.commit(set);
    this.onAck(id, n);
  }
}
