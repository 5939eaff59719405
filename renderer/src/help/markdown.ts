/**
 * The little Markdown the docs use, read into plain data that Markdown.tsx turns into React
 * elements: nothing is ever handed to the page as HTML, so a `<tag>` in a document is text.
 * Covered: headings, paragraphs, bullet and numbered lists (with wrapped lines), tables, fenced
 * code, and inline code, bold, italics and links (shown as their text: the app opens nothing).
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'link'; children: Inline[]; href: string };

export type Block =
  | { kind: 'heading'; level: number; children: Inline[] }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Inline[][] }
  | { kind: 'table'; header: Inline[][]; rows: Inline[][][] }
  | { kind: 'code'; text: string };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^\s*([-*+]|(\d+)[.)])\s+(.*)$/;
const FENCE = /^\s*(```|~~~)/;
const TABLE_RULE = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

// One pattern for every inline token; the earliest match wins, text between is plain.
const INLINE =
  /`([^`]+)`|\*\*(.+?)\*\*|__(.+?)__|\[([^\]]+)\]\(([^)\s]*)\)|(?<![\w*])\*(?![\s*])(.+?)(?<![\s*])\*(?![\w*])|(?<![\w_])_(?![\s_])(.+?)(?<![\s_])_(?![\w_])/g;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const index = match.index;
    if (index > last) out.push({ kind: 'text', text: text.slice(last, index) });
    const [, code, strong, strongAlt, linkText, href, em, emAlt] = match;
    if (code !== undefined) out.push({ kind: 'code', text: code });
    else if (strong !== undefined || strongAlt !== undefined)
      out.push({ kind: 'strong', children: parseInline(strong ?? strongAlt ?? '') });
    else if (linkText !== undefined)
      out.push({ kind: 'link', children: parseInline(linkText), href: href ?? '' });
    else out.push({ kind: 'em', children: parseInline(em ?? emAlt ?? '') });
    last = index + match[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** A table row's cells; `\|` is a pipe inside a cell. */
function cells(line: string): Inline[][] {
  const trimmed = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return trimmed.split(/(?<!\\)\|/).map((cell) => parseInline(cell.trim().replace(/\\\|/g, '|')));
}

const isTableStart = (lines: readonly string[], at: number) =>
  (lines[at] ?? '').trim().startsWith('|') && TABLE_RULE.test(lines[at + 1] ?? '');

/** Whether a line begins a block of its own, so that it cannot continue a paragraph or item. */
function startsBlock(lines: readonly string[], at: number): boolean {
  const line = lines[at] ?? '';
  return (
    line.trim() === '' ||
    HEADING.test(line) ||
    FENCE.test(line) ||
    LIST_ITEM.test(line) ||
    isTableStart(lines, at)
  );
}

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let at = 0;
  while (at < lines.length) {
    const line = lines[at] ?? '';
    if (line.trim() === '') {
      at += 1;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({
        kind: 'heading',
        level: heading[1]?.length ?? 1,
        children: parseInline(heading[2] ?? ''),
      });
      at += 1;
      continue;
    }
    if (FENCE.test(line)) {
      const fence = line.trim().slice(0, 3);
      const code: string[] = [];
      at += 1;
      while (at < lines.length && !(lines[at] ?? '').trim().startsWith(fence)) {
        code.push(lines[at] ?? '');
        at += 1;
      }
      blocks.push({ kind: 'code', text: code.join('\n') });
      at += 1;
      continue;
    }
    if (isTableStart(lines, at)) {
      const header = cells(line);
      const rows: Inline[][][] = [];
      at += 2;
      while (at < lines.length && (lines[at] ?? '').trim().startsWith('|')) {
        rows.push(cells(lines[at] ?? ''));
        at += 1;
      }
      blocks.push({ kind: 'table', header, rows });
      continue;
    }
    const first = LIST_ITEM.exec(line);
    if (first) {
      const ordered = first[2] !== undefined;
      const items: string[] = [];
      while (at < lines.length) {
        const item = LIST_ITEM.exec(lines[at] ?? '');
        if (item) {
          if ((item[2] !== undefined) !== ordered) break;
          items.push(item[3] ?? '');
          at += 1;
        } else if (!startsBlock(lines, at)) {
          // A wrapped line of the item above.
          items[items.length - 1] += ` ${(lines[at] ?? '').trim()}`;
          at += 1;
        } else if ((lines[at] ?? '').trim() === '' && LIST_ITEM.test(lines[at + 1] ?? '')) {
          at += 1;
        } else break;
      }
      blocks.push({
        kind: 'list',
        ordered,
        start: ordered ? Number(first[2]) : 1,
        items: items.map(parseInline),
      });
      continue;
    }
    const paragraph = [line.trim()];
    at += 1;
    while (at < lines.length && !startsBlock(lines, at)) {
      paragraph.push((lines[at] ?? '').trim());
      at += 1;
    }
    blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join(' ')) });
  }
  return blocks;
}
