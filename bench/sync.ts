import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Encrypter } from 'age-encryption';
import type { Cell } from '../core/changes/changeSet';
import { demoCases, demoSharedRecords } from '../core/demo/cases';
import { recordCells } from '../core/demo/load';
import { createHandlers, type Handlers } from '../core/service/handlers';
import { call } from './call';
import { CoreSession } from '../core/service/session';
import { ageDecrypt } from '../core/sync/bundleFile';
import { requireIdentity } from '../core/sync/identity';
import { progress, type Benchmark, type Emit, type RunContext } from './benchmark';
import { round, timed, timeMs } from './stats';
import { BENCH_KDF, BENCH_PASSPHRASE } from './synthetic';

/**
 * `npm run bench -- sync`: one bundle carrying `size` change sets from one vault to a verified
 * colleague's empty vault, every call through `dispatch` as the core worker runs it.
 *
 * The sets are the demo register's records, one set per record as data entry makes them (a
 * person, a custody event, a proceeding, a source: about 5 to 15 cells each), committed at the
 * sender through the session's write path. Reported, each beside a baseline timed in the same
 * process so the ratio says where the time goes:
 * - `sync.preview`: previewSend; `sync.export`: sendBundle, the file written (target: under
 *   2 s at 100k), beside gzip plus age encryption of the same plaintext alone;
 * - `sync.import`: receiveBundle into the empty vault (target: under 10 s at 100k), beside
 *   committing the same sets through the local write path (the sender's seeding);
 * - `sync.open`: reading the file and age-decrypting it alone, the floor of any import;
 * - `bytes_per_change` (file bytes / sets) and the peak resident memory of the process.
 */

/** Local commits in flight at once while seeding: the vault groups them into one append. */
const SEED_WINDOW = 500;

interface Peer {
  session: CoreSession;
  handlers: Handlers;
}

async function startPeer(root: string, name: string): Promise<Peer> {
  const session = await CoreSession.start({ dataDir: path.join(root, name), kdf: BENCH_KDF });
  const handlers = createHandlers(session);
  await call(handlers, 'createVault', {
    folder: path.join(root, name, 'vault'),
    passphrase: BENCH_PASSPHRASE,
  });
  await call(handlers, 'syncIdentity', {});
  return { session, handlers };
}

/** Each peer's verified contact of the other (the digits compared as two people would); returns a's id for b. */
async function introduce(a: Peer, b: Peer): Promise<string> {
  const text = async (p: Peer) =>
    ((await call(p.handlers, 'syncIdentity', {})) as { contactText: string }).contactText;
  const add = async (p: Peer, contactText: string) =>
    ((await call(p.handlers, 'addContact', { text: contactText })) as { id: string }).id;
  const digits = async (p: Peer, id: string) =>
    ((await call(p.handlers, 'contactFingerprint', { id })) as { digits: string }).digits;
  const bAtA = await add(a, await text(b));
  const aAtB = await add(b, await text(a));
  await call(a.handlers, 'verifyContact', { id: bAtA, digits: await digits(b, aAtB) });
  await call(b.handlers, 'verifyContact', { id: aAtB, digits: await digits(a, bAtA) });
  return bAtA;
}

/** The first `count` records of the demo register, each as the cells of one change set. */
function demoSets(count: number): Cell[][] {
  const createdAt = new Date().toISOString();
  const sets: Cell[][] = [];
  const add = (record: Parameters<typeof recordCells>[0]) => {
    if (sets.length < count) sets.push(recordCells(record, createdAt));
  };
  demoSharedRecords(1).forEach(add);
  for (const { person, records } of demoCases(Number.MAX_SAFE_INTEGER, 1)) {
    if (sets.length >= count) break;
    add(person);
    records.forEach(add);
  }
  return sets;
}

/** Commits every set through the session's write path, SEED_WINDOW in flight at a time. */
async function commitAll(session: CoreSession, sets: Cell[][]): Promise<void> {
  for (let at = 0; at < sets.length; at += SEED_WINDOW) {
    const window = sets.slice(at, at + SEED_WINDOW);
    await Promise.all(window.map((cells) => session.commit(cells, { undoable: false })));
    if ((at / SEED_WINDOW) % 40 === 39) progress(`sync: ${at + window.length} sets committed`);
  }
}

/** Wall time and this process's CPU time: on a shared machine the CPU time is the steadier. */
async function clocked<T>(
  work: () => Promise<T>,
): Promise<{ value: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const { value, ms } = await timed(work);
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

function peakRssMb(): number {
  return round(process.resourceUsage().maxRSS / 1024, 0);
}

async function run(size: number, emit: Emit, _context: RunContext): Promise<void> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'vigil-bench-sync-'));
  const peers: Peer[] = [];
  try {
    const sender = await startPeer(root, 'sender');
    const receiver = await startPeer(root, 'receiver');
    peers.push(sender, receiver);
    const contactId = await introduce(sender, receiver);

    const sets = demoSets(size);
    const cells = sets.reduce((n, set) => n + set.length, 0);
    progress(`sync ${size}: committing ${size} sets (${cells} cells) at the sender`);
    const local = await clocked(() => commitAll(sender.session, sets));

    progress(`sync ${size}: preview and send`);
    const previewMs = await timeMs(() =>
      call(sender.handlers, 'previewSend', { contactIds: [contactId] }),
    );
    const file = path.join(root, 'bundle.age');
    const sent = await clocked(() =>
      call(sender.handlers, 'sendBundle', { contactIds: [contactId], path: file }),
    );
    const sentChanges = (sent.value as { changes: number }).changes;
    if (sentChanges !== size) throw new Error(`sent ${sentChanges} sets, not ${size}`);
    const exportRssMb = peakRssMb();

    // The floors: opening the file alone, and sealing its plaintext alone.
    const { keys } = await requireIdentity(receiver.session);
    const opened = await timed(async () => ageDecrypt(await fs.readFile(file), [keys.ageIdentity]));
    const framed = gunzipSync(opened.value);
    const sealMs = await timeMs(async () => {
      const encrypter = new Encrypter();
      encrypter.addRecipient(keys.ageRecipient);
      await encrypter.encrypt(gzipSync(framed));
    });

    progress(`sync ${size}: receive`);
    const received = await clocked(() => call(receiver.handlers, 'receiveBundle', { path: file }));
    const importRssMb = peakRssMb();
    const newChanges = (received.value as { newChanges: number }).newChanges;
    if (newChanges !== size) throw new Error(`received ${newChanges} sets, not ${size}`);

    const bytes = (await fs.stat(file)).size;
    const line = (bench: string, metric: string, value: number, baseline?: number) =>
      emit({
        bench,
        size,
        metric,
        value: round(value),
        ...(baseline === undefined
          ? {}
          : { baseline_ms: round(baseline), ratio: round(value / baseline, 2) }),
      });
    line('sync.preview', 'total_ms', previewMs);
    line('sync.export', 'total_ms', sent.ms, sealMs);
    line('sync.export', 'cpu_ms', sent.cpuMs);
    line('sync.export', 'us_per_change', (sent.ms * 1000) / size);
    line('sync.export', 'file_bytes', bytes);
    line('sync.export', 'bytes_per_change', bytes / size);
    line('sync.export', 'plaintext_bytes', framed.length);
    line('sync.export', 'rss_mb', exportRssMb);
    line('sync.open', 'total_ms', opened.ms);
    line('sync.import', 'total_ms', received.ms, local.ms);
    line('sync.import', 'cpu_ms', received.cpuMs, local.cpuMs);
    line('sync.import', 'us_per_change', (received.ms * 1000) / size);
    line('sync.import', 'rss_mb', importRssMb);
    line('sync.local_commit', 'total_ms', local.ms);
    line('sync.local_commit', 'cpu_ms', local.cpuMs);
    line('sync.local_commit', 'cells_per_change', cells / size);
  } finally {
    for (const peer of peers) await call(peer.handlers, 'lockVault', {});
    await fs.rm(root, { recursive: true, force: true });
  }
}

export const syncBenchmark: Benchmark = {
  name: 'sync',
  defaultSizes: [1000, 10_000, 100_000],
  run,
};
