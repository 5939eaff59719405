import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Encrypter } from 'age-encryption';
import { canonicalText, digestOf } from '../../core/changes/canonical';
import { attest } from '../../core/sync/attestation';
import { ageDecrypt, bundleTrustedComment } from '../../core/sync/bundleFile';
import { readIdentity, type Identity } from '../../core/sync/identity';
import { signDetached } from '../../core/sync/minisign';
import { changeSetOf, type BundlePayload, type CanonicalSet } from '../../core/sync/payload';
import { afterEach } from 'vitest';
import { startPeer, type Peer } from './sync';
import { useTempDirs } from './tempDir';

/**
 * Bundles made by hand, as an attacker or a newer Vigil would make them: tests may read a
 * peer's keys from its vault to open a bundle, change what is inside and seal it again.
 */

/** Starts peers by name in a temp folder; they are locked after the test. */
export function usePeers(): <N extends string[]>(...names: N) => Promise<{ [K in keyof N]: Peer }> {
  const tempDir = useTempDirs();
  const running: Peer[] = [];
  afterEach(async () => {
    for (const peer of running.splice(0)) await peer.core.call('lockVault', {});
  });
  return async <N extends string[]>(...names: N) => {
    const base = tempDir();
    const started: Peer[] = [];
    for (const name of names) started.push(await startPeer(base, name));
    running.push(...started);
    return started as { [K in keyof N]: Peer };
  };
}

/** The peer's sharing keys, read from its vault. */
export async function keysOf(peer: Peer): Promise<Identity> {
  const db = (await peer.core.session.readVault()).db;
  return readIdentity(db, peer.core.session.installId)!;
}

/**
 * SHA-256 over every row of every table of the peer's vault, table by table in a fixed order,
 * and over every file of its folder once all it was asked to write is on disk.
 */
export async function vaultDigest(peer: Peer): Promise<string> {
  const vault = await peer.core.session.readVault();
  await vault.quiet();
  const db = vault.db;
  const hash = createHash('sha256');
  for (const name of readdirSync(vault.folder).sort()) {
    const file = path.join(vault.folder, name);
    if (statSync(file).isFile()) hash.update(`${name}\n`).update(readFileSync(file));
  }
  const tables = db.exec(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  )[0]!.values;
  for (const [name] of tables) {
    const rows = (db.exec(`SELECT * FROM "${String(name)}"`)[0]?.values ?? [])
      .map((row) => JSON.stringify(row))
      .sort();
    hash.update(`${String(name)}\n${rows.join('\n')}\n`);
  }
  return hash.digest('hex');
}

export interface Plaintext {
  /** The framing line's version number. */
  version: number;
  payload: BundlePayload;
}

/** Decrypts a bundle file as `peer` (with its current and retired keys) and splits its framing. */
export async function openAs(peer: Peer, file: string): Promise<Plaintext> {
  const keys = await keysOf(peer);
  const identities = [keys.keys, ...keys.retired].map((k) => k.ageIdentity);
  const framed = gunzipSync(await ageDecrypt(readFileSync(file), identities)).toString('utf8');
  const [first, line] = framed.split('\n');
  return {
    version: Number(/^vigil-bundle (\d+)$/.exec(first!)![1]),
    payload: JSON.parse(line!) as BundlePayload,
  };
}

/**
 * Signs `payload` with `signer`'s current key and encrypts it to `recipients`' current keys,
 * as sendBundle does but with any framing version; writes it beside the signer's data.
 */
export async function seal(
  signer: Peer,
  recipients: Peer[],
  plaintext: Plaintext,
  name: string,
): Promise<string> {
  const key = (await keysOf(signer)).keys.signing;
  const payload = Buffer.from(JSON.stringify(plaintext.payload), 'utf8');
  const signature = signDetached(key, payload, bundleTrustedComment(payload));
  const framed = Buffer.concat([
    Buffer.from(`vigil-bundle ${String(plaintext.version)}\n`, 'latin1'),
    payload,
    Buffer.from(`\n${signature}`, 'utf8'),
  ]);
  const encrypter = new Encrypter();
  for (const recipient of recipients)
    encrypter.addRecipient((await keysOf(recipient)).keys.ageRecipient);
  const file = path.join(signer.root, `${name}.age`);
  writeFileSync(file, await encrypter.encrypt(gzipSync(framed)));
  return file;
}

/** The digest an author signs for a canonical set. */
export function setDigest(set: CanonicalSet): string {
  return digestOf(canonicalText(changeSetOf(set)));
}

/** A fresh attestation by `author`'s current key over `sets`, as the author would make it. */
export async function attestedBy(author: Peer, sets: CanonicalSet[]) {
  const key = (await keysOf(author)).keys.signing;
  return attest(author.core.session.installId, key, sets.map(setDigest));
}

/**
 * The error code of receiving `file` at `peer` (preview and receive both), and whether the
 * vault is exactly as it was; throws if either call succeeds or fails other than with a code.
 */
export async function refusal(
  peer: Peer,
  file: string,
): Promise<{ code: string; unchanged: boolean }> {
  const before = await vaultDigest(peer);
  const previewed = await peer.core.fails('previewReceive', { path: file });
  const code = await peer.core.fails('receiveBundle', { path: file });
  if (previewed !== code) throw new Error(`preview said ${previewed}, receive said ${code}`);
  return { code, unchanged: (await vaultDigest(peer)) === before };
}
