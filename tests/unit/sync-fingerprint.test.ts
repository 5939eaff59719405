import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactCard } from '../../core/sync/contactFile';
import { qrMatrix, safetyNumber, safetyNumberDigits } from '../../core/sync/fingerprint';
import { generateIdentityKeys, keyIdOf } from '../../core/sync/keys';
import { minisignPublicKey } from '../../core/sync/minisign';

let dir: string;
let alice: ContactCard;
let bob: ContactCard;
let spare: ContactCard;

async function newCard(name: string, installId: string): Promise<ContactCard> {
  const keys = await generateIdentityKeys();
  const { keyId, publicKey } = keys.signing;
  return { name, installId, ageRecipient: keys.ageRecipient, signing: { keyId, publicKey } };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-fingerprint-'));
  alice = await newCard('Invented Alice', '00112233445566aa');
  bob = await newCard('Invented Bob', '00112233445566bb');
  spare = await newCard('Invented Spare', '00112233445566cc');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A binary PGM of the code, 8 pixels a module, with the 4-module quiet zone around it. */
function pgm(matrix: { size: number; modules: boolean[] }): Buffer {
  const scale = 8;
  const quiet = 4;
  const side = (matrix.size + 2 * quiet) * scale;
  const pixels = Buffer.alloc(side * side, 255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / scale) - quiet;
      const col = Math.floor(x / scale) - quiet;
      const inside = row >= 0 && col >= 0 && row < matrix.size && col < matrix.size;
      if (inside && matrix.modules[row * matrix.size + col] === true) pixels[y * side + x] = 0;
    }
  }
  return Buffer.concat([Buffer.from(`P5\n${String(side)} ${String(side)}\n255\n`), pixels]);
}

describe('the safety number', () => {
  it('matches the worked example of docs/sync-format.md', () => {
    // Computed independently with Python's hashlib when the format was written.
    const fixed = (n: 1 | 2, ageRecipient: string): ContactCard => {
      const pk = Buffer.alloc(32, 0x10 + n);
      return {
        name: 'Example',
        installId: `000000000000000${String(n)}`,
        ageRecipient,
        signing: { keyId: keyIdOf(pk), publicKey: pk.toString('base64') },
      };
    };
    const a = fixed(1, 'age15nsf9y4k28p83wth93tf7hafhvfajp45d2mge80ems45gz0c5gys3me64l');
    const b = fixed(2, 'age1e6xn45wvkce7c7msc9upffw8dmxs9959q5xng369hgzcwrjc04vszex59m');
    expect(a.signing.keyId).toBe('02d449a31fbb267c');
    expect(minisignPublicKey(a.signing)).toBe(
      'RWQC1EmjH7smfBERERERERERERERERERERERERERERERERERERERERER',
    );
    expect(safetyNumber(a, b)).toBe(
      '28595 80813 63863 79292 53644 34116 46386 35410 42375 70327 90931 26817',
    );
  });

  it('is 60 digits in 12 groups of 5, the same on both sides', () => {
    const number = safetyNumber(alice, bob);
    expect(number).toMatch(/^\d{5}( \d{5}){11}$/);
    expect(safetyNumber(bob, alice)).toBe(number);
  });

  it('changes when any key of either party changes, and not with the display name', () => {
    const number = safetyNumber(alice, bob);
    const changes: ContactCard[] = [
      { ...bob, installId: spare.installId },
      { ...bob, ageRecipient: spare.ageRecipient },
      { ...bob, signing: spare.signing },
    ];
    for (const changed of changes) {
      expect(safetyNumber(alice, changed)).not.toBe(number);
      expect(safetyNumber(changed, alice)).not.toBe(number);
    }
    expect(safetyNumber({ ...alice, name: 'Another Name' }, bob)).toBe(number);
    // Each half belongs to one party: the spare's pairing with Alice shares her half only.
    const halves = (n: string) => {
      const digits = safetyNumberDigits(n);
      return [digits.slice(0, 30), digits.slice(30)];
    };
    const shared = halves(number).filter((h) => halves(safetyNumber(alice, spare)).includes(h));
    expect(shared).toHaveLength(1);
  });

  it('its QR code decodes, with zbarimg, to the 60 digits', () => {
    const digits = safetyNumberDigits(safetyNumber(alice, bob));
    expect(digits).toMatch(/^\d{60}$/);
    const matrix = qrMatrix(digits);
    expect(matrix.modules).toHaveLength(matrix.size * matrix.size);
    const file = path.join(dir, 'qr.pgm');
    writeFileSync(file, pgm(matrix));
    const decoded = execFileSync('zbarimg', ['--raw', '-q', file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(decoded.trim()).toBe(digits);
  });
});
