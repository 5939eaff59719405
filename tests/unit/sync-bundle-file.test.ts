import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync, inflateSync } from 'node:zlib';
import { Encrypter } from 'age-encryption';
import * as vectors from 'cctv-age';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type ErrorCode } from '../../core/api/errors';
import {
  ageDecrypt,
  bundleTrustedComment,
  openBundle,
  sealBundle,
  verifyBundleSignature,
} from '../../core/sync/bundleFile';
import { generateIdentityKeys, type IdentityKeys } from '../../core/sync/keys';
import { minisignPublicKeyFile, signDetached, verifyDetached } from '../../core/sync/minisign';

let dir: string;
let me: IdentityKeys;
let colleague: IdentityKeys;
let stranger: IdentityKeys;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-bundle-'));
  [me, colleague, stranger] = await Promise.all([
    generateIdentityKeys(),
    generateIdentityKeys(),
    generateIdentityKeys(),
  ]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A deterministic generator (mulberry32), so every run mutates the same bytes. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A payload line of about `bytes` bytes of JSON that gzip cannot shrink much. */
function payloadOf(bytes: number, seed: number): Buffer {
  const random = seeded(seed);
  const notes: string[] = [];
  for (let size = 0; size < bytes; size += 24) {
    notes.push(`${Math.floor(random() * 2 ** 52).toString(36)} Пётр`);
  }
  return Buffer.from(JSON.stringify({ notes }), 'utf8');
}

function codeOf(error: unknown): ErrorCode {
  if (!(error instanceof ApiError)) throw error;
  return error.code;
}

async function openCode(file: Uint8Array, identities: string[]): Promise<ErrorCode | 'opened'> {
  try {
    await openBundle(file, identities);
    return 'opened';
  } catch (error) {
    return codeOf(error);
  }
}

describe('a sealed bundle, read with the age, gunzip and minisign tools', () => {
  it.each([false, true])('armour %s', async (armored) => {
    const payload = payloadOf(2000, 1);
    const file = await sealBundle({
      payload,
      signer: colleague.signing,
      recipients: [stranger.ageRecipient, me.ageRecipient],
      armor: armored,
    });
    const bundlePath = path.join(dir, `bundle-${String(armored)}.age`);
    writeFileSync(bundlePath, file);
    expect(Buffer.from(file).subarray(0, 10).toString()).toBe(
      armored ? '-----BEGIN' : 'age-encryp',
    );
    const identityPath = path.join(dir, 'me.key');
    writeFileSync(identityPath, `${me.ageIdentity}\n`, { mode: 0o600 });
    const gzPath = path.join(dir, `bundle-${String(armored)}.gz`);
    execFileSync('age', ['-d', '-i', identityPath, '-o', gzPath, bundlePath]);
    const framed = execFileSync('gunzip', ['-c', gzPath]);

    const [first, line, ...signature] = framed.toString('utf8').split('\n');
    expect(first).toBe('vigil-bundle 1');
    expect(line).toBe(payload.toString('utf8'));
    const payloadPath = path.join(dir, `payload-${String(armored)}`);
    writeFileSync(payloadPath, payload);
    writeFileSync(`${payloadPath}.minisig`, signature.join('\n'));
    const pubPath = path.join(dir, 'colleague.pub');
    writeFileSync(pubPath, minisignPublicKeyFile(colleague.signing));
    const verified = execFileSync('minisign', ['-Vm', payloadPath, '-p', pubPath], {
      encoding: 'utf8',
    });
    expect(verified).toContain(`Trusted comment: ${bundleTrustedComment(payload)}`);

    const opened = await openBundle(file, [me.ageIdentity]);
    expect(Buffer.from(opened.payload).equals(payload)).toBe(true);
    expect(opened.signerKeyId).toBe(colleague.signing.keyId);
    expect(verifyBundleSignature(colleague.signing, opened)).toBe(true);
    expect(verifyBundleSignature(stranger.signing, opened)).toBe(false);
  });

  it('a file the age tool encrypted to our recipient opens with ageDecrypt', async () => {
    const plainPath = path.join(dir, 'plain.txt');
    writeFileSync(plainPath, 'made by the age tool\n');
    for (const flags of [[], ['-a']]) {
      const out = path.join(dir, `by-age${flags.join('')}.age`);
      execFileSync('age', [...flags, '-r', me.ageRecipient, '-o', out, plainPath]);
      const plain = await ageDecrypt(readFileSync(out), [stranger.ageIdentity, me.ageIdentity]);
      expect(Buffer.from(plain).toString()).toBe('made by the age tool\n');
    }
  });
});

describe('the age test vectors (cctv-age) through ageDecrypt', () => {
  interface Vector {
    name: string;
    expect: string;
    payload: string | undefined;
    identities: string[];
    file: Uint8Array;
  }

  function parse(name: string, bytes: Uint8Array): Vector | 'skip' {
    const buf = Buffer.from(bytes);
    const split = buf.indexOf('\n\n');
    const fields = new Map<string, string[]>();
    for (const line of buf.subarray(0, split).toString('utf8').split('\n')) {
      const at = line.indexOf(': ');
      const key = line.slice(0, at);
      fields.set(key, [...(fields.get(key) ?? []), line.slice(at + 2)]);
    }
    const identities = fields.get('identity') ?? [];
    // Vigil encrypts to X25519 recipients only: passphrase and hybrid vectors do not apply.
    if (fields.has('passphrase') || identities.some((i) => !i.startsWith('AGE-SECRET-KEY-1'))) {
      return 'skip';
    }
    const body = buf.subarray(split + 2);
    return {
      name,
      expect: fields.get('expect')?.[0] ?? '',
      payload: fields.get('payload')?.[0],
      identities,
      file: fields.get('compressed')?.[0] === 'zlib' ? inflateSync(body) : body,
    };
  }

  const all = Object.entries(vectors as Record<string, Uint8Array>).map(([n, b]) => parse(n, b));
  const ran = all.filter((v): v is Vector => v !== 'skip');
  const skipped = all.length - ran.length;

  it(`runs ${String(ran.length)} X25519 vectors (skips ${String(skipped)} passphrase and hybrid ones)`, async () => {
    expect(ran.length).toBeGreaterThanOrEqual(90);
    expect(ran.filter((v) => v.expect === 'success').length).toBeGreaterThanOrEqual(15);
    const wrong: string[] = [];
    for (const vector of ran) {
      let outcome: string;
      try {
        const plain = await ageDecrypt(vector.file, vector.identities);
        const digest = createHash('sha256').update(plain).digest('hex');
        outcome = digest === vector.payload ? 'success' : 'wrong payload';
      } catch (error) {
        outcome = codeOf(error);
      }
      const wanted =
        vector.expect === 'success'
          ? 'success'
          : vector.expect === 'no match'
            ? 'BUNDLE_NOT_FOR_YOU'
            : 'BUNDLE_DAMAGED';
      if (outcome !== wanted) wrong.push(`${vector.name}: ${vector.expect} -> ${outcome}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('a damaged or truncated bundle', () => {
  const allowed: (ErrorCode | 'opened')[] = ['BUNDLE_DAMAGED', 'BUNDLE_NOT_FOR_YOU'];

  /** Where each part of a binary age file begins: header lines, nonce, payload, last byte. */
  function regions(file: Buffer): [from: number, to: number][] {
    const versionEnd = file.indexOf('\n') + 1;
    const macStart = file.indexOf('\n---') + 1;
    const headerEnd = file.indexOf('\n', macStart) + 1;
    return [
      [0, versionEnd],
      [versionEnd, macStart],
      [macStart, headerEnd],
      [headerEnd, headerEnd + 16],
      [headerEnd + 16, file.length - 1],
      [file.length - 1, file.length],
    ];
  }

  it('1,000 single-byte changes: never a changed payload, only the bundle error codes', async () => {
    const payload = payloadOf(8000, 2);
    const file = Buffer.from(
      await sealBundle({
        payload,
        signer: colleague.signing,
        recipients: [me.ageRecipient, stranger.ageRecipient],
        armor: false,
      }),
    );
    expect(file.length).toBeGreaterThan(3000);
    const parts = regions(file);
    const random = seeded(11);
    const seen = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const [from, to] = parts[i % parts.length] ?? [0, 1];
      const at = from + Math.floor(random() * (to - from));
      const changed = Buffer.from(file);
      changed[at] = (file[at] ?? 0) ^ (1 + Math.floor(random() * 255));
      const outcome = await openCode(changed, [me.ageIdentity]);
      expect(allowed, `byte ${String(at)}`).toContain(outcome);
      seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
    }
    // Both were met: a stanza for us made unreadable (age cannot tell it from one for someone
    // else), and damage age detects.
    expect(seen.get('BUNDLE_NOT_FOR_YOU')).toBeGreaterThan(0);
    expect(seen.get('BUNDLE_DAMAGED')).toBeGreaterThan(900);
  });

  it('300 single-byte changes of the plaintext, encrypted anew: the signature refuses them', async () => {
    // Anyone can encrypt to a public recipient: inside age, only the signature protects.
    const payload = payloadOf(500, 5);
    const signature = signDetached(colleague.signing, payload, bundleTrustedComment(payload));
    const framed = Buffer.concat([
      Buffer.from('vigil-bundle 1\n'),
      payload,
      Buffer.from(`\n${signature}`),
    ]);
    const random = seeded(13);
    const encrypter = new Encrypter();
    encrypter.addRecipient(me.ageRecipient);
    let opened = 0;
    for (let i = 0; i < 300; i++) {
      const at = Math.floor(random() * framed.length);
      const changed = Buffer.from(framed);
      changed[at] = (framed[at] ?? 0) ^ (1 + Math.floor(random() * 255));
      const file = await encrypter.encrypt(gzipSync(changed));
      try {
        const bundle = await openBundle(file, [me.ageIdentity]);
        opened++;
        // The untrusted comment line is not signed, in minisign as here: only it may change.
        if (verifyBundleSignature(colleague.signing, bundle)) {
          expect(Buffer.from(bundle.payload).equals(payload), `byte ${String(at)}`).toBe(true);
          expect(at).toBeGreaterThan(payload.length + 15);
          expect(at).toBeLessThan(payload.length + 16 + signature.indexOf('\n'));
        }
      } catch (error) {
        expect(['BUNDLE_DAMAGED', 'BUNDLE_TOO_NEW'], `byte ${String(at)}`).toContain(codeOf(error));
      }
    }
    expect(opened).toBeGreaterThan(150);
  });

  it('200 truncations and an armoured bundle cut short are damaged', async () => {
    const file = Buffer.from(
      await sealBundle({
        payload: payloadOf(3000, 3),
        signer: colleague.signing,
        recipients: [me.ageRecipient],
        armor: false,
      }),
    );
    const random = seeded(12);
    for (let i = 0; i < 200; i++) {
      const length = Math.floor(random() * file.length);
      expect(await openCode(file.subarray(0, length), [me.ageIdentity])).toBe('BUNDLE_DAMAGED');
    }
    const armored = Buffer.from(
      await sealBundle({
        payload: payloadOf(3000, 4),
        signer: colleague.signing,
        recipients: [me.ageRecipient],
        armor: true,
      }),
    );
    const cut = Buffer.concat([
      armored.subarray(0, 200),
      Buffer.from('\n-----END AGE ENCRYPTED FILE-----\n'),
    ]);
    expect(await openCode(cut, [me.ageIdentity])).toBe('BUNDLE_DAMAGED');
    expect(await openCode(Buffer.from(`  \r\n${armored.toString()}`), [me.ageIdentity])).toBe(
      'opened',
    );
  });

  it('what is not a bundle is damaged', async () => {
    const encryptToMe = async (plain: Uint8Array) => {
      const encrypter = new Encrypter();
      encrypter.addRecipient(me.ageRecipient);
      return encrypter.encrypt(plain);
    };
    const payload = Buffer.from('{"a":1}');
    const signature = signDetached(colleague.signing, payload, bundleTrustedComment(payload));
    const cases = [
      Buffer.alloc(0),
      Buffer.from('not an age file at all'),
      await encryptToMe(Buffer.from('vigil-bundle 1\n{}\nno signature')),
      await encryptToMe(gzipSync(Buffer.from('vigil-bundle 1\n{}\nno signature'))),
      await encryptToMe(gzipSync(Buffer.from(`vigil-bundle 01\n{"a":1}\n${signature}`))),
      await encryptToMe(gzipSync(Buffer.from(`vigil-bundle 1\n{"a":1}${signature}`))),
      await encryptToMe(gzipSync(Buffer.from(`bundle 1\n{"a":1}\n${signature}`))),
    ];
    for (const file of cases) expect(await openCode(file, [me.ageIdentity])).toBe('BUNDLE_DAMAGED');
    const good = await encryptToMe(gzipSync(Buffer.from(`vigil-bundle 1\n{"a":1}\n${signature}`)));
    expect(await openCode(good, [me.ageIdentity])).toBe('opened');
  });
});

describe('who may open a bundle, and which version', () => {
  it('a bundle for others is BUNDLE_NOT_FOR_YOU', async () => {
    const file = await sealBundle({
      payload: Buffer.from('{}'),
      signer: colleague.signing,
      recipients: [colleague.ageRecipient, stranger.ageRecipient],
      armor: true,
    });
    expect(await openCode(file, [me.ageIdentity])).toBe('BUNDLE_NOT_FOR_YOU');
    expect(await openCode(file, [])).toBe('BUNDLE_NOT_FOR_YOU');
  });

  it('framing of a later version is BUNDLE_TOO_NEW', async () => {
    const encrypter = new Encrypter();
    encrypter.addRecipient(me.ageRecipient);
    const later = await encrypter.encrypt(gzipSync(Buffer.from('vigil-bundle 2\nanything\n')));
    expect(await openCode(later, [me.ageIdentity])).toBe('BUNDLE_TOO_NEW');
  });

  it('a signature made for something else is not a bundle signature', async () => {
    const payload = Buffer.from('{"a":1}');
    const encrypter = new Encrypter();
    encrypter.addRecipient(me.ageRecipient);
    const signature = signDetached(colleague.signing, payload, 'some other purpose');
    const file = await encrypter.encrypt(
      gzipSync(Buffer.from(`vigil-bundle 1\n{"a":1}\n${signature}`)),
    );
    const opened = await openBundle(file, [me.ageIdentity]);
    expect(verifyDetached(colleague.signing, opened.payload, opened.signatureText)).not.toBeNull();
    expect(verifyBundleSignature(colleague.signing, opened)).toBe(false);
  });

  it('refuses to seal a payload of more than one line', async () => {
    await expect(
      sealBundle({
        payload: Buffer.from('{}\n{}'),
        signer: colleague.signing,
        recipients: [me.ageRecipient],
        armor: false,
      }),
    ).rejects.toThrow();
  });
});
