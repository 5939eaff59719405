import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emitPercentiles, progress, type Emit, type RunContext } from './benchmark';
import { measurePaired } from './stats';
import { Rng, inventNotes, syntheticPersons } from './synthetic';

/**
 * The native anchor: SQLCipher (encrypted SQLite, WAL, synchronous=FULL) doing the same edit.
 * It is not a dependency of Vigil; `--with-sqlcipher` builds it into this git-ignored folder,
 * so the app's own dependency tree never holds a native module.
 */
const PACKAGE = '@journeyapps/sqlcipher';
const VERSION = '6.0.0';
const PREFIX = fileURLToPath(new URL('./.sqlcipher/', import.meta.url));

/** The part of the node-sqlite3 API (which @journeyapps/sqlcipher shares) used here. */
type Callback = (err: Error | null) => void;
interface Statement {
  run(params: unknown[], callback: Callback): void;
  finalize(callback: Callback): void;
}
interface Database {
  run(sql: string, params: unknown[], callback: Callback): void;
  exec(sql: string, callback: Callback): void;
  prepare(sql: string, callback: Callback): Statement;
  close(callback: Callback): void;
}
interface SqlcipherModule {
  Database: new (file: string, callback: Callback) => Database;
}

function settle(resolve: () => void, reject: (err: Error) => void): Callback {
  return (err) => (err ? reject(err) : resolve());
}

const run = (db: Database, sql: string, params: unknown[] = []) =>
  new Promise<void>((resolve, reject) => db.run(sql, params, settle(resolve, reject)));
const exec = (db: Database, sql: string) =>
  new Promise<void>((resolve, reject) => db.exec(sql, settle(resolve, reject)));

function requireFromPrefix(): NodeJS.Require {
  return createRequire(path.join(PREFIX, 'package.json'));
}

function isInstalled(): boolean {
  try {
    requireFromPrefix().resolve(PACKAGE);
    return true;
  } catch {
    return false;
  }
}

/**
 * Installs the pinned version with npm. npm 11 checks a dependency's install script (here the
 * native build) against `allowScripts` in the project's package.json: unapproved, it warns, or
 * fails under `strict-allow-scripts`. So the folder gets its own package.json approving exactly
 * this package at this version.
 */
async function install(): Promise<void> {
  await fs.mkdir(PREFIX, { recursive: true });
  const manifest = {
    name: 'vigil-bench-sqlcipher',
    private: true,
    description: 'Native SQLCipher for `npm run bench -- --with-sqlcipher`; not part of Vigil.',
    allowScripts: { [`${PACKAGE}@${VERSION}`]: true },
  };
  await fs.writeFile(path.join(PREFIX, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // Version 6's install script is `node-gyp rebuild`, which always compiles (no prebuilt
  // binary is downloaded, so node-pre-gyp's --build-from-source has nothing to switch and npm
  // 11 warns that it is unknown). --foreground-scripts shows the compiler's output, sent to
  // stderr like all progress: stdout stays JSON.
  const args = ['install', '--prefix', PREFIX, `${PACKAGE}@${VERSION}`, '--save-exact'];
  args.push('--foreground-scripts');
  progress(`building ${PACKAGE}@${VERSION} into ${PREFIX} (about a minute)`);
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('npm', args, { stdio: ['ignore', 2, 2] });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0 || !isInstalled()) throw new Error(`npm install of ${PACKAGE} failed (${code})`);
}

/** The vault benchmark's setup: builds SQLCipher when asked to, else says how to. */
export async function prepareSqlcipher(context: RunContext): Promise<void> {
  if (!context.withSqlcipher) {
    progress('vault.commit.sqlcipher skipped: pass --with-sqlcipher to build and measure it');
    return;
  }
  if (!isInstalled()) await install();
}

/**
 * Per-commit latency of a one-row UPDATE, each in its own transaction, on `size` persons (the
 * vault's own synthetic data), paired with the same fdatasync baseline as the vault's commits.
 */
export async function benchSqlcipher(
  root: string,
  size: number,
  commits: number,
  warmup: number,
  baseline: () => Promise<void>,
  emit: Emit,
): Promise<void> {
  const sqlcipher = requireFromPrefix()(PACKAGE) as SqlcipherModule;
  const db = await new Promise<Database>((resolve, reject) => {
    const opened: Database = new sqlcipher.Database(path.join(root, 'sqlcipher.db'), (err) =>
      err ? reject(err) : resolve(opened),
    );
  });
  try {
    // A raw 256-bit key, as Vigil uses: SQLCipher skips its PBKDF2, which only slows the open.
    await exec(db, `PRAGMA key = "x'${randomBytes(32).toString('hex')}'"`);
    await exec(db, 'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;');
    await exec(
      db,
      `CREATE TABLE persons (
         id TEXT PRIMARY KEY,
         name TEXT NOT NULL DEFAULT '',
         name_latin TEXT NOT NULL DEFAULT '',
         birth_date TEXT,
         citizenship TEXT NOT NULL DEFAULT '[]',
         notes TEXT NOT NULL DEFAULT '',
         created_at TEXT NOT NULL,
         updated_at TEXT NOT NULL,
         deleted INTEGER NOT NULL DEFAULT 0
       )`,
    );
    const ids = await seed(db, size);
    const rng = new Rng(size + 3);
    const samples = await measurePaired(
      commits,
      warmup,
      async () => {
        await run(db, 'BEGIN');
        await run(db, 'UPDATE persons SET notes = ?, updated_at = ? WHERE id = ?', [
          inventNotes(rng),
          new Date().toISOString(),
          rng.pick(ids),
        ]);
        await run(db, 'COMMIT');
      },
      baseline,
    );
    emitPercentiles(emit, 'vault.commit.sqlcipher', size, samples, [50, 95]);
  } finally {
    await new Promise<void>((resolve, reject) => db.close(settle(resolve, reject)));
  }
}

async function seed(db: Database, size: number): Promise<string[]> {
  const ids: string[] = [];
  const now = new Date().toISOString();
  await run(db, 'BEGIN');
  const insert = await new Promise<Statement>((resolve, reject) => {
    const statement = db.prepare(
      `INSERT INTO persons (id, name, name_latin, birth_date, citizenship, notes, created_at,
         updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      (err) => (err ? reject(err) : resolve(statement)),
    );
  });
  for (const { id, person } of syntheticPersons(size)) {
    ids.push(id);
    const { name, nameLatin, birthDate, citizenship, notes } = person;
    await new Promise<void>((resolve, reject) =>
      insert.run(
        [id, name, nameLatin, birthDate, JSON.stringify(citizenship), notes, now, now],
        settle(resolve, reject),
      ),
    );
  }
  await new Promise<void>((resolve, reject) => insert.finalize(settle(resolve, reject)));
  await run(db, 'COMMIT');
  return ids;
}
