import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { Vault } from '../../core/vault/vault';
import { CHILD_KDF, COUNTER_ID, PASSPHRASES, type ChildMessage } from './protocol';

export interface CrashReport {
  kills: number;
  acknowledged: number;
  lost: number;
  unopenable: number;
  /** Kills that landed while a compaction or a passphrase change was announced and running. */
  duringCompaction: number;
  duringPassphraseChange: number;
}

type Target = 'random' | 'compacting' | 'changing-passphrase';

/** Bundles the child once, so each of hundreds of runs starts as plain node in milliseconds. */
function bundleChild(dir: string): string {
  const outfile = path.join(dir, 'crash-child.js');
  buildSync({
    entryPoints: [path.join(__dirname, 'crashChild.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['sql.js', 'libsodium-wrappers-sumo'],
    logLevel: 'error',
    nodePaths: [path.resolve(__dirname, '../../node_modules')],
  });
  return outfile;
}

interface RunResult {
  acks: Map<string, number>;
  target: Target;
  hit: boolean;
}

function runAndKill(
  child: string,
  folder: string,
  counter: number,
  target: Target,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, folder, String(counter)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_PATH: path.resolve(__dirname, '../../node_modules') },
    });
    const acks = new Map<string, number>();
    let buffered = '';
    let hit = false;
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      proc.kill('SIGKILL');
    };
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const message = JSON.parse(line) as ChildMessage;
        if (message.kind === 'ack') acks.set(message.id, message.n);
        else if (message.kind === 'ready' && target === 'random')
          setTimeout(kill, Math.random() * 120);
        else if (message.kind === target) {
          hit = true;
          // Somewhere inside the operation: it takes from under a millisecond to a few.
          setTimeout(kill, Math.random() * 4);
        } else if (message.kind === 'error') reject(new Error(`child failed: ${message.code}`));
      }
    });
    // A target that never comes still gets a kill, at a random moment.
    setTimeout(kill, 400 + Math.random() * 200);
    proc.on('exit', () => {
      if (!killed) reject(new Error(`child exited by itself: ${stderr.slice(0, 300)}`));
      else resolve({ acks, target, hit });
    });
  });
}

async function openAny(folder: string): Promise<Vault | null> {
  for (const passphrase of PASSPHRASES) {
    try {
      return await Vault.open(folder, { passphrase });
    } catch (err) {
      if ((err as { code?: string }).code !== 'WRONG_PASSPHRASE') return null;
    }
  }
  return null;
}

/**
 * Kills a committing process with SIGKILL `iterations` times, at random moments and inside
 * compactions and passphrase changes, and checks after each kill that the vault opens and holds
 * every change the process had acknowledged.
 */
export async function crashTest(
  iterations: number,
  onProgress?: (done: number) => void,
): Promise<CrashReport> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'vigil-crash-'));
  try {
    const child = bundleChild(work);
    const folder = path.join(work, 'vault');
    const { vault } = await Vault.create(folder, PASSPHRASES[0]!, CHILD_KDF);
    await vault.close();
    const report: CrashReport = {
      kills: 0,
      acknowledged: 0,
      lost: 0,
      unopenable: 0,
      duringCompaction: 0,
      duringPassphraseChange: 0,
    };
    const acknowledged = new Map<string, number>();
    let counter = 0;
    const targets: Target[] = ['random', 'compacting', 'changing-passphrase'];
    for (let i = 0; i < iterations; i++) {
      const run = await runAndKill(child, folder, counter, targets[i % targets.length]!);
      report.kills++;
      if (run.hit && run.target === 'compacting') report.duringCompaction++;
      if (run.hit && run.target === 'changing-passphrase') report.duringPassphraseChange++;
      for (const [id, n] of run.acks) {
        acknowledged.set(id, n);
        counter = Math.max(counter, n);
      }
      const reopened = await openAny(folder);
      if (!reopened) {
        report.unopenable++;
        break;
      }
      report.lost += countLost(reopened, acknowledged);
      // Sequence numbers of commits that were in flight may have landed: continue above them.
      counter += 10;
      await reopened.close();
      onProgress?.(i + 1);
    }
    report.acknowledged = acknowledged.size;
    return report;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function countLost(vault: Vault, acknowledged: Map<string, number>): number {
  const stored = new Map<string, string>();
  for (const row of vault.db.exec('SELECT id, name FROM persons')[0]?.values ?? []) {
    stored.set(String(row[0]), String(row[1]));
  }
  let lost = 0;
  for (const [id, n] of acknowledged) if (stored.get(id) !== `p${n}`) lost++;
  // The counter holds the newest committed sequence number: never below the newest acknowledged.
  const counterValue = Number(
    vault.db.exec('SELECT notes FROM persons WHERE id = ?', [COUNTER_ID])[0]?.values[0]?.[0],
  );
  if (acknowledged.size > 0 && !(counterValue >= Math.max(...acknowledged.values()))) lost++;
  return lost;
}

export function formatReport(report: CrashReport): string {
  return `crash: ${report.kills} kills, ${report.lost} acknowledged changes lost, ${report.unopenable} vaults unopenable`;
}
