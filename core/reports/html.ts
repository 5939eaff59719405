/** Text for HTML: every report string and every value from the vault goes through this. */
export function esc(text: string | number): string {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A table with a header row, a class per column if given; every cell is escaped here. */
export function table(
  headers: string[],
  rows: (string | number)[][],
  className = '',
  columnClasses: string[] = [],
): string {
  const cell = (tag: string, text: string | number, i: number) => {
    const cls = columnClasses[i] ? ` class="${esc(columnClasses[i])}"` : '';
    return `<${tag}${cls}${tag === 'th' ? ' scope="col"' : ''}>${esc(text)}</${tag}>`;
  };
  const head = headers.map((h, i) => cell('th', h, i)).join('');
  const body = rows
    .map((row) => `<tr>${row.map((c, i) => cell('td', c, i)).join('')}</tr>`)
    .join('');
  const cls = className ? ` class="${esc(className)}"` : '';
  return `<table${cls}><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
