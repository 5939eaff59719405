import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Encrypter } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { ageDecrypt } from '../../core/sync/bundleFile';
import { keysOf, openAs, refusal, seal, usePeers, vaultDigest } from '../helpers/syncForge';
import { introduce, type Peer } from '../helpers/sync';

const start = usePeers();

async function contactText(peer: Peer): Promise<string> {
  return (await peer.core.call('syncIdentity', {})).contactText;
}

/** `from` adds `to` and verifies it on its own side only (the digits it computes itself). */
async function trustOneWay(from: Peer, to: Peer): Promise<void> {
  const added = await from.core.call('addContact', { text: await contactText(to) });
  const { digits } = await from.core.call('contactFingerprint', { id: added.id });
  await from.core.call('verifyContact', { id: added.id, digits });
  from.contactOf.set(to.name, added.id);
}

/** A bundle of one new person from `from` to `to`, written but not received. */
async function bundle(from: Peer, to: Peer, name: string): Promise<string> {
  await from.core.call('createPerson', { name: `Invented ${name}` });
  const file = path.join(from.root, `${name}.age`);
  await from.core.call('sendBundle', { contactIds: [from.contactOf.get(to.name)], path: file });
  return file;
}

describe('a bundle from someone the receiver does not trust', () => {
  it('from a sender the receiver never added is BUNDLE_UNKNOWN_SENDER', async () => {
    const [a, b] = await start('a', 'b');
    await trustOneWay(a, b);
    const file = await bundle(a, b, 'Olga Brandt');
    expect(await refusal(b, file)).toEqual({ code: 'BUNDLE_UNKNOWN_SENDER', unchanged: true });
  });

  it('from a contact added but not verified is BUNDLE_UNVERIFIED_SENDER', async () => {
    const [a, b] = await start('a', 'b');
    await trustOneWay(a, b);
    await b.core.call('addContact', { text: await contactText(a) });
    const file = await bundle(a, b, 'Piotr Lenz');
    expect(await refusal(b, file)).toEqual({ code: 'BUNDLE_UNVERIFIED_SENDER', unchanged: true });
    expect((await b.core.call('listPersons', {})).total).toBe(0);
  });
});

describe('a bundle addressed to someone else', () => {
  it('encrypted to another colleague is BUNDLE_NOT_FOR_YOU, even for one who trusts the sender', async () => {
    const [a, b, c] = await start('a', 'b', 'c');
    await introduce(a, b);
    await introduce(a, c);
    const file = await bundle(a, c, 'Rita Moss');
    expect(await refusal(b, file)).toEqual({ code: 'BUNDLE_NOT_FOR_YOU', unchanged: true });
  });

  it('re-encrypted to the receiver by its recipient (surreptitious forwarding) is BUNDLE_NOT_ADDRESSED', async () => {
    const [a, b, c] = await start('a', 'b', 'c');
    await introduce(a, b);
    await introduce(a, c);
    const file = await bundle(a, c, 'Sven Holt');
    const cKeys = await keysOf(c);
    const plaintext = await ageDecrypt(readFileSync(file), [cKeys.keys.ageIdentity]);
    const encrypter = new Encrypter();
    encrypter.addRecipient((await keysOf(b)).keys.ageRecipient);
    const forwarded = path.join(c.root, 'forwarded.age');
    writeFileSync(forwarded, await encrypter.encrypt(plaintext));
    expect(await refusal(b, forwarded)).toEqual({ code: 'BUNDLE_NOT_ADDRESSED', unchanged: true });
    // The same bundle still opens for whom it was made.
    expect(await c.core.call('receiveBundle', { path: file })).toMatchObject({ newPersons: 1 });
  });
});

describe('a bundle received before, or from a newer Vigil', () => {
  it('a second time is BUNDLE_REPLAYED and changes nothing', async () => {
    const [a, b] = await start('a', 'b');
    await introduce(a, b);
    const file = await bundle(a, b, 'Tove Lind');
    await b.core.call('receiveBundle', { path: file });
    expect(await refusal(b, file)).toEqual({ code: 'BUNDLE_REPLAYED', unchanged: true });
  });

  it('a newer framing, or a payload of a newer version, signed by the sender, is BUNDLE_TOO_NEW', async () => {
    const [a, b] = await start('a', 'b');
    await introduce(a, b);
    const file = await bundle(a, b, 'Ulla Rask');
    const opened = await openAs(b, file);
    const newerFraming = await seal(a, [b], { ...opened, version: 2 }, 'framing-2');
    expect(await refusal(b, newerFraming)).toEqual({ code: 'BUNDLE_TOO_NEW', unchanged: true });
    const newerPayload = { ...opened, payload: { ...opened.payload, version: 2 } };
    const payload2 = await seal(a, [b], newerPayload as never, 'payload-2');
    expect(await refusal(b, payload2)).toEqual({ code: 'BUNDLE_TOO_NEW', unchanged: true });
    // The file as sent, resealed unchanged, is taken: the refusals were for the versions.
    const same = await seal(a, [b], opened, 'same');
    expect(await b.core.call('receiveBundle', { path: same })).toMatchObject({ newPersons: 1 });
  });
});

describe('contacts', () => {
  it('refuses malformed contact texts and files with CONTACT_INVALID, adding nothing', async () => {
    const [a, b] = await start('a', 'b');
    const text = await contactText(a);
    const lines = text.split('\n');
    const broken = [
      '',
      'not a contact at all',
      text.slice(0, Math.floor(text.length / 2)),
      lines.filter((line) => !line.startsWith('encryption')).join('\n'),
      // One character changed: bech32's checksum catches every single substitution.
      text.replace(/age1[0-9a-z]+/, (key) => `${key.slice(0, -1)}${key.endsWith('q') ? 'p' : 'q'}`),
      text.replace(/RW[A-Za-z0-9+/=]+/, (key) => `${key.slice(0, 10)}${key.slice(11)}`),
      text.replace(/install:.*/, 'install: 0123456789ABCDEF'),
      text.replace('Vigil contact 1', 'Vigil contact 2'),
      `${text}${text}`,
    ];
    const before = await vaultDigest(b);
    for (const candidate of broken) {
      expect(await b.core.fails('addContact', { text: candidate })).toBe('CONTACT_INVALID');
    }
    const file = path.join(b.root, 'contact.txt');
    writeFileSync(file, Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    expect(await b.core.fails('addContact', { path: file })).toBe('CONTACT_INVALID');
    writeFileSync(file, `${text}\n${'x'.repeat(30_000)}`);
    expect(await b.core.fails('addContact', { path: file })).toBe('CONTACT_INVALID');
    expect(await vaultDigest(b)).toBe(before);
    expect(await b.core.call('listContacts', {})).toEqual([]);
  });

  it('refuses a wrong fingerprint with FINGERPRINT_MISMATCH and leaves the contact unverified', async () => {
    const [a, b] = await start('a', 'b');
    const added = await b.core.call('addContact', { text: await contactText(a) });
    const { digits } = await b.core.call('contactFingerprint', { id: added.id });
    const last = digits.at(-1)!;
    const wrong = `${digits.slice(0, -1)}${last === '0' ? '1' : '0'}`;
    const before = await vaultDigest(b);
    expect(await b.core.fails('verifyContact', { id: added.id, digits: wrong })).toBe(
      'FINGERPRINT_MISMATCH',
    );
    expect(await b.core.fails('verifyContact', { id: added.id, digits: '' })).toBe(
      'FINGERPRINT_MISMATCH',
    );
    expect(await vaultDigest(b)).toBe(before);
    expect((await b.core.call('listContacts', {}))[0]).toMatchObject({ verified: false });
  });

  it("refuses the installation's own contact with CONTACT_IS_SELF", async () => {
    const [a] = await start('a');
    const before = await vaultDigest(a);
    expect(await a.core.fails('addContact', { text: await contactText(a) })).toBe(
      'CONTACT_IS_SELF',
    );
    expect(await vaultDigest(a)).toBe(before);
  });

  it('refuses to send to an unverified contact with CONTACT_NOT_VERIFIED and writes no file', async () => {
    const [a, b] = await start('a', 'b');
    const added = await a.core.call('addContact', { text: await contactText(b) });
    await a.core.call('createPerson', { name: 'Invented Vera Nord' });
    const file = path.join(a.root, 'unverified.age');
    const before = await vaultDigest(a);
    expect(await a.core.fails('previewSend', { contactIds: [added.id] })).toBe(
      'CONTACT_NOT_VERIFIED',
    );
    expect(await a.core.fails('sendBundle', { contactIds: [added.id], path: file })).toBe(
      'CONTACT_NOT_VERIFIED',
    );
    expect(existsSync(file)).toBe(false);
    expect(await vaultDigest(a)).toBe(before);
  });
});
