/** The dossier's rules (see styles.ts): the person's name, and the identity as label: value. */
export const DOSSIER_CSS = `
.report .dossier-name { font-size: 14pt; font-weight: 700; margin: 0 0 6pt; }
.report table.identity th { width: 32%; font-weight: 700; border-bottom: 0.5pt solid #999; }
`;
