import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { coreWithVault, type TestCore } from './session';

/** An installation for sync tests: a core with its own data folder and vault, and its contact id of others. */
export interface Peer {
  name: string;
  root: string;
  core: TestCore;
  /** The id this peer's vault gives each other peer's contact, by peer name. */
  contactOf: Map<string, string>;
}

export async function startPeer(base: string, name: string): Promise<Peer> {
  const root = path.join(base, name);
  mkdirSync(root, { recursive: true });
  const core = await coreWithVault(root);
  await core.call('syncIdentity', {});
  return { name, root, core, contactOf: new Map() };
}

/** Makes `a` and `b` each other's verified contacts, by the digits both sides compute. */
export async function introduce(a: Peer, b: Peer): Promise<void> {
  const aText = (await a.core.call('syncIdentity', {})).contactText;
  const bText = (await b.core.call('syncIdentity', {})).contactText;
  const bAtA = await a.core.call('addContact', { text: bText });
  const aAtB = await b.core.call('addContact', { text: aText });
  const digitsAtA = (await a.core.call('contactFingerprint', { id: bAtA.id })).digits;
  const digitsAtB = (await b.core.call('contactFingerprint', { id: aAtB.id })).digits;
  if (digitsAtA !== digitsAtB) throw new Error('fingerprints differ');
  await a.core.call('verifyContact', { id: bAtA.id, digits: digitsAtB });
  await b.core.call('verifyContact', { id: aAtB.id, digits: digitsAtA });
  a.contactOf.set(b.name, bAtA.id);
  b.contactOf.set(a.name, aAtB.id);
}

let bundles = 0;

/** `from` writes a bundle to `to` and `to` receives it; returns the receive result. */
export async function exchange(from: Peer, to: Peer) {
  const file = path.join(from.root, `bundle-${++bundles}.age`);
  await from.core.call('sendBundle', { contactIds: [from.contactOf.get(to.name)], path: file });
  return to.core.call('receiveBundle', { path: file });
}
