/**
 * A page the core asks its host to print to PDF: the host owns the browser engine (Electron's
 * hidden window, or the browser host's Chromium), the core owns the content and the file. Names
 * follow neither engine: each host maps them to its own options.
 */
export interface PrintJob {
  /** A whole document: fonts inline, no script, nothing to fetch. */
  html: string;
  pageSize: 'A4' | 'Letter';
  /** Millimetres; header and footer sit inside the top and bottom margins. */
  margins: { top: number; bottom: number; left: number; right: number };
  /** Chromium's header and footer templates (`pageNumber`, `totalPages`), fonts inline. */
  headerTemplate: string;
  footerTemplate: string;
}

/** What a host gives the core to print with; the bytes are the PDF as the engine made it. */
export type PrintPdf = (job: PrintJob) => Promise<Uint8Array>;
