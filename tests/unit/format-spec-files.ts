/**
 * The file layouts of docs/vault-format.md (header, key slots, snapshot, journal, commit state),
 * read as the spec says, for the independent reader in format-spec.test.ts. Imports nothing
 * from core/: node:crypto and libsodium (Argon2id) only.
 */
import { createDecipheriv, createHash, createHmac, hkdfSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sodium from 'libsodium-wrappers-sumo';

export const FOLDER = path.resolve(__dirname, '../../docs/vectors/vault');

export const file = (name: string, folder = FOLDER) => readFileSync(path.join(folder, name));
const gen = (g: number) => String(g).padStart(10, '0');

function openGcm(key: Buffer, nonce: Buffer, sealed: Buffer, aad: Buffer): Buffer | null {
  try {
    const d = createDecipheriv('aes-256-gcm', key, nonce);
    d.setAAD(aad);
    d.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([d.update(sealed.subarray(0, sealed.length - 16)), d.final()]);
  } catch {
    return null;
  }
}

export const hkdf = (ikm: Buffer, salt: Buffer, info: string) =>
  Buffer.from(hkdfSync('sha256', ikm, salt, info, 32));
const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();
const u64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
};

// Header: 91 + 86 N bytes; magic, checksum, version, slots, MAC.
interface Slot {
  type: number;
  ops: number;
  memKiB: number;
  salt: Buffer;
  nonce: Buffer;
  wrapped: Buffer;
  prefix: Buffer;
}

function parseHeader(h: Buffer): { vaultId: Buffer; slots: Slot[]; body: Buffer; mac: Buffer } {
  if (h.subarray(0, 8).toString('latin1') !== 'VIGILHDR') throw new Error('damage: magic');
  const sum = createHash('sha256')
    .update(h.subarray(0, h.length - 32))
    .digest();
  if (!sum.equals(h.subarray(h.length - 32))) throw new Error('damage: checksum');
  if (h.readUInt16BE(8) !== 1) throw new Error('version');
  const count = h.readUInt8(26);
  if (count < 1 || count > 8 || h.length !== 91 + 86 * count) throw new Error('damage: length');
  const slots: Slot[] = [];
  for (let i = 0; i < count; i++) {
    const s = h.subarray(27 + 86 * i, 27 + 86 * (i + 1));
    const slot = {
      type: s[0]!,
      ops: s.readUInt32BE(2),
      memKiB: s.readUInt32BE(6),
      salt: s.subarray(10, 26),
      nonce: s.subarray(26, 38),
      wrapped: s.subarray(38, 86),
      prefix: s.subarray(0, 26),
    };
    if (slot.type !== 1 && slot.type !== 2) throw new Error('unsupported slot');
    if (s[1] !== slot.type) throw new Error('damage: kdf id');
    const inBounds =
      slot.type === 2
        ? slot.ops === 0 && slot.memKiB === 0
        : slot.ops >= 1 &&
          slot.ops <= 40 &&
          slot.memKiB >= 8 &&
          slot.memKiB <= 1024 * 1024 &&
          slot.ops * slot.memKiB <= 40 * 256 * 1024;
    if (!inBounds) throw new Error('damage: kdf bounds');
    slots.push(slot);
  }
  const end = 27 + 86 * count;
  return {
    vaultId: h.subarray(10, 26),
    slots,
    body: h.subarray(0, end),
    mac: h.subarray(end, end + 32),
  };
}

type Secret = { passphrase: string } | { entropy: Buffer };

export async function unlock(
  secret: Secret,
  folder = FOLDER,
): Promise<{ folder: string; vaultId: Buffer; keys: Record<string, Buffer> }> {
  const header = parseHeader(file('vault.vgh', folder));
  await sodium.ready;
  for (const slot of header.slots) {
    let kek: Buffer;
    if (slot.type === 1 && 'passphrase' in secret) {
      const pw = secret.passphrase.normalize('NFC');
      const alg = sodium.crypto_pwhash_ALG_ARGON2ID13;
      kek = Buffer.from(sodium.crypto_pwhash(32, pw, slot.salt, slot.ops, slot.memKiB * 1024, alg));
    } else if (slot.type === 2 && 'entropy' in secret) {
      kek = hkdf(secret.entropy, slot.salt, 'vigil recovery slot v1');
    } else continue;
    const aad = Buffer.concat([Buffer.from('VIGILHDR'), header.vaultId, slot.prefix]);
    const dataKey = openGcm(kek, slot.nonce, slot.wrapped, aad);
    if (!dataKey) continue;
    const key = (purpose: string) => hkdf(dataKey, header.vaultId, `vigil ${purpose} v1`);
    if (!hmac(key('header'), header.body).equals(header.mac)) throw new Error('damage: header MAC');
    const keys = Object.fromEntries(['snapshot', 'journal', 'state'].map((p) => [p, key(p)]));
    return { folder, vaultId: header.vaultId, keys };
  }
  throw new Error('wrong secret');
}

export type Vault = Awaited<ReturnType<typeof unlock>>;

export function readSnapshot(v: Vault, g: number): Buffer {
  const s = file(`snapshot-${gen(g)}.vgs`, v.folder);
  if (s.subarray(0, 8).toString('latin1') !== 'VIGILSNP') throw new Error('damage: magic');
  if (!s.subarray(10, 26).equals(v.vaultId)) throw new Error('damage: another vault');
  const db = s.readUInt16BE(8) === 1 ? wholeImage(v, s) : segments(v, s);
  if (s.readUInt16BE(8) > 2 || s.readBigUInt64BE(26) !== BigInt(g)) throw new Error('damage');
  return db;
}

/** Version 1: one AES-256-GCM seal over the whole image, associated data bytes [0, 34). */
function wholeImage(v: Vault, s: Buffer): Buffer {
  const db = openGcm(v.keys.snapshot!, s.subarray(34, 46), s.subarray(46), s.subarray(0, 34));
  if (!db) throw new Error('damage: snapshot authentication');
  return db;
}

/** Version 2: segments of the image, each `nonce ‖ sealed`, associated data head ‖ u64 index. */
function segments(v: Vault, s: Buffer): Buffer {
  const head = s.subarray(0, 46);
  const size = s.readUInt32BE(34);
  const length = Number(s.readBigUInt64BE(38));
  const count = Math.ceil(length / size);
  if (size === 0 || length === 0 || s.length !== 46 + length + count * 28)
    throw new Error('damage: segment layout');
  const parts: Buffer[] = [];
  let at = 46;
  for (let i = 0; i < count; i++) {
    const plain = Math.min(size, length - i * size);
    const nonce = s.subarray(at, at + 12);
    const sealed = s.subarray(at + 12, at + 28 + plain);
    const part = openGcm(v.keys.snapshot!, nonce, sealed, Buffer.concat([head, u64(i)]));
    if (!part) throw new Error('damage: snapshot authentication');
    parts.push(part);
    at += 28 + plain;
  }
  return Buffer.concat(parts);
}

export function readJournal(
  v: Vault,
  g: number,
  j = file(`journal-${gen(g)}.vgj`, v.folder),
): { payloads: Buffer[]; tornTail: boolean } {
  const prefix = Buffer.concat([Buffer.from('VIGILJNL'), Buffer.from([0, 1]), v.vaultId, u64(g)]);
  if (!j.subarray(0, 34).equals(prefix)) throw new Error('damage: journal prefix');
  const payloads: Buffer[] = [];
  let at = 34;
  while (at < j.length) {
    const rest = j.subarray(at);
    if (rest.length < 8) return { payloads, tornTail: true };
    const length = rest.readUInt32BE(0);
    if ((length ^ 0xffffffff) >>> 0 !== rest.readUInt32BE(4)) {
      if (rest.every((b) => b === 0)) return { payloads, tornTail: true };
      throw new Error(`damage: length of record ${payloads.length + 1}`);
    }
    if (length < 28 || length > 64 * 1024 * 1024) throw new Error('damage: record length');
    if (length > rest.length - 8) return { payloads, tornTail: true };
    const sealed = rest.subarray(20, 8 + length);
    const aad = Buffer.concat([prefix, u64(payloads.length + 1)]);
    const payload = openGcm(v.keys.journal!, rest.subarray(8, 20), sealed, aad);
    at += 8 + length;
    if (!payload) {
      if (at === j.length && sealed.subarray(-16).every((b) => b === 0))
        return { payloads, tornTail: true };
      throw new Error(`damage: record ${payloads.length + 1}`);
    }
    payloads.push(payload);
  }
  return { payloads, tornTail: false };
}

export function readCommitState(v: Vault): {
  epoch: bigint;
  generation: number;
  records: number;
  previous: number;
} {
  const f = file('vault.vgc', v.folder);
  if (f.length !== 180) throw new Error('damage: commit state length');
  const slots = [0, 1].flatMap((i) => {
    const s = f.subarray(i * 90, i * 90 + 90);
    const ok =
      hmac(v.keys.state!, s.subarray(0, 58)).equals(s.subarray(58)) &&
      s.subarray(0, 8).toString('latin1') === 'VIGILSTA' &&
      s.readUInt16BE(8) === 1 &&
      s.subarray(10, 26).equals(v.vaultId);
    if (!ok) return [];
    const n = (at: number) => Number(s.readBigUInt64BE(at));
    return [{ epoch: s.readBigUInt64BE(26), generation: n(34), records: n(42), previous: n(50) }];
  });
  if (slots.length === 0) throw new Error('damage: commit state');
  return slots.reduce((a, b) => (b.epoch > a.epoch ? b : a));
}
