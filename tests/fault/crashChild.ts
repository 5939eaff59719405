import { randomBytes } from 'node:crypto';
import { writeSync } from 'node:fs';
import { HybridClock } from '../../core/changes/hlc';
import type { ChangeSet } from '../../core/changes/changeSet';
import { Vault } from '../../core/vault/vault';
import { CHILD_KDF, COUNTER_ID, PASSPHRASES, type ChildMessage } from './protocol';

/**
 * The process the crash test kills. It commits change sets as fast as it can, a few at a time
 * so that commits are grouped, and reports each one only after its commit resolved — the
 * moment the app would tell the user "saved". It also compacts and changes the passphrase, and
 * announces both before starting them so the parent can aim its kill.
 */
const [folder, startCounter] = process.argv.slice(2) as [string, string];
const author = randomBytes(8).toString('hex');

function say(message: ChildMessage): void {
  writeSync(1, `${JSON.stringify(message)}\n`);
}

async function openAny(): Promise<{ vault: Vault; passphrase: string }> {
  for (const passphrase of PASSPHRASES) {
    try {
      return {
        vault: await Vault.open(
          folder,
          { passphrase },
          { compaction: { maxRecords: 40, maxBytes: 1 << 30 } },
        ),
        passphrase,
      };
    } catch (err) {
      if ((err as { code?: string }).code !== 'WRONG_PASSPHRASE') throw err;
    }
  }
  throw new Error('no passphrase opens the vault');
}

async function main(): Promise<void> {
  const opened = await openAny();
  const vault = opened.vault;
  let passphrase = opened.passphrase;
  let counter = Number(startCounter);
  const clock = new HybridClock(author);
  const latest = vault.latestHlc();
  if (latest) clock.observe(latest);
  say({ kind: 'ready' });
  const commitOne = async () => {
    counter++;
    const n = counter;
    const id = randomBytes(16).toString('hex');
    const set: ChangeSet = {
      v: 1,
      hlc: clock.tick(),
      author,
      cells: [
        { entity: 'person', id, field: 'name', value: `p${n}` },
        { entity: 'person', id: COUNTER_ID, field: 'notes', value: String(n) },
      ],
    };
    await vault.commit(set);
    say({ kind: 'ack', id, n });
  };
  for (;;) {
    await Promise.all([commitOne(), commitOne(), commitOne()]);
    const roll = Math.random();
    if (roll < 0.05) {
      say({ kind: 'compacting' });
      await vault.compact();
    } else if (roll < 0.08) {
      const next = PASSPHRASES.find((p) => p !== passphrase)!;
      say({ kind: 'changing-passphrase' });
      await vault.changePassphrase({ passphrase }, next, CHILD_KDF);
      passphrase = next;
    }
  }
}

main().catch((err: unknown) => {
  say({ kind: 'error', code: (err as { code?: string }).code ?? 'unknown' });
  process.exit(1);
});
