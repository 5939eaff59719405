import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUSES } from '../../electron/security';

// The offline packaging check (docs/packaging.md). The Electron binary cannot be downloaded
// here, so electron-builder packs the real app around a stand-in executable that carries
// Electron's fuse wire, flips the fuses on it as it would on the real binary, and the check
// reads back what a user's copy would get. Needs `npm run build` first (npm test does it).

const root = path.resolve(__dirname, '../..');
const builderCli = path.join(root, 'node_modules/electron-builder/cli.js');
/** The marker @electron/fuses looks for in an Electron binary; the wire follows it. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** The eight V1 fuses as Electron ships them: RunAsNode on, cookie encryption off, and so on. */
const SHIPPED_WIRE = '10110001';
/** A fuse's byte on the wire: ASCII '1' when on, '0' when off. */
const ON = 0x31;
const OFF = 0x30;

/** Everything the app loads at run time: the entry, the preload, the core, the page, the SQL engine. */
const RUNTIME_FILES = [
  '/package.json',
  '/dist/electron/main.js',
  '/dist/electron/preload.js',
  '/dist/core/worker.js',
  '/dist/renderer/index.html',
  '/dist/fonts/400.css',
  '/node_modules/sql.js/dist/sql-wasm.js',
  '/node_modules/sql.js/dist/sql-wasm.wasm',
  '/node_modules/libsodium-wrappers-sumo/package.json',
];
/** The only packages not bundled by Vite or esbuild (scripts/build.mjs `external`). */
const RUNTIME_PACKAGES = ['libsodium-sumo', 'libsodium-wrappers-sumo', 'sql.js'];

const DEV_FILE_PATTERNS: readonly RegExp[] = [
  /\.map$/,
  /\.(ts|tsx|mts|cts)$/,
  /(^|\/)(tests?|__tests__|bench|scripts|docs|browser-host|\.ci|\.github)(\/|$)/,
  /\.(test|spec)\.[cm]?js$/,
  /(^|\/)(tsconfig|vite\.config|vitest\.config|eslint\.config|eslint\.layers)[^/]*$/,
  /(^|\/)\.(git|devcontainer|eslintrc|prettierrc)/,
  /(^|\/)(package-lock\.json|electron-builder\.yml)$/,
  /^\/(renderer|core|electron|resources)\//,
];

function writeStandInElectron(dir: string): void {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const wire = Buffer.from([1, SHIPPED_WIRE.length, ...Buffer.from(SHIPPED_WIRE, 'latin1')]);
  const body = Buffer.concat([
    Buffer.from('stand-in for the Electron executable\n'),
    Buffer.from(SENTINEL, 'latin1'),
    wire,
    Buffer.from('\n'),
  ]);
  writeFileSync(path.join(dir, 'electron'), body, { mode: 0o755 });
  writeFileSync(path.join(dir, 'LICENSE'), 'stand-in\n');
}

let work = '';
let appDir = '';
let files: string[] = [];

beforeAll(async () => {
  if (!existsSync(path.join(root, 'dist/electron/main.js'))) {
    throw new Error('Run `npm run build` before the packaging check');
  }
  work = mkdtempSync(path.join(os.tmpdir(), 'vigil-package-'));
  const electronDist = path.join(work, 'electron-dist');
  writeStandInElectron(electronDist);
  const output = path.join(work, 'out');
  await promisify(execFile)(
    process.execPath,
    [
      builderCli,
      '--linux',
      'dir',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${output}`,
    ],
    { cwd: root, env: { ...process.env, CI: 'true' }, maxBuffer: 16 * 1024 * 1024 },
  );
  appDir = path.join(output, readdirSync(output).find((name) => name.endsWith('-unpacked')) ?? '');
  files = listPackage(path.join(appDir, 'resources/app.asar'), { isPack: false }).map((file) =>
    file.split(path.sep).join('/'),
  );
}, 280_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packaged app', () => {
  it('has every fuse set as electron/security.ts FUSES says', async () => {
    const wire = await getCurrentFuseWire(path.join(appDir, 'vigil'));
    expect(wire.version).toBe('1');
    for (const [name, enabled] of Object.entries(FUSES.options)) {
      const index = FuseV1Options[name as keyof typeof FuseV1Options];
      expect({ name, state: wire[index] }).toEqual({
        name,
        state: enabled ? ON : OFF,
      });
    }
  });

  it('ships the app entry and what it loads at run time', () => {
    expect(files).toEqual(expect.arrayContaining(RUNTIME_FILES));
    expect(
      files.filter((file) => file.startsWith('/dist/renderer/assets/')).length,
    ).toBeGreaterThan(0);
  });

  it('ships no tests, source maps, sources or development files', () => {
    const offending = files.filter((file) =>
      DEV_FILE_PATTERNS.some((pattern) => pattern.test(file)),
    );
    expect(offending).toEqual([]);
  });

  it('ships only the packages the bundles leave external', () => {
    const packages = files
      .map((file) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(file)?.[1])
      .filter((name) => name !== undefined);
    expect(packages.sort()).toEqual(RUNTIME_PACKAGES);
  });

  it('leaves no Electron default app beside it', () => {
    expect(readdirSync(path.join(appDir, 'resources'))).toEqual(['app.asar']);
  });
});
