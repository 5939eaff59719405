import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fsStep } from './fsSteps';

/**
 * Replaces `target` so that a crash at any moment leaves either the old or the new content,
 * never a mix: a private temp file (`wx`, 0600) is written and fsynced, renamed over the
 * target, and the directory is fsynced so the rename itself survives a power cut. `data` may
 * come in pieces, each made only when it is written (a snapshot's sealed segments), so a large
 * file never sits whole in memory and other work runs between the pieces.
 */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array | Iterable<Uint8Array>,
): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  fsStep('open', temp);
  const handle = await fs.open(temp, 'wx', 0o600);
  try {
    fsStep('write', temp);
    for (const piece of data instanceof Uint8Array ? [data] : data) await handle.write(piece);
    fsStep('fsync', temp);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    fsStep('rename', target);
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
  await syncDirectory(dir);
}

export async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    fsStep('fsync', dir);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
