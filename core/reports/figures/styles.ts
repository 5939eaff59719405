/** The figures report's own rules, listed in REPORT_CSS (../styles.ts). Classes only. */
export const FIGURES_CSS = `
.report .figures-scope { margin: 0 0 4pt; }
.report .figures-headline { font-size: 12pt; font-weight: 700; margin: 4pt 0 3pt; }
.report .figures-definition { margin: 0 0 4pt; }
.report .figures-table td:not(:first-child), .report .figures-table th:not(:first-child) { text-align: right; font-variant-numeric: tabular-nums; }
.report .figures-grid { font-size: 8pt; }
.report .figures-chart { margin: 6pt 0 10pt; break-inside: avoid; }
.report .figures-chart svg { max-width: 100%; height: auto; }
.report .figures-chart text { font-family: inherit; }
.report .figures-legend { list-style: none; margin: 4pt 0; padding: 0; display: flex; flex-wrap: wrap; gap: 2pt 10pt; font-size: 8pt; }
.report .figures-legend svg { display: inline-block; vertical-align: -1pt; margin-right: 3pt; }
.report .figures-cases { columns: 3; column-gap: 12pt; margin: 2pt 0 6pt; padding-left: 12pt; font-size: 8.5pt; }
.report .figures-cases li { break-inside: avoid; }
`;
