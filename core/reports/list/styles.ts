/** The list report's rules (see styles.ts): group counts, addresses for letters, table cells. */
export const LIST_CSS = `
.report .list-count { font-size: 9pt; color: #333; margin: 0 0 3pt; }
.report .list-address { white-space: pre-line; margin: 0 0 4pt; }
.report table.list td { white-space: pre-line; }
`;
