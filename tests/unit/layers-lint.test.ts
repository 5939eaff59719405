import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rule of eslint.config.mjs, run through ESLint's Node API on imports written into
 * files at real paths of the project (the files need not exist; their imports must).
 */
const ROOT = path.resolve(__dirname, '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, overrideConfigFile: path.join(ROOT, 'eslint.config.mjs') });
});

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  const fatal = result!.messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${file}: ${fatal.message}`);
  return result!.messages
    .filter((m) => m.ruleId?.startsWith('boundaries/') || m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

const forbidden: Array<[string, string, string]> = [
  [
    'a renderer file three folders deep importing the vault',
    'renderer/src/figures/deep/er/Probe.tsx',
    "import { Vault } from '../../../../../core/vault/vault';\nexport const probe = Vault;\n",
  ],
  [
    'a renderer file importing a feature, type only',
    'renderer/src/figures/Probe.tsx',
    "import type { Figure } from '../../../core/stats/figures';\nexport type Probe = Figure;\n",
  ],
  [
    'a renderer file importing Node',
    'renderer/src/Probe.ts',
    "import { readFile } from 'node:fs/promises';\nexport const probe = readFile;\n",
  ],
  [
    'storage importing a feature',
    'core/db/probe.ts',
    "import { figureInCustody } from '../stats/figures';\nexport const probe = figureInCustody;\n",
  ],
  [
    'the vault importing the service',
    'core/vault/probe.ts',
    "export { CoreSession } from '../service/session';\n",
  ],
  [
    'search importing db, which imports search: a cycle inside storage',
    'core/search/probe.ts',
    "import { run } from '../db/statements';\nexport const probe = run;\n",
  ],
  [
    'stats importing import, which sits above it among the features',
    'core/stats/probe.ts',
    "import { analyse } from '../import/analyse';\nexport const probe = analyse;\n",
  ],
  [
    'the contract importing a feature',
    'core/api/probe.ts',
    "import { statsModel } from '../stats/model';\nexport const probe = statsModel;\n",
  ],
  [
    'the contract importing a package other than zod',
    'core/api/probe.ts',
    "import initSqlJs from 'sql.js';\nexport const probe = initSqlJs;\n",
  ],
  [
    'change sets importing SQL',
    'core/changes/probe.ts',
    "import type { Database } from 'sql.js';\nexport type Probe = Database;\n",
  ],
  [
    'core importing the electron package',
    'core/stats/probe.ts',
    "import { app } from 'electron';\nexport const probe = app;\n",
  ],
  [
    'core importing the electron folder',
    'core/host/probe.ts',
    "export const probe = () => import('../../electron/main');\n",
  ],
  [
    'the Electron shell importing the vault',
    'electron/probe.ts',
    "import { Vault } from '../core/vault/vault';\nexport const probe = Vault;\n",
  ],
  [
    'a reader making itself a writable handle',
    'core/stats/probe.ts',
    "import { writableDb } from '../db/handle';\nexport const probe = writableDb;\n",
  ],
  ['a core folder no layer lists', 'core/reportz/probe.ts', 'export const probe = 1;\n'],
];

const allowed: Array<[string, string, string]> = [
  [
    'a renderer file importing the contract and a locale file',
    'renderer/src/figures/deep/er/Probe.tsx',
    "import { contract } from '../../../../../core/api/contract';\nimport en from '../../../../../resources/locales/en/translation.json';\nexport const probe = [contract, en];\n",
  ],
  [
    'db importing search, below it in storage',
    'core/db/probe.ts',
    "import { matchQuery } from '../search/fts';\nexport const probe = matchQuery;\n",
  ],
  [
    'a feature importing storage and change sets',
    'core/import/probe.ts',
    "import { first } from '../db/statements';\nimport type { Cell } from '../changes/changeSet';\nexport const probe = first;\nexport type Probe = Cell;\n",
  ],
  [
    'the service importing features and the vault',
    'core/service/probe.ts',
    "import { figureInCustody } from '../stats/figures';\nimport { Vault } from '../vault/vault';\nexport const probe = [figureInCustody, Vault];\n",
  ],
  [
    'the vault making the writable handle of the database it loads',
    'core/vault/probe.ts',
    "import { writableDb } from '../db/handle';\nexport const probe = writableDb;\n",
  ],
  [
    'the contract importing zod',
    'core/api/probe.ts',
    "import { z } from 'zod';\nexport const probe = z;\n",
  ],
  [
    'the Electron shell importing electron and the host',
    'electron/probe.ts',
    "import { app } from 'electron';\nimport { CoreHost } from '../core/host/coreHost';\nexport const probe = [app, CoreHost];\n",
  ],
];

describe('the layer and write-path lint', () => {
  it.each(forbidden)('fails %s', async (_what, file, code) => {
    expect(await layerErrors(file, code)).not.toEqual([]);
  });

  it.each(allowed)('passes %s', async (_what, file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
