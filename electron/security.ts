import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

// Pure security policy for the Electron shell. Nothing here touches Electron at run time, so the
// policy is checked by plain Node tests on machines without the Electron binary; the preload
// imports from this file too, so it must not import Node modules a sandboxed preload lacks.

export const APP_SCHEME = 'app';
const APP_HOST = 'vigil';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The one IPC channel between preload and main; every API method travels over it. */
export const IPC_CHANNEL = 'vigil:invoke';

/**
 * Without the `persist:` prefix Chromium keeps this session in memory: no cache, cookies,
 * localStorage or IndexedDB of the window ever reach the profile folder in plaintext.
 */
export const PARTITION = 'vigil-session';

export function secureWebPreferences(preloadPath: string, dev: boolean): WebPreferences {
  return {
    preload: preloadPath,
    partition: PARTITION,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    // Chromium's spellchecker downloads dictionaries from the network.
    spellcheck: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Middle-click would otherwise try to open links in a new window.
    disableBlinkFeatures: 'Auxclick',
    devTools: dev,
  };
}

export function mainWindowOptions(
  preloadPath: string,
  dev: boolean,
): BrowserWindowConstructorOptions {
  return {
    title: 'Vigil',
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    // Shown on 'ready-to-show', so the user never sees an empty or half-painted window.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath, dev),
  };
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

// `app:` is not a WHATWG special scheme, so URL.origin is "null": compare the parts instead, and
// refuse credentials so that `app://x@vigil/` cannot pass for the app.
function isAppUrl(url: URL): boolean {
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}

/**
 * The session's request filter: only the app's own files, and inline images (the CSP allows
 * `img-src data:`), may load. Every network scheme, `file:` and any other scheme is refused.
 */
export function isAllowedRequest(url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (parsed.protocol === 'data:') return parsed.pathname.toLowerCase().startsWith('image/');
  return isAppUrl(parsed);
}

/** IPC is answered only for the window's top frame showing the app itself. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  if (!isMainFrame || frameUrl === undefined) return false;
  const parsed = parseUrl(frameUrl);
  return parsed !== null && isAppUrl(parsed);
}

/**
 * The Electron fuses every installer gets, as `FuseV1Options` names. electron-builder flips them
 * (`electronFuses` in electron-builder.yml) before signing; the packaging check
 * (tests/unit/packaging.test.ts) reads them back from a packaged binary and compares with this.
 */
export const FUSES = Object.freeze({
  version: 1,
  options: Object.freeze({
    // The binary must not double as a general-purpose Node interpreter.
    RunAsNode: false,
    EnableNodeOptionsEnvironmentVariable: false,
    EnableNodeCliInspectArguments: false,
    // Only the signed app.asar may run, and only unmodified.
    EnableEmbeddedAsarIntegrityValidation: true,
    OnlyLoadAppFromAsar: true,
    EnableCookieEncryption: true,
    GrantFileProtocolExtraPrivileges: false,
  }),
});
