import { promises as fs } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { appResponseHeaders } from '../core/host/contentPolicy';
import { resolveAppPath } from '../core/host/appFiles';
import { CoreHost } from '../core/host/coreHost';
import { fail } from '../core/api/errors';

/** The origin the renderer is served from. Requests to it are answered in-process, never sent. */
export const APP_ORIGIN = 'https://app.vigil';

export interface BrowserHostOptions {
  /** Installation settings folder (the same role as Electron's userData). */
  dataDir: string;
  /** Folder holding dist/ (renderer, core worker, page bridge). */
  distDir: string;
  headless: boolean;
  chromiumPath?: string;
}

export interface BrowserHost {
  core: CoreHost;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every request the page tried to make outside the app origin (all were refused). */
  blockedRequests: string[];
  close(): Promise<void>;
}

/**
 * Runs Vigil without Electron: the core in a worker of this Node process, the renderer in the
 * system Chromium driven over a pipe (no TCP port). The context is in-memory (incognito), every
 * response carries the app's CSP, and `window.vigil` goes through the same contract checks.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const core = new CoreHost({
    workerFile: path.join(options.distDir, 'core', 'worker.js'),
    dataDir: options.dataDir,
  });
  const browser = await chromium.launch({
    executablePath: options.chromiumPath ?? process.env.VIGIL_CHROMIUM ?? '/usr/bin/chromium',
    headless: options.headless,
    args: chromiumArgs(),
  });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'block',
  });
  const blockedRequests: string[] = [];
  await serveApp(context, path.join(options.distDir, 'renderer'), blockedRequests);
  await bridgeApi(context, core, path.join(options.distDir, 'browser-host', 'page-bridge.js'));
  const page = await context.newPage();
  page.on('popup', (popup) => void popup.close());
  await page.goto(`${APP_ORIGIN}/index.html`);
  return {
    core,
    browser,
    context,
    page,
    blockedRequests,
    close: async () => {
      await browser.close();
      await core.dispose();
    },
  };
}

function chromiumArgs(): string[] {
  const args = [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-breakpad',
    '--disable-crash-reporter',
    '--disable-features=SpellcheckService,Translate,OptimizationHints,MediaRouter',
    '--no-first-run',
    '--no-default-browser-check',
    '--disk-cache-size=0',
  ];
  // Chromium's sandbox refuses to start as root; that is a property of the test machine.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

async function serveApp(
  context: BrowserContext,
  rendererDir: string,
  blocked: string[],
): Promise<void> {
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const file = url.startsWith(`${APP_ORIGIN}/`)
      ? resolveAppPath(rendererDir, url, APP_ORIGIN)
      : null;
    if (!url.startsWith(`${APP_ORIGIN}/`)) {
      blocked.push(url);
      await route.abort('blockedbyclient');
      return;
    }
    const body = file ? await fs.readFile(file).catch(() => null) : null;
    if (!file || !body) {
      await route.fulfill({ status: 404, body: '' });
      return;
    }
    await route.fulfill({ status: 200, headers: appResponseHeaders(file), body });
  });
  await context.routeWebSocket(/.*/, (ws) => {
    blocked.push(ws.url());
    void ws.close();
  });
}

async function bridgeApi(
  context: BrowserContext,
  core: CoreHost,
  bridgeFile: string,
): Promise<void> {
  await context.exposeBinding('__vigilInvoke', async (source, method: unknown, args: unknown) => {
    const trusted =
      source.frame === source.page.mainFrame() && source.frame.url().startsWith(`${APP_ORIGIN}/`);
    if (!trusted) return fail('FORBIDDEN_SENDER', 'Call from an untrusted frame');
    return core.call(method, args);
  });
  await context.addInitScript({ path: bridgeFile });
}
