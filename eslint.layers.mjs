import boundaries from 'eslint-plugin-boundaries';

/**
 * The layers of Vigil, lowest first, as a lint rule (see docs/architecture.md). A folder may
 * import its own files and the folders listed before it, nothing after it: so no import goes up
 * a layer and no two folders of one layer import each other. Folders in a nested list are
 * peers: neither imports the other.
 */
const LAYERS = [
  { name: 'contract and model', folders: ['core/api'] },
  { name: 'changes', folders: ['core/changes'] },
  { name: 'storage', folders: ['core/search', 'core/db', 'core/vault'] },
  {
    name: 'features',
    folders: [
      'core/model',
      'core/disclosure',
      'core/stats',
      'core/export',
      'core/import',
      'core/demo',
      'core/reports',
      'core/sync',
    ],
  },
  { name: 'service', folders: ['core/service'] },
  {
    name: 'worker and hosts',
    folders: ['core/worker', 'core/host', ['electron', 'browser-host']],
  },
];

/**
 * Folders that may import less than everything below them. The renderer sees only the contract
 * and the locale files; the shells only the contract, the host they start, and the locale files
 * for the titles of their own file dialogs.
 */
const NARROW = {
  renderer: ['core/api', 'resources/locales'],
  electron: ['core/api', 'core/host', 'resources/locales'],
  'browser-host': ['core/api', 'core/host', 'resources/locales'],
};

/** Every folder with the folders it may import, in layer order. */
function allowedImports() {
  const allowed = [];
  const below = [];
  for (const layer of LAYERS) {
    for (const entry of layer.folders) {
      const peers = Array.isArray(entry) ? entry : [entry];
      for (const folder of peers) allowed.push([folder, NARROW[folder] ?? [...below]]);
      below.push(...peers);
    }
  }
  allowed.push(['renderer', NARROW.renderer]);
  return allowed;
}

const ALLOWED = allowedImports();

const elements = [
  ...ALLOWED.map(([folder]) => ({ type: folder, pattern: folder, partialMatch: false })),
  { type: 'resources/locales', pattern: 'resources/locales', partialMatch: false },
];

const PACKAGES = { origin: ['external', 'core'] };
const ELECTRON = { module: { source: ['electron', 'electron/**'] } };

/**
 * Packages and Node built-ins: allowed, except that the contract is zod only (every side loads
 * it), change sets hold no SQL, core never imports electron, and the renderer has neither
 * electron nor Node. Later policies override earlier ones.
 */
const PACKAGE_POLICIES = [
  { allow: { to: { module: PACKAGES } } },
  { from: { element: { type: 'core/api' } }, disallow: { to: { module: PACKAGES } } },
  { from: { element: { type: 'core/api' } }, allow: { to: { module: { source: 'zod' } } } },
  {
    from: { element: { type: 'core/changes' } },
    disallow: { to: { module: { source: 'sql.js' } } },
  },
  { from: { element: { type: 'core/**' } }, disallow: { to: ELECTRON } },
  { from: { element: { type: 'renderer' } }, disallow: { to: ELECTRON } },
  { from: { element: { type: 'renderer' } }, disallow: { to: { module: { origin: 'core' } } } },
];

/** Source files that must belong to a folder above: a new core folder needs a place here. */
const LAYERED_FILES = [
  'core/**/*.ts',
  'renderer/**/*.{ts,tsx}',
  'electron/**/*.ts',
  'browser-host/**/*.ts',
];

export const layersConfig = [
  {
    plugins: { boundaries },
    files: LAYERED_FILES,
    settings: {
      'boundaries/elements': elements,
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkUnknownLocals: true,
          checkAllOrigins: true,
          policies: [
            ...ALLOWED.map(([folder, imports]) => ({
              from: { element: { type: folder } },
              allow: { to: { element: { types: { anyOf: [folder, ...imports] } } } },
            })),
            ...PACKAGE_POLICIES,
          ],
        },
      ],
      'boundaries/no-unknown-files': 'error',
    },
  },
  {
    // A writable handle is made only where the database is created or loaded (see core/db/handle.ts).
    files: LAYERED_FILES,
    ignores: ['core/vault/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/handle'],
              importNames: ['writableDb'],
              message: 'Only the vault makes a WriteDb; readers get Vault.db.',
            },
          ],
        },
      ],
    },
  },
];
