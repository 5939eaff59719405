import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentityKeys, type SigningKey, type SigningPublicKey } from '../../core/sync/keys';
import {
  decodeMinisignPublicKey,
  minisignPublicKey,
  minisignPublicKeyFile,
  parseMinisignPublicKey,
  signatureKeyId,
  signDetached,
  verifyDetached,
} from '../../core/sync/minisign';

// Signatures checked against the stock minisign (Debian's 0.11), in both directions.

let dir: string;
let key: SigningKey;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-minisign-'));
  key = (await generateIdentityKeys()).signing;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const message = Buffer.from('{"changes":[{"person":"Invented Person"}]}', 'utf8');

function minisignVerify(file: string, signature: string, publicKeyFile: string) {
  writeFileSync(`${file}.minisig`, signature);
  return spawnSync('minisign', ['-Vm', file, '-p', publicKeyFile], { encoding: 'utf8' });
}

/** Every way of changing one character of `text` at `index` to another base64 character. */
function replaced(text: string, index: number): string {
  const old = text[index];
  return text.slice(0, index) + (old === 'A' ? 'B' : 'A') + text.slice(index + 1);
}

describe('our signatures, checked by minisign', () => {
  it('minisign accepts our signature and shows our trusted comment', () => {
    const pubFile = path.join(dir, 'ours.pub');
    writeFileSync(pubFile, minisignPublicKeyFile(key));
    const file = path.join(dir, 'payload');
    writeFileSync(file, message);
    const result = minisignVerify(file, signDetached(key, message, 'vigil test comment'), pubFile);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Trusted comment: vigil test comment');
  });

  it('minisign refuses our signature over a changed message', () => {
    const pubFile = path.join(dir, 'ours.pub');
    writeFileSync(pubFile, minisignPublicKeyFile(key));
    const file = path.join(dir, 'changed');
    const changed = Buffer.from(message);
    changed[5] = (message[5] ?? 0) ^ 1;
    writeFileSync(file, changed);
    const result = minisignVerify(file, signDetached(key, message, 'vigil test comment'), pubFile);
    expect(result.status).not.toBe(0);
  });

  it('the public key line carries our key id and round-trips', () => {
    const line = minisignPublicKey(key);
    expect(line.startsWith('RW')).toBe(true);
    expect(parseMinisignPublicKey(line)).toEqual({ keyId: key.keyId, publicKey: key.publicKey });
    const signature = signDetached(key, message, 'x');
    expect(signatureKeyId(signature)).toBe(key.keyId);
    expect(verifyDetached(key, message, signature)).toEqual({ trustedComment: 'x' });
  });

  it('refuses a trusted comment of more than one line', () => {
    expect(() => signDetached(key, message, 'one\ntwo')).toThrow();
  });
});

describe("minisign's signatures, checked by us", () => {
  let pub: SigningPublicKey;
  let signature: string;

  beforeAll(() => {
    const pubFile = path.join(dir, 'theirs.pub');
    const secFile = path.join(dir, 'theirs.sec');
    execFileSync('minisign', ['-G', '-W', '-p', pubFile, '-s', secFile], { stdio: 'ignore' });
    const file = path.join(dir, 'theirs-message');
    writeFileSync(file, message);
    execFileSync('minisign', ['-S', '-s', secFile, '-m', file, '-t', 'signed by minisign'], {
      stdio: 'ignore',
    });
    signature = readFileSync(`${file}.minisig`, 'utf8');
    const line = readFileSync(pubFile, 'utf8').split('\n')[1] ?? '';
    const decoded = decodeMinisignPublicKey(line);
    if (decoded === null) throw new Error('minisign wrote a public key we cannot read');
    pub = decoded;
    // minisign draws its key ids at random; a Vigil contact's key id is derived from its key.
    expect(parseMinisignPublicKey(line)).toBeNull();
  });

  it('accepts the signature and reads its trusted comment', () => {
    expect(signatureKeyId(signature)).toBe(pub.keyId);
    expect(verifyDetached(pub, message, signature)).toEqual({
      trustedComment: 'signed by minisign',
    });
  });

  it('refuses every single-byte change of the message', () => {
    for (let i = 0; i < message.length; i++) {
      const changed = Buffer.from(message);
      changed[i] = (message[i] ?? 0) ^ 0x20;
      expect(verifyDetached(pub, changed, signature), `byte ${i}`).toBeNull();
    }
  });

  it('refuses every change of a signature line or of the trusted comment', () => {
    const lines = signature.split('\n');
    const prefix = 'trusted comment: '.length;
    const ranges: [line: number, from: number][] = [
      [1, 0],
      [2, prefix],
      [3, 0],
    ];
    let tried = 0;
    for (const [line, from] of ranges) {
      const text = lines[line] ?? '';
      for (let i = from; i < text.length; i++) {
        const changed = [...lines];
        changed[line] = replaced(text, i);
        expect(verifyDetached(pub, message, changed.join('\n')), `line ${line}, ${i}`).toBeNull();
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(150);
  });

  it('ignores the untrusted comment, as minisign does', () => {
    const lines = signature.split('\n');
    lines[0] = 'untrusted comment: anything at all';
    expect(verifyDetached(pub, message, lines.join('\n'))).not.toBeNull();
  });

  it('returns null, never throws, for malformed text and for another key', async () => {
    for (const text of ['', 'garbage', signature.replace(/\n$/, ''), `${signature}\n`]) {
      expect(verifyDetached(pub, message, text)).toBeNull();
    }
    const other = (await generateIdentityKeys()).signing;
    expect(verifyDetached(other, message, signature)).toBeNull();
    expect(verifyDetached({ ...pub, publicKey: 'not base64!' }, message, signature)).toBeNull();
  });
});
