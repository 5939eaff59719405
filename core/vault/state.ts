import { promises as fs } from 'node:fs';
import { ByteReader, ByteWriter } from './bytes';
import { equalBytes, hmac } from './crypto';
import { fsStep } from './fsSteps';
import { FORMAT_VERSION, VAULT_ID_BYTES } from './header';

/**
 * The commit state: the vault's own authenticated record of how far it has got — the current
 * generation and how many journal records it had made durable. Journal records authenticate one
 * by one, so without this a journal cut at a record boundary, an older copy of it put back, or
 * a whole newest generation deleted would open as if nothing had happened.
 *
 * The file holds two fixed-size slots written in turn, each with its own MAC and an epoch that
 * grows with every write. A write touches one slot in place and syncs: cheap enough to follow
 * every group commit, and a write torn by a power cut spoils only the slot being written, while
 * the other still holds the previous state.
 */
export const STATE_MAGIC = Buffer.from('VIGILSTA', 'ascii');
const MAC_BYTES = 32;
const BODY_BYTES = STATE_MAGIC.length + 2 + VAULT_ID_BYTES + 8 * 4;
export const STATE_SLOT_BYTES = BODY_BYTES + MAC_BYTES;

/**
 * `previousRecords` of the first generation after a key rotation: the generations before it
 * were written under the old keys, so there is no previous generation to check or fall back on.
 */
export const ROTATED = 2n ** 64n - 1n;

export interface CommitState {
  /** Grows by one with every write; the slot holding the larger one is current. */
  epoch: bigint;
  generation: bigint;
  /** Journal records of `generation` that were durable when the state was written. */
  records: bigint;
  /** Records of the previous generation's journal when it was closed (0 for the first). */
  previousRecords: bigint;
}

export function encodeStateSlot(key: Buffer, vaultId: Buffer, state: CommitState): Buffer {
  const body = new ByteWriter()
    .bytes(STATE_MAGIC)
    .u16(FORMAT_VERSION)
    .bytes(vaultId)
    .u64(state.epoch)
    .u64(state.generation)
    .u64(state.records)
    .u64(state.previousRecords)
    .toBuffer();
  return Buffer.concat([body, hmac(key, body)]);
}

function decodeStateSlot(key: Buffer, vaultId: Buffer, slot: Buffer): CommitState | null {
  if (slot.length !== STATE_SLOT_BYTES) return null;
  const body = slot.subarray(0, BODY_BYTES);
  if (!equalBytes(hmac(key, body), slot.subarray(BODY_BYTES))) return null;
  const r = new ByteReader(body);
  if (!equalBytes(r.bytes(STATE_MAGIC.length), STATE_MAGIC)) return null;
  if (r.u16() !== FORMAT_VERSION) return null;
  if (!equalBytes(r.bytes(VAULT_ID_BYTES), vaultId)) return null;
  return { epoch: r.u64(), generation: r.u64(), records: r.u64(), previousRecords: r.u64() };
}

/** The current state in a state file, or null when neither slot authenticates. */
export function decodeState(key: Buffer, vaultId: Buffer, file: Buffer): CommitState | null {
  if (file.length !== STATE_SLOT_BYTES * 2) return null;
  const slots = [0, 1]
    .map((i) =>
      decodeStateSlot(
        key,
        vaultId,
        file.subarray(i * STATE_SLOT_BYTES, (i + 1) * STATE_SLOT_BYTES),
      ),
    )
    .filter((slot): slot is CommitState => slot !== null);
  if (slots.length === 0) return null;
  return slots.reduce((a, b) => (b.epoch > a.epoch ? b : a));
}

/** A new state file: the first state in its slot, the other slot empty (it fails its MAC). */
export function encodeStateFile(key: Buffer, vaultId: Buffer, state: CommitState): Buffer {
  const file = Buffer.alloc(STATE_SLOT_BYTES * 2);
  encodeStateSlot(key, vaultId, state).copy(file, slotOffset(state.epoch));
  return file;
}

const slotOffset = (epoch: bigint) => Number(epoch % 2n) * STATE_SLOT_BYTES;

/** The open state file of an unlocked vault, rewritten after each group commit. */
export class StateWriter {
  private constructor(
    private readonly file: string,
    private readonly handle: fs.FileHandle,
    private readonly key: Buffer,
    private readonly vaultId: Buffer,
    private state: CommitState,
  ) {}

  /** Opens a state file for writing; its current epoch is where the next write continues. */
  static async open(file: string, key: Buffer, vaultId: Buffer): Promise<StateWriter> {
    const handle = await fs.open(file, 'r+');
    try {
      const current = decodeState(key, vaultId, await handle.readFile());
      const empty = { epoch: 0n, generation: 0n, records: 0n, previousRecords: 0n };
      return new StateWriter(file, handle, key, vaultId, current ?? empty);
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  get current(): CommitState {
    return this.state;
  }

  /** Writes the next state into the slot not holding the current one, and syncs it. */
  async write(next: Omit<CommitState, 'epoch'>): Promise<void> {
    const state = { ...next, epoch: this.state.epoch + 1n };
    const slot = encodeStateSlot(this.key, this.vaultId, state);
    fsStep('write', this.file);
    await this.handle.write(slot, 0, slot.length, slotOffset(state.epoch));
    fsStep('fsync', this.file);
    await this.handle.datasync();
    this.state = state;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
