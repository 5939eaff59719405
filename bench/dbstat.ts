/**
 * `npx tsx bench/dbstat.ts [persons] [out.sqlite]`: seeds a demo-shaped vault, compacts it and
 * writes its database, decrypted, to a file in a temp folder, then prints what each table and
 * index takes (SQLite's own dbstat, through the sqlite3 shell) and the bytes per person. It
 * measures the storage layout; the benchmark rows are bench/vault.ts's.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedVault } from './synthetic';

async function main(): Promise<void> {
  const persons = Number(process.argv[2] ?? 2000);
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'vigil-dbstat-'));
  try {
    const seedStart = performance.now();
    const { vault } = await seedVault(path.join(root, 'vault'), persons);
    const seedMs = performance.now() - seedStart;
    const compactStart = performance.now();
    await vault.compact();
    const compactMs = performance.now() - compactStart;
    const bytes = vault.db.export();
    await vault.close();
    const file = process.argv[3] ?? path.join(root, 'db.sqlite');
    await fs.writeFile(file, bytes);
    const table = execFileSync('sqlite3', [
      '-column',
      '-header',
      file,
      'SELECT name, sum(pgsize) / 1024 AS kb, sum(ncell) AS cells FROM dbstat GROUP BY name ORDER BY 2 DESC',
    ]);
    process.stdout.write(table);
    const perPerson = Math.round(bytes.length / persons);
    console.log(
      JSON.stringify({
        persons,
        bytes: bytes.length,
        perPerson,
        seedMs: Math.round(seedMs),
        compactMs: Math.round(compactMs),
      }),
    );
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

void main();
