import path from 'node:path';
import { readFile } from 'node:fs/promises';
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  powerMonitor,
  protocol,
  session,
  type IpcMainInvokeEvent,
  type Session,
  type WebContents,
} from 'electron';
import { fail, type ApiResult } from '../core/api/errors';
import { HELP_CHANNEL, type HelpSection } from '../core/api/help';
import type { Language } from '../core/api/language';
import { resolveAppPath } from '../core/host/appFiles';
import { appResponseHeaders } from '../core/host/contentPolicy';
import { CoreHost } from '../core/host/coreHost';
import { everyInterval, lockIfIdle } from '../core/host/idleLock';
import { debuggingSwitch } from './debugSwitches';
import { appMenu } from './menu';
import { electronPicker } from './picker';
import { electronPrinter } from './printer';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME,
  IPC_CHANNEL,
  PARTITION,
  isAllowedRequest,
  isTrustedSender,
  mainWindowOptions,
} from './security';

// The bundle lives in dist/electron/; Vite builds the renderer to dist/renderer/ and esbuild the
// core worker to dist/core/.
const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadFile = path.join(__dirname, 'preload.js');
const workerFile = path.join(__dirname, '..', 'core', 'worker.js');

const dev = !app.isPackaged && process.env.VIGIL_DEV === '1';

let mainWindow: BrowserWindow | null = null;

const refuse = (event: { preventDefault(): void }): void => event.preventDefault();

// Checked before anything else runs: with a debugging switch, nothing of Vigil starts.
const debugSwitch = debuggingSwitch(
  [...process.execArgv, ...process.argv.slice(1), ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)],
  process.platform,
);
if (debugSwitch !== null) {
  console.error(
    `Vigil will not start with ${debugSwitch}: it lets other programs read an open vault.`,
  );
  app.exit(1);
} else {
  boot();
}

function boot(): void {
  // Privileges must be registered before 'ready'. `standard` gives app:// a real origin, so
  // 'self' in the CSP means the app; the CSP itself is never bypassed.
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
  app.enableSandbox();
  app.commandLine.appendSwitch('disable-http-cache');

  if (app.requestSingleInstanceLock()) {
    start();
  } else {
    // Two instances would open the same vault files side by side.
    app.quit();
  }
}

function start(): void {
  const host = new CoreHost({
    workerFile,
    dataDir: app.getPath('userData'),
    printPdf: electronPrinter(),
    pickPath: electronPicker(() => mainWindow),
    onInterfaceLanguage: (language) => showMenu(host, language),
  });
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => void host.dispose());
  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, args: unknown) =>
    invoke(host, event, method, args),
  );
  void app.whenReady().then(() => onReady(host));
}

/** The native menus in the interface's language, built again whenever it changes. */
function showMenu(host: CoreHost, language: Language): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenu({ openHelp: showHelp, lock: () => lockAll(host) }, process.platform, language),
    ),
  );
}

function onReady(host: CoreHost): void {
  showMenu(host, 'en');
  hardenSession(session.fromPartition(PARTITION));
  powerMonitor.on('suspend', () => lockAll(host));
  powerMonitor.on('lock-screen', () => lockAll(host));
  // Linux has no 'lock-screen' event, and the renderer's idle timer slows down while its window
  // is hidden: main checks the system's idle time itself.
  everyInterval(() =>
    lockIfIdle(
      host,
      () => powerMonitor.getSystemIdleTime() * 1000,
      () => lockAll(host),
    ),
  );
  createMainWindow();
}

function hardenSession(ses: Session): void {
  ses.protocol.handle(APP_SCHEME, serveAppFile);
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedRequest(details.url) }),
  );
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setSpellCheckerEnabled(false);
  // A page-started download would write plaintext wherever Chromium saves files; exports go
  // through the core, which asks the user first.
  ses.on('will-download', refuse);
}

async function serveAppFile(request: Request): Promise<Response> {
  const file = resolveAppPath(rendererDir, request.url, APP_ORIGIN);
  if (file === null) return notFound();
  try {
    return new Response(await readFile(file), { headers: appResponseHeaders(file) });
  } catch {
    // A missing file or a directory: the page asked for something the build does not have.
    return notFound();
  }
}

function notFound(): Response {
  return new Response(null, { status: 404 });
}

// Vigil is one page. Any navigation, redirect, popup or webview could only come from injected
// content or a stray link, so all are refused; loadURL and reload do not emit these events.
function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', refuse);
  contents.on('will-frame-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', refuse);
}

function createMainWindow(): void {
  const win = new BrowserWindow(mainWindowOptions(preloadFile, dev));
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
  });
  win.loadURL(APP_ENTRY_URL).catch(() => console.error('Vigil: the app page did not load'));
}

/** The native Help menu opens the in-app Help view; the preload turns this into a page event. */
function showHelp(section: HelpSection): void {
  if (!mainWindow) return;
  focusMainWindow();
  mainWindow.webContents.send(HELP_CHANNEL, section);
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function invoke(
  host: CoreHost,
  event: IpcMainInvokeEvent,
  method: unknown,
  args: unknown,
): Promise<ApiResult<unknown>> {
  const frame = event.senderFrame;
  const isMainFrame = frame !== null && frame === event.sender.mainFrame;
  if (!isTrustedSender(frame?.url, isMainFrame)) {
    return Promise.resolve(fail('FORBIDDEN_SENDER', 'Only the app window may call the core'));
  }
  return host.call(method, args);
}

// Locking drops the worker (and every key with it); reloading the page drops whatever case data
// the renderer still held in memory. The worker is detached synchronously inside lock(), so the
// reloaded page already finds the vault locked.
function lockAll(host: CoreHost): void {
  host.lock().catch(() => console.error('Vigil: the core worker did not stop cleanly'));
  mainWindow?.webContents.reload();
}
