/**
 * Snapshots sealed in segments (version 2): a database of several segments reads back exactly,
 * any segment moved, cut or altered is damage, and a vault whose snapshot is still version 1
 * opens and is moved to version 2 by its next compaction, which a failure leaves untouched.
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Vault } from '../../core/vault/vault';
import { snapshotFile } from '../../core/vault/layout';
import { setFsStepHook } from '../../core/vault/fsSteps';
import { readSnapshot, SEGMENT_BYTES, snapshotPieces } from '../../core/vault/snapshot';
import { useTempDirs } from '../helpers/tempDir';
import { folderDigest, newId, personSet, TEST_KDF } from '../helpers/vault';
import { readSnapshot as readIndependently, unlock } from './format-spec-files';

const PASSPHRASE = 'a long test passphrase';
const tempDir = useTempDirs();
const key = randomBytes(32);
const vaultId = randomBytes(16);
/** Two whole segments and a part of a third. */
const image = randomBytes(2 * SEGMENT_BYTES + 12_345);

afterEach(() => setFsStepHook(null));

function read(file: Buffer) {
  return readSnapshot(key, vaultId, file.length, (offset, length) =>
    Promise.resolve(file.subarray(offset, offset + length)),
  );
}

const written = () => Buffer.concat([...snapshotPieces(key, vaultId, 7n, image)]);
/** Where segment i starts in the file (every segment before the last is full). */
const segmentAt = (i: number) => 46 + i * (SEGMENT_BYTES + 28);

function seal(plain: Uint8Array, aad: Uint8Array): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce).setAAD(aad);
  return Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

describe('a snapshot in segments', () => {
  it('reads back the image it was written from, generation included', async () => {
    const file = written();
    expect(file.length).toBe(46 + image.length + 3 * 28);
    const back = await read(file);
    expect(back.generation).toBe(7n);
    expect(Buffer.from(back.database).equals(image)).toBe(true);
  });

  it('takes two segments swapped, a segment cut off, a changed length or a flipped bit for damage', async () => {
    const swapped = written();
    const first = Buffer.from(swapped.subarray(segmentAt(0), segmentAt(1)));
    swapped.copy(swapped, segmentAt(0), segmentAt(1), segmentAt(2));
    first.copy(swapped, segmentAt(1));
    const cut = written().subarray(0, segmentAt(2));
    const longer = written();
    longer.writeBigUInt64BE(BigInt(image.length - 1), 38);
    const flipped = written();
    flipped[segmentAt(1) + 500]! ^= 1;
    for (const file of [swapped, cut, longer, flipped])
      await expect(read(file)).rejects.toMatchObject({ code: 'VAULT_CORRUPT' });
  });

  it('asks for a newer version only when a newer snapshot authenticates', async () => {
    const head = Buffer.from(written().subarray(0, 46));
    head.writeUInt16BE(3, 8);
    const pieces: Buffer[] = [head];
    for (let i = 0; i * SEGMENT_BYTES < image.length; i++) {
      const index = Buffer.alloc(8);
      index.writeBigUInt64BE(BigInt(i));
      const plain = image.subarray(i * SEGMENT_BYTES, (i + 1) * SEGMENT_BYTES);
      pieces.push(seal(plain, Buffer.concat([head, index])));
    }
    await expect(read(Buffer.concat(pieces))).rejects.toMatchObject({
      code: 'UNSUPPORTED_VERSION',
    });
    const flippedOnly = written();
    flippedOnly.writeUInt16BE(3, 8);
    await expect(read(flippedOnly)).rejects.toMatchObject({ code: 'VAULT_CORRUPT' });
  });
});

/** Rewrites generation 1's snapshot in the version-1 layout earlier versions wrote. */
async function toVersionOne(folder: string): Promise<void> {
  const opened = await unlock({ passphrase: PASSPHRASE }, folder);
  const database = readIndependently(opened, 1);
  const file = path.join(folder, snapshotFile(1n));
  const prefix = Buffer.from(readFileSync(file).subarray(0, 34));
  prefix.writeUInt16BE(1, 8);
  const snapshotKey = opened.keys.snapshot!;
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', snapshotKey, nonce).setAAD(prefix);
  const sealed = [cipher.update(database), cipher.final(), cipher.getAuthTag()];
  writeFileSync(file, Buffer.concat([prefix, nonce, ...sealed]));
}

describe('a vault whose snapshot is version 1', () => {
  it('opens, and writes version 2 beside the version-1 generation straight after', async () => {
    const folder = path.join(tempDir(), 'vault');
    const { vault } = await Vault.create(folder, PASSPHRASE, TEST_KDF);
    await vault.commit(personSet(newId(), { name: 'Алеся Invented' }));
    await vault.close();
    await toVersionOne(folder);
    expect(readFileSync(path.join(folder, snapshotFile(1n))).readUInt16BE(8)).toBe(1);

    // Closing waits for the compaction the open started.
    await (await Vault.open(folder, { passphrase: PASSPHRASE })).close();
    expect(readFileSync(path.join(folder, snapshotFile(2n))).readUInt16BE(8)).toBe(2);
    expect(readFileSync(path.join(folder, snapshotFile(1n))).readUInt16BE(8)).toBe(1);
    const again = await Vault.open(folder, { passphrase: PASSPHRASE });
    expect(again.db.exec('SELECT name FROM persons')[0]!.values).toEqual([['Алеся Invented']]);
    await again.close();
  });

  it('keeps the version-1 files byte for byte when writing the new snapshot fails', async () => {
    const folder = path.join(tempDir(), 'vault');
    const { vault } = await Vault.create(folder, PASSPHRASE, TEST_KDF);
    await vault.commit(personSet(newId(), { name: 'Алеся Invented' }));
    await vault.close();
    await toVersionOne(folder);
    const snapshotOne = () => folderDigest(folder, (name) => name === snapshotFile(1n));
    const before = snapshotOne();

    setFsStepHook((step, file) => {
      if (step === 'write' && file.endsWith('.tmp') && file.includes('.vgs'))
        throw new Error('injected: disk full while writing a new snapshot');
    });
    const opened = await Vault.open(folder, { passphrase: PASSPHRASE });
    await expect(opened.compact()).rejects.toThrow();
    await opened.close();
    setFsStepHook(null);
    expect(readFileSync(path.join(folder, snapshotFile(1n))).readUInt16BE(8)).toBe(1);
    expect(snapshotOne()).toBe(before);
    const again = await Vault.open(folder, { passphrase: PASSPHRASE });
    expect(again.db.exec('SELECT name FROM persons')[0]!.values).toEqual([['Алеся Invented']]);
    await again.close();
  });
});
