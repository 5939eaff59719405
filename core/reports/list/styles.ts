/** The list report's rules (see styles.ts): group counts, addresses for letters, table cells. */
export const LIST_CSS = `
.report .list-count { font-size: 9pt; color: #333; margin: 0 0 3pt; }
.report .list-address { white-space: pre-line; margin: 0 0 4pt; }
.report table.list td { white-space: pre-line; }
/* A name or a pseudonym ("Case 12345-67890") on one line: a break at its hyphen would be lost
   when the text is copied out of the PDF. */
.report table.list td.col-name { white-space: nowrap; }
`;
