import { useEffect, useRef } from 'react';
import type { ReportPreview } from '../../../core/api/reports';

interface Props {
  preview: ReportPreview;
  label: string;
  /** Dimmed while a newer preview is being made. */
  stale: boolean;
}

/**
 * The page the report sits on in the preview: white, an A4 sheet with the PDF's side margins
 * (core/reports/document.ts), so that lines and tables break where they will on paper; a pane
 * narrower than the sheet scrolls rather than squeezing it. The app's own sheet, beside the
 * report's; made once, shared by every preview.
 */
const PAPER_CSS = `
:host { display: block; overflow-x: auto; }
.report { box-sizing: border-box; width: 210mm; margin: 0 auto; padding: 12mm 16mm;
  background: #fff; box-shadow: 0 1px 4px rgb(0 0 0 / 25%); }
`;
let paper: CSSStyleSheet | null = null;
function paperSheet(): CSSStyleSheet {
  if (!paper) {
    paper = new CSSStyleSheet();
    paper.replaceSync(PAPER_CSS);
  }
  return paper;
}

/**
 * The report as the core made it, in a shadow root so that its stylesheet styles it alone and
 * the app's does not. The stylesheet is a constructed one: the app's Content-Security-Policy
 * refuses <style> elements and style attributes, and constructed sheets are not subject to it.
 */
export function PreviewFrame({ preview, label, stale }: Props) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(preview.css);
    shadow.adoptedStyleSheets = [paperSheet(), sheet];
    // The core escapes every text and writes no script; scripts set through innerHTML never run.
    shadow.innerHTML = preview.html;
  }, [preview]);

  return (
    <div
      ref={host}
      className={stale ? 'report-preview report-preview-stale' : 'report-preview'}
      role="region"
      aria-label={label}
      aria-busy={stale}
      // A scrolling region is reached and scrolled with the keyboard too.
      tabIndex={0}
    />
  );
}
