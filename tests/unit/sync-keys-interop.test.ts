import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { minisignPublicKeyFile } from '../../core/sync/minisign';
import type { BundlePayload } from '../../core/sync/payload';
import { introduce, type Peer } from '../helpers/sync';
import { keysOf, refusal, usePeers } from '../helpers/syncForge';

const start = usePeers();

async function send(from: Peer, to: Peer, name: string, armor = false): Promise<string> {
  const file = path.join(from.root, `${name}.age`);
  await from.core.call('sendBundle', {
    contactIds: [from.contactOf.get(to.name)],
    path: file,
    armor,
  });
  return file;
}

describe('key rotation', () => {
  it('keeps old bundles opening both ways, and takes new ones once the new key is verified', async () => {
    const [a, b] = await start('a', 'b');
    await introduce(a, b);
    await a.core.call('createPerson', { name: 'Invented Tomas Grey' });
    const beforeRotation = await send(a, b, 'before-1');
    const alsoBefore = await send(a, b, 'before-2');
    expect((await a.core.call('rotateSyncKeys', {})).retiredKeys).toBe(1);

    // B has not heard of the new keys: what it makes goes to A's old key, and still opens there.
    await b.core.call('createPerson', { name: 'Invented Una Pike' });
    const toOldKey = await send(b, a, 'to-old-key');
    expect(await b.core.call('receiveBundle', { path: beforeRotation })).toMatchObject({
      newPersons: 1,
    });
    expect(await a.core.call('receiveBundle', { path: toOldKey })).toMatchObject({ newPersons: 1 });

    await a.core.call('createPerson', { name: 'Invented Vilma Stark' });
    const afterRotation = await send(a, b, 'after');
    expect(await refusal(b, afterRotation)).toEqual({
      code: 'BUNDLE_UNKNOWN_SENDER',
      unchanged: true,
    });
    const readded = await b.core.call('addContact', {
      text: (await a.core.call('syncIdentity', {})).contactText,
    });
    expect(readded).toMatchObject({ id: b.contactOf.get('a'), verified: false });
    expect(await refusal(b, afterRotation)).toEqual({
      code: 'BUNDLE_UNVERIFIED_SENDER',
      unchanged: true,
    });
    const atA = await a.core.call('contactFingerprint', { id: a.contactOf.get('b') });
    await b.core.call('verifyContact', { id: readded.id, digits: atA.digits });
    expect(await b.core.call('receiveBundle', { path: afterRotation })).toMatchObject({
      newPersons: 1,
    });
    // Signed with the old key, received after the new one was verified: still A's.
    expect(await b.core.call('receiveBundle', { path: alsoBefore })).toMatchObject({
      newChanges: 0,
    });
    expect((await b.core.call('listPersons', {})).total).toBe(3);
  });
});

describe('a bundle the app writes, read with tools we did not write', () => {
  it.each([false, true])(
    'decrypts with age -d, gunzips, and its payload verifies with minisign -V (armour %s)',
    async (armor) => {
      const [a, b] = await start('a', 'b');
      await introduce(a, b);
      await a.core.call('createPerson', { name: 'Invented Wanda Roe' });
      const file = await send(a, b, 'interop', armor);
      const dir = b.root;
      const identityFile = path.join(dir, 'b.key');
      writeFileSync(identityFile, `${(await keysOf(b)).keys.ageIdentity}\n`, { mode: 0o600 });
      const gz = path.join(dir, 'interop.gz');
      execFileSync('age', ['-d', '-i', identityFile, '-o', gz, file]);
      const [framing, payload, ...signature] = execFileSync('gunzip', ['-c', gz])
        .toString('utf8')
        .split('\n');
      expect(framing).toBe('vigil-bundle 1');
      const parsed = JSON.parse(payload!) as BundlePayload;
      expect(parsed.sender).toBe(a.core.session.installId);
      expect(parsed.recipients.map((r) => r.install)).toEqual([b.core.session.installId]);

      const payloadFile = path.join(dir, 'payload.json');
      writeFileSync(payloadFile, payload!);
      writeFileSync(`${payloadFile}.minisig`, signature.join('\n'));
      const pubFile = path.join(dir, 'a.pub');
      writeFileSync(pubFile, minisignPublicKeyFile((await keysOf(a)).keys.signing));
      const verified = spawnSync('minisign', ['-Vm', payloadFile, '-p', pubFile], {
        encoding: 'utf8',
      });
      expect(verified.status).toBe(0);
      expect(verified.stdout).toContain('Trusted comment: vigil-bundle 1 ');
      // The same check refuses the payload changed by one character.
      writeFileSync(payloadFile, payload!.replace('Wanda', 'Wendy'));
      expect(spawnSync('minisign', ['-Vm', payloadFile, '-p', pubFile]).status).not.toBe(0);
    },
  );
});
