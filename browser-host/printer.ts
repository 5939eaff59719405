import type { Browser } from 'playwright-core';
import type { PrintJob, PrintPdf } from '../core/api/print';

const mm = (value: number) => `${value}mm`;

/**
 * The browser host's PDF engine: each job gets a context of its own (Chromium's equivalent of
 * Electron's separate session), in memory, with JavaScript off and every request refused — the
 * page carries its fonts inline and needs nothing else. Chromium's `page.pdf` takes the same
 * options Electron's `printToPDF` does, under other names; tagging must be on for the outline.
 */
export function browserPrinter(browser: Browser): PrintPdf {
  return async (job: PrintJob) => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      offline: true,
      serviceWorkers: 'block',
    });
    try {
      await context.route('**/*', (route) => route.abort('blockedbyclient'));
      await context.routeWebSocket(/.*/, (ws) => void ws.close());
      const page = await context.newPage();
      await page.setContent(job.html, { waitUntil: 'load' });
      // Runs in Playwright's own world, which works with the page's JavaScript off.
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return await page.pdf({
        format: job.pageSize,
        margin: {
          top: mm(job.margins.top),
          bottom: mm(job.margins.bottom),
          left: mm(job.margins.left),
          right: mm(job.margins.right),
        },
        displayHeaderFooter: true,
        headerTemplate: job.headerTemplate,
        footerTemplate: job.footerTemplate,
        printBackground: true,
        tagged: true,
        outline: true,
      });
    } finally {
      await context.close();
    }
  };
}
