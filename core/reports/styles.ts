import { DOSSIER_CSS } from './dossier/styles';
import { LIST_CSS } from './list/styles';
import { FIGURES_CSS } from './figures/styles';

/**
 * The stylesheet of every report, shared by the PDF and the in-app preview (where the app's CSP
 * allows no inline style, so the body uses classes only). Font faces are not here: the print
 * document adds them with the bundled fonts (document.ts); the preview uses the app's fonts.
 * Templates add their own rules in their folder and list them in REPORT_CSS.
 */
const BASE_CSS = `
.report { font-family: 'Noto Sans', sans-serif; font-size: 10pt; line-height: 1.4; color: #111; }
.report h1 { font-size: 18pt; font-weight: 700; margin: 0 0 2pt; }
.report h2 { font-size: 13pt; font-weight: 700; margin: 14pt 0 4pt; break-after: avoid; }
.report h3 { font-size: 11pt; font-weight: 700; margin: 10pt 0 3pt; break-after: avoid; }
.report p { margin: 0 0 6pt; }
.report .subtitle { font-size: 11pt; margin: 0 0 10pt; }
.report .internal { font-weight: 700; border: 1.5pt solid #111; padding: 3pt 6pt; margin: 0 0 8pt; }
.report .note { font-size: 9pt; color: #333; }
.report table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; font-size: 9pt; }
.report thead { display: table-header-group; }
.report tr { break-inside: avoid; }
.report th, .report td { border-bottom: 0.5pt solid #999; padding: 2pt 4pt; text-align: left; vertical-align: top; }
.report th { font-weight: 700; border-bottom: 1pt solid #111; }
.report td.number, .report th.number { text-align: right; font-variant-numeric: tabular-nums; }
.report svg { display: block; }
.report .footer { margin-top: 14pt; font-size: 8pt; color: #333; }
`;

export const REPORT_CSS = [BASE_CSS, FIGURES_CSS, LIST_CSS, DOSSIER_CSS].join('\n');
