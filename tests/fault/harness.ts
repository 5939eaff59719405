import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { Vault } from '../../core/vault/vault';
import {
  CHILD_KDF,
  COUNTER_ID,
  NO_COMPACTION,
  OPERATIONS,
  PASSPHRASES,
  type ChildMessage,
  type ChildMode,
  type Operation,
} from './protocol';
import { Committer, deriveSeed, seededRandom } from './workload';

export interface OperationReport {
  operation: Operation;
  /** Every file-system step of the operation, in order, from the run that finished it. */
  steps: string[];
  /** Runs killed inside the operation, one per step n = 1, 2, ... */
  hits: number;
  /** Kills that landed on another step than the n-th of the finished run: not deterministic. */
  misplaced: string[];
}

export interface CrashReport {
  seed: number;
  kills: number;
  acknowledged: number;
  lost: number;
  unopenable: number;
  operations: OperationReport[];
  /** Kills at a seeded step of an endless stream of ordinary commits. */
  streamKills: number;
}

/** CRASH_SEED replays a run; otherwise a fresh seed, printed with the report. */
export function crashSeed(): number {
  const fromEnv = process.env['CRASH_SEED'];
  return fromEnv ? Number(fromEnv) >>> 0 : Math.floor(Math.random() * 2 ** 32);
}

/** Bundles the child once, so each of many runs starts as plain node in milliseconds. */
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
  /** Where the hook killed the child; null when the operation finished. */
  crash: { n: number; label: string } | null;
  steps: string[] | null;
}

/** Runs the child until it kills itself at step n or finishes; no timers involved. */
function runChild(
  child: string,
  folder: string,
  mode: ChildMode,
  seed: number,
  n: number,
  counter: number,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const args = [child, folder, mode, String(seed), String(n), String(counter)];
    const proc = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_PATH: path.resolve(__dirname, '../../node_modules') },
    });
    const result: RunResult = { acks: new Map(), crash: null, steps: null };
    let buffered = '';
    let stderr = '';
    let failure = '';
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const message = JSON.parse(line) as ChildMessage;
        if (message.kind === 'ack') result.acks.set(message.id, message.n);
        else if (message.kind === 'crash') result.crash = message;
        else if (message.kind === 'done') result.steps = message.steps;
        else failure = message.code;
      }
    });
    proc.on('close', (code, signal) => {
      if (signal === 'SIGKILL' && result.crash?.n === n) resolve(result);
      else if (code === 0 && result.steps) resolve(result);
      else
        reject(
          new Error(`child ${mode} at step ${n} ended (${code ?? signal}) ${failure} ${stderr}`),
        );
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

/**
 * A vault as it looks after some use: commits, and two compactions, so that a compaction has
 * an older generation to remove.
 */
async function buildBase(
  folder: string,
  seed: number,
): Promise<{ acks: Map<string, number>; counter: number }> {
  const acks = new Map<string, number>();
  const { vault } = await Vault.create(folder, PASSPHRASES[0]!, CHILD_KDF, {
    compaction: NO_COMPACTION,
  });
  const committer = new Committer(vault, seededRandom(seed), 0, (id, n) => acks.set(id, n));
  for (const groups of [4, 4, 2]) {
    for (let i = 0; i < groups; i++) await committer.group();
    if (groups === 4) await vault.compact();
  }
  await vault.close();
  return { acks, counter: Math.max(...acks.values()) };
}

/**
 * Crashes the vault with SIGKILL before every file-system step of each operation in turn (n =
 * 1, 2, ... until the operation finishes), each time on a fresh copy of the same vault, then
 * `streamKills` times at a seeded step of a stream of ordinary commits. After every kill the
 * vault must open, with either passphrase, and hold every change the child acknowledged.
 */
export async function crashTest(options: {
  seed: number;
  streamKills: number;
  onProgress?: (message: string) => void;
}): Promise<CrashReport> {
  const { seed } = options;
  const work = mkdtempSync(path.join(os.tmpdir(), 'vigil-crash-'));
  const report: CrashReport = {
    seed,
    kills: 0,
    acknowledged: 0,
    lost: 0,
    unopenable: 0,
    operations: [],
    streamKills: 0,
  };
  const checked = new Set<string>();
  const check = async (folder: string, acknowledged: Map<string, number>) => {
    for (const id of acknowledged.keys()) checked.add(id);
    const vault = await openAny(folder);
    if (!vault) {
      report.unopenable++;
      return;
    }
    report.lost += countLost(vault, acknowledged);
    await vault.close();
  };
  try {
    const child = bundleChild(work);
    const base = path.join(work, 'base');
    const start = await buildBase(base, deriveSeed(seed, 'base'));

    for (const operation of Object.keys(OPERATIONS) as Operation[]) {
      const result: OperationReport = { operation, steps: [], hits: 0, misplaced: [] };
      const labels: string[] = [];
      for (let n = 1; ; n++) {
        const folder = path.join(work, `${operation}-${n}`);
        cpSync(base, folder, { recursive: true });
        const run = await runChild(
          child,
          folder,
          operation,
          deriveSeed(seed, operation),
          n,
          start.counter,
        );
        await check(folder, new Map([...start.acks, ...run.acks]));
        rmSync(folder, { recursive: true, force: true });
        if (!run.crash) {
          result.steps = run.steps!;
          break;
        }
        report.kills++;
        result.hits++;
        labels.push(run.crash.label);
      }
      result.misplaced = labels.filter((label, i) => label !== result.steps[i]);
      report.operations.push(result);
      options.onProgress?.(`${operation}: ${result.hits} kills`);
    }

    const stream = path.join(work, 'stream');
    cpSync(base, stream, { recursive: true });
    const acknowledged = new Map(start.acks);
    let counter = start.counter;
    for (let i = 0; i < options.streamKills; i++) {
      const runSeed = deriveSeed(seed, `stream ${i}`);
      const n = 1 + Math.floor(seededRandom(runSeed)() * 150);
      const run = await runChild(child, stream, 'stream', runSeed, n, counter);
      report.kills++;
      report.streamKills++;
      for (const [id, value] of run.acks) {
        acknowledged.set(id, value);
        counter = Math.max(counter, value);
      }
      await check(stream, acknowledged);
      // Commits that were in flight may have landed: continue above their sequence numbers.
      counter += 10;
      if ((i + 1) % 50 === 0) options.onProgress?.(`stream: ${i + 1} kills`);
    }
    report.acknowledged = checked.size;
    return report;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** What went wrong, in sentences; empty when the vault survived every kill. */
export function crashProblems(report: CrashReport): string[] {
  const problems: string[] = [];
  if (report.lost > 0) problems.push(`${report.lost} acknowledged changes lost`);
  if (report.unopenable > 0) problems.push(`${report.unopenable} vaults did not open`);
  for (const { operation, steps, hits, misplaced } of report.operations) {
    if (steps.length < OPERATIONS[operation].minSteps)
      problems.push(`${operation} took only ${steps.length} file-system steps`);
    if (hits !== steps.length)
      problems.push(`${operation}: ${hits} kills for ${steps.length} steps`);
    if (misplaced.length > 0)
      problems.push(`${operation}: kills landed elsewhere than planned: ${misplaced.join(', ')}`);
  }
  return problems;
}

export function formatReport(report: CrashReport): string {
  const lines = [
    `crash seed ${report.seed} (replay with CRASH_SEED=${report.seed}): ${report.kills} kills, ` +
      `${report.acknowledged} acknowledged changes checked, ${report.lost} lost, ` +
      `${report.unopenable} vaults unopenable`,
    ...report.operations.map(
      (op) =>
        `  ${op.operation}: ${op.steps.length} steps, ${op.hits} killed: ${op.steps.join(', ')}`,
    ),
    `  stream of commits: ${report.streamKills} kills at seeded steps`,
  ];
  return lines.join('\n');
}
