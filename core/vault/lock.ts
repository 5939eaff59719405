import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../api/errors';
import { classifyFsError, writeFailure } from './fsErrors';
import { LOCK_FILE } from './layout';

/**
 * An exclusive claim on a vault folder while it is open for writing. Two writers would append
 * records at the same offsets with the same sequence numbers, and one of them would lose an
 * acknowledged commit. Node has no portable advisory lock, so the claim is a file created with
 * O_EXCL that names its holder: the process, the boot it runs in, and an owner token.
 *
 * A claim is stale, and taken over, only when its holder is gone: another boot, a process id
 * that no longer runs on this host, or, in this very process, the same owner. The core runs in
 * worker threads, and terminating a worker (which is how a host locks the vault) skips every
 * cleanup; a host gives all its workers one owner token and runs one of them at a time, so a
 * claim of its own token in its own process was left by a worker that has ended. Any other
 * claim of this process (another host, another Vault opened directly) stands.
 */
interface Claim {
  pid: number;
  host: string;
  boot: number;
  owner: string;
}

/** Boots are told apart by their start time; a minute of slack absorbs clock adjustments. */
const BOOT_SLACK_MS = 60_000;

const bootTime = () => Date.now() - os.uptime() * 1000;

export const newLockOwner = () => randomBytes(12).toString('hex');

export class VaultLock {
  private constructor(
    private readonly file: string,
    readonly owner: string,
  ) {}

  static async acquire(folder: string, owner: string): Promise<VaultLock> {
    const file = path.join(folder, LOCK_FILE);
    const claim: Claim = { pid: process.pid, host: os.hostname(), boot: bootTime(), owner };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await fs.writeFile(file, JSON.stringify(claim), { flag: 'wx', mode: 0o600 });
        return new VaultLock(file, owner);
      } catch (err) {
        if (classifyFsError(err) !== 'EEXIST')
          throw writeFailure(err, 'Cannot claim the vault folder');
      }
      const held = await readClaim(file);
      if (held && isLive(held, owner))
        throw new ApiError('VAULT_IN_USE', 'Another process holds the vault');
      await fs.rm(file, { force: true });
    }
    throw new ApiError('VAULT_IN_USE', 'The vault lock keeps reappearing');
  }

  /** Removes the claim if it is still this one's; anyone else's is left alone. */
  async release(): Promise<void> {
    const held = await readClaim(this.file);
    if (held?.owner === this.owner) await fs.rm(this.file, { force: true });
  }
}

async function readClaim(file: string): Promise<Claim | null> {
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<Claim>;
    const valid =
      typeof parsed.pid === 'number' &&
      typeof parsed.host === 'string' &&
      typeof parsed.boot === 'number' &&
      typeof parsed.owner === 'string';
    return valid ? (parsed as Claim) : null;
  } catch {
    // Unreadable or half-written (a crash while claiming): nobody can be relying on it.
    return null;
  }
}

function isLive(claim: Claim, owner: string): boolean {
  // Another computer's claim cannot be checked. A vault on a stick moved from a computer that
  // crashed is far likelier here than one folder shared by two running computers, so it lapses.
  if (claim.host !== os.hostname()) return false;
  if (Math.abs(claim.boot - bootTime()) > BOOT_SLACK_MS) return false;
  if (claim.pid === process.pid) return claim.owner !== owner;
  try {
    process.kill(claim.pid, 0);
    return true;
  } catch (err) {
    return classifyFsError(err) === 'EPERM';
  }
}
