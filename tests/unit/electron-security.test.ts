import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPath } from '../../core/host/appFiles';
import {
  appResponseHeaders,
  contentTypeFor,
  CONTENT_SECURITY_POLICY,
} from '../../core/host/contentPolicy';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  FUSES,
  isAllowedRequest,
  isTrustedSender,
  mainWindowOptions,
  PARTITION,
  secureWebPreferences,
} from '../../electron/security';

const PRELOAD = '/opt/vigil/dist/electron/preload.js';

describe('secureWebPreferences', () => {
  it('sandboxes and isolates the renderer and turns off every risky feature', () => {
    expect(secureWebPreferences(PRELOAD, false)).toEqual({
      preload: PRELOAD,
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
      spellcheck: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
  });

  it('allows devtools only in development', () => {
    expect(secureWebPreferences(PRELOAD, true).devTools).toBe(true);
    expect(secureWebPreferences(PRELOAD, false).devTools).toBe(false);
    expect({ ...secureWebPreferences(PRELOAD, true), devTools: false }).toEqual(
      secureWebPreferences(PRELOAD, false),
    );
  });

  it('uses an in-memory session partition', () => {
    const { partition } = secureWebPreferences(PRELOAD, false);
    expect(partition).toBe(PARTITION);
    expect(partition).toMatch(/^[a-z-]+$/);
    expect(partition?.startsWith('persist:')).toBe(false);
  });
});

describe('mainWindowOptions', () => {
  it('hides the window until it is painted and carries the secure preferences', () => {
    const options = mainWindowOptions(PRELOAD, false);
    expect(options.show).toBe(false);
    expect(options.title).toBe('Vigil');
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(options.webPreferences).toEqual(secureWebPreferences(PRELOAD, false));
    expect(mainWindowOptions(PRELOAD, true).webPreferences?.devTools).toBe(true);
  });
});

describe('isAllowedRequest', () => {
  it.each([
    APP_ENTRY_URL,
    `${APP_ORIGIN}/`,
    `${APP_ORIGIN}/assets/index-4f2a.js`,
    `${APP_ORIGIN}/assets/font.woff2?v=1`,
    'data:image/png;base64,iVBORw0KGgo=',
    'data:image/svg+xml,%3Csvg%3E%3C/svg%3E',
  ])('allows %s', (url) => {
    expect(isAllowedRequest(url)).toBe(true);
  });

  it.each([
    'http://example.com/',
    'https://example.com/app.js',
    'https://vigil/index.html',
    'ws://127.0.0.1:9222/devtools',
    'wss://example.com/socket',
    'ftp://example.com/file',
    'file:///etc/passwd',
    'file:///C:/Users/me/vault/snapshot.bin',
    'blob:app://vigil/0e3c',
    'chrome-extension://abcdef/script.js',
    'devtools://devtools/bundled/inspector.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'other://vigil/index.html',
    'app://evil/index.html',
    'app://vigil:8080/index.html',
    'app://user@vigil/index.html',
    'app://vigil.example.com/index.html',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedRequest(url)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts the main frame showing the app', () => {
    expect(isTrustedSender(APP_ENTRY_URL, true)).toBe(true);
    expect(isTrustedSender(`${APP_ORIGIN}/#/persons`, true)).toBe(true);
  });

  it('refuses subframes, other origins and unknown frames', () => {
    expect(isTrustedSender(APP_ENTRY_URL, false)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
    expect(isTrustedSender('https://example.com/', true)).toBe(false);
    expect(isTrustedSender('file:///opt/vigil/dist/renderer/index.html', true)).toBe(false);
    expect(isTrustedSender('app://evil/index.html', true)).toBe(false);
    expect(isTrustedSender('about:blank', true)).toBe(false);
    expect(isTrustedSender('', true)).toBe(false);
  });
});

describe('FUSES', () => {
  it('turns off every way to run the binary as Node and locks it to the signed asar', () => {
    expect(FUSES.options).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      EnableCookieEncryption: true,
      GrantFileProtocolExtraPrivileges: false,
    });
    expect(Object.isFrozen(FUSES.options)).toBe(true);
  });
});

describe('resolveAppPath', () => {
  const root = path.resolve('/opt/vigil/dist/renderer');
  const resolve = (url: string) => resolveAppPath(root, url, APP_ORIGIN);
  const inside = (file: string | null) =>
    file !== null && file.startsWith(root + path.sep) && !file.includes('\0');

  it('serves index.html for the root', () => {
    expect(resolve(`${APP_ORIGIN}/`)).toBe(path.join(root, 'index.html'));
    expect(resolve(APP_ORIGIN)).toBe(path.join(root, 'index.html'));
  });

  it('maps app paths to files under the root, ignoring query and fragment', () => {
    expect(resolve(`${APP_ORIGIN}/assets/index.js`)).toBe(path.join(root, 'assets', 'index.js'));
    expect(resolve(`${APP_ORIGIN}/assets/a%20b.css?x=1#top`)).toBe(
      path.join(root, 'assets', 'a b.css'),
    );
  });

  // The URL parser already folds literal and %2e dot segments, and a leading encoded slash is
  // taken as relative to the root: whatever is left must stay inside.
  it.each([
    `${APP_ORIGIN}/%2fetc%2fpasswd`,
    `${APP_ORIGIN}/../../etc/passwd`,
    `${APP_ORIGIN}/assets/../../../etc/passwd`,
    `${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`,
    `${APP_ORIGIN}/%2E%2E/secret`,
    `${APP_ORIGIN}/.%2e/secret`,
  ])('keeps dot segments inside the root: %s', (url) => {
    expect(inside(resolve(url))).toBe(true);
  });

  it.each([
    `${APP_ORIGIN}/..%2f..%2fetc%2fpasswd`,
    `${APP_ORIGIN}/..%2F..%2Fetc%2Fpasswd`,
    `${APP_ORIGIN}/%2e%2e%2fsecret`,
    `${APP_ORIGIN}/assets%2f..%2f..%2fsecret`,
    `${APP_ORIGIN}/..%5c..%5cwindows%5cwin.ini`,
    `${APP_ORIGIN}/..\\..\\windows\\win.ini`,
    `${APP_ORIGIN}/index.html%00.png`,
    `${APP_ORIGIN}/%E0%A4%A`,
    'app://evil/index.html',
    'app://vigil:8080/index.html',
    'https://vigil/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolve(url)).toBeNull();
  });
});

function cspDirectives(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

describe('CONTENT_SECURITY_POLICY', () => {
  const csp = cspDirectives(CONTENT_SECURITY_POLICY);

  it('starts from nothing and allows only the app itself', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('allows no inline or eval code and no remote source', () => {
    const sources = [...csp.values()].flat();
    expect(sources).not.toContain("'unsafe-inline'");
    expect(sources).not.toContain("'unsafe-eval'");
    expect(sources).not.toContain("'wasm-unsafe-eval'");
    expect(sources).not.toContain('*');
    for (const source of sources) expect(source).not.toMatch(/^(https?|wss?|file|blob):/);
  });
});

describe('appResponseHeaders', () => {
  it('sends the CSP with every file, forbids sniffing and caching', () => {
    for (const file of ['/r/index.html', '/r/assets/a.js', '/r/unknown.bin']) {
      const headers = appResponseHeaders(file);
      expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
      expect(headers['Cache-Control']).toBe('no-store');
    }
  });

  it('types files by extension and falls back to an inert type', () => {
    expect(contentTypeFor('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/r/INDEX.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/r/a.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/r/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/r/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/r/a.exe')).toBe('application/octet-stream');
    expect(contentTypeFor('/r/Makefile')).toBe('application/octet-stream');
    expect(appResponseHeaders('/r/a.svg')['Content-Type']).toBe('image/svg+xml');
  });
});
