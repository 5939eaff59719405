import { writeSync } from 'node:fs';
import path from 'node:path';
import { setFsStepHook, type FsStep } from '../../core/vault/fsSteps';
import { Vault } from '../../core/vault/vault';
import {
  CHILD_KDF,
  NO_COMPACTION,
  PASSPHRASES,
  STREAM_COMPACTION,
  type ChildMessage,
  type ChildMode,
  type Operation,
} from './protocol';
import { Committer, seededRandom } from './workload';

/**
 * The process the crash test kills. Told a mode, a seed and n, it makes a few seeded group
 * commits, then arms the file-system step hook and starts the operation; at the n-th step the
 * hook kills this very process with SIGKILL, so the crash lands exactly before that step. If
 * the operation ends first, it reports all its steps and exits cleanly.
 */
const [folder, mode, seed, n, startCounter] = process.argv.slice(2) as [
  string,
  ChildMode,
  string,
  string,
  string,
];
const killAt = Number(n);
const random = seededRandom(Number(seed));

function say(message: ChildMessage): void {
  writeSync(1, `${JSON.stringify(message)}\n`);
}

interface Context {
  vault: Vault;
  passphrase: string;
  committer: Committer;
}

const operations: Record<Operation, (context: Context) => Promise<void>> = {
  // Until quiet: the commit state is written after the acknowledgement, beside the next flush.
  commit: async ({ vault, committer }) => {
    await committer.group();
    await vault.quiet();
  },
  compaction: ({ vault }) => vault.compact(),
  'passphrase-change': async ({ vault, passphrase }) => {
    await vault.changePassphrase({ passphrase }, otherPassphrase(passphrase), CHILD_KDF);
  },
  'key-rotation': async ({ vault, passphrase }) => {
    await vault.changePassphrase({ passphrase }, otherPassphrase(passphrase), CHILD_KDF, {
      rotate: true,
    });
  },
};

function otherPassphrase(passphrase: string): string {
  return PASSPHRASES.find((p) => p !== passphrase)!;
}

/** A step named by its file within the vault, temp names without their random part. */
function label(step: FsStep, file: string): string {
  const name = path.relative(folder, file).replace(/\.[0-9a-f]{12}\.tmp$/, '.tmp') || '.';
  return `${step} ${name}`;
}

/** Arms the hook; returns the steps seen so far. */
function arm(): string[] {
  const steps: string[] = [];
  setFsStepHook((step, file) => {
    steps.push(label(step, file));
    if (steps.length === killAt) {
      say({ kind: 'crash', n: killAt, label: steps[killAt - 1]! });
      process.kill(process.pid, 'SIGKILL');
    }
  });
  return steps;
}

async function openAny(): Promise<{ vault: Vault; passphrase: string }> {
  const compaction = mode === 'stream' ? STREAM_COMPACTION : NO_COMPACTION;
  for (const passphrase of PASSPHRASES) {
    try {
      return { vault: await Vault.open(folder, { passphrase }, { compaction }), passphrase };
    } catch (err) {
      if ((err as { code?: string }).code !== 'WRONG_PASSPHRASE') throw err;
    }
  }
  throw new Error('no passphrase opens the vault');
}

async function main(): Promise<void> {
  const { vault, passphrase } = await openAny();
  const committer = new Committer(vault, random, Number(startCounter), (id, count) =>
    say({ kind: 'ack', id, n: count }),
  );
  if (mode === 'stream') {
    arm();
    for (;;) await committer.group();
  }
  const groups = 1 + Math.floor(random() * 3);
  for (let i = 0; i < groups; i++) await committer.group();
  // Every write of the warm-up done, the commit state's too: the operation's steps are its own.
  await vault.quiet();
  const steps = arm();
  await operations[mode]({ vault, passphrase, committer });
  setFsStepHook(null);
  say({ kind: 'done', steps });
  process.exit(0);
}

main().catch((err: unknown) => {
  say({ kind: 'error', code: (err as { code?: string }).code ?? String(err) });
  process.exit(1);
});
