import { BrowserWindow, session, type Session } from 'electron';
import type { PrintJob, PrintPdf } from '../core/api/print';

/**
 * In memory (no `persist:`), and apart from the app's session: the print window shares
 * nothing with the app window, not even its protocol handler.
 */
export const PRINT_PARTITION = 'vigil-print';
const PRINT_SCHEME = 'vigil-print';
/** The one document the print session serves: the job being printed, from memory. */
export const PRINT_URL = `${PRINT_SCHEME}://report/index.html`;

const inches = (mm: number) => mm / 25.4;

/**
 * Electron's PDF engine for reports: a hidden, sandboxed window without JavaScript on a session
 * of its own that answers the report document from memory (no temp file, no data URL limit) and
 * refuses every other request, printed with `printToPDF` and destroyed. Jobs run one at a time,
 * so the session always serves the job of its one window.
 */
export function electronPrinter(): PrintPdf {
  let current = '';
  let queue: Promise<unknown> = Promise.resolve();
  let ses: Session | null = null;
  const printSession = () => (ses ??= hardenPrintSession(() => current));
  return (job) => {
    const run = queue.then(async () => {
      current = job.html;
      try {
        return await printWith(printSession(), job);
      } finally {
        current = '';
      }
    });
    queue = run.catch(() => undefined);
    return run;
  };
}

function hardenPrintSession(document: () => string): Session {
  const ses = session.fromPartition(PRINT_PARTITION);
  ses.protocol.handle(PRINT_SCHEME, (request) =>
    request.url === PRINT_URL
      ? new Response(document(), {
          headers: {
            'Content-Type': 'text/html; charset=utf-8',
            // Fonts and images come inline; nothing runs and nothing loads.
            'Content-Security-Policy':
              "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:",
          },
        })
      : new Response(null, { status: 404 }),
  );
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !(details.url === PRINT_URL || details.url.startsWith('data:')) }),
  );
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
  return ses;
}

async function printWith(ses: Session, job: PrintJob): Promise<Uint8Array> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      session: ses,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      spellcheck: false,
      webgl: false,
      devTools: false,
    },
  });
  try {
    await win.loadURL(PRINT_URL);
    return await win.webContents.printToPDF({
      pageSize: job.pageSize,
      margins: {
        top: inches(job.margins.top),
        bottom: inches(job.margins.bottom),
        left: inches(job.margins.left),
        right: inches(job.margins.right),
      },
      displayHeaderFooter: true,
      headerTemplate: job.headerTemplate,
      footerTemplate: job.footerTemplate,
      printBackground: true,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    });
  } finally {
    win.destroy();
  }
}
