import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseInline,
  parseMarkdown,
  type Block,
  type Inline,
} from '../../renderer/src/help/markdown';

const text = (nodes: readonly Inline[]): string =>
  nodes
    .map((node) => (node.kind === 'text' || node.kind === 'code' ? node.text : text(node.children)))
    .join('');

describe('parseMarkdown', () => {
  it('reads headings, paragraphs joined across lines, and both kinds of list', () => {
    const blocks = parseMarkdown(
      '# Title\n\nOne line\nand the next.\n\n- first\n  wrapped\n- second\n\n3. third\n4. fourth\n',
    );
    expect(blocks.map((block) => block.kind)).toEqual(['heading', 'paragraph', 'list', 'list']);
    const [heading, paragraph, bullets, numbers] = blocks as [Block, Block, Block, Block];
    expect(heading).toMatchObject({ level: 1, children: [{ kind: 'text', text: 'Title' }] });
    expect(paragraph).toMatchObject({ children: [{ text: 'One line and the next.' }] });
    expect(bullets).toMatchObject({ ordered: false });
    expect(bullets.kind === 'list' && bullets.items.map(text)).toEqual(['first wrapped', 'second']);
    expect(numbers).toMatchObject({ ordered: true, start: 3 });
  });

  it('reads a table with inline code and an escaped pipe in its cells', () => {
    const [table] = parseMarkdown('| Name | Means |\n| --- | :-: |\n| `a \\| b` | either |\n');
    expect(table?.kind).toBe('table');
    if (table?.kind !== 'table') return;
    expect(table.header.map(text)).toEqual(['Name', 'Means']);
    expect(table.rows[0]?.[0]).toEqual([{ kind: 'code', text: 'a | b' }]);
  });

  it('keeps a fenced block as it is, Markdown and all', () => {
    expect(parseMarkdown('```\n# not a heading\n  **kept**\n```\nafter')).toEqual([
      { kind: 'code', text: '# not a heading\n  **kept**' },
      { kind: 'paragraph', children: [{ kind: 'text', text: 'after' }] },
    ]);
  });

  it('leaves HTML as text, for React to escape', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)> and <script>')).toEqual([
      {
        kind: 'paragraph',
        children: [{ kind: 'text', text: '<img src=x onerror=alert(1)> and <script>' }],
      },
    ]);
  });

  it('reads every heading of the shipped documents', () => {
    for (const [file, first] of [
      ['methodology.md', 'Methodology of the figures'],
      ['threat-model.md', 'Threat model'],
      ['getting-started.md', 'Getting started'],
      ['getting-started.be.md', 'Першыя крокі'],
      ['getting-started.ru.md', 'Первые шаги'],
    ] as const) {
      const source = readFileSync(path.join(__dirname, '../../docs', file), 'utf8');
      const headings = parseMarkdown(source).filter((block) => block.kind === 'heading');
      expect(headings.length).toBe(
        source.split('\n').filter((line) => /^#{1,6} /.test(line)).length,
      );
      expect(headings[0]?.kind === 'heading' && text(headings[0].children)).toBe(first);
    }
  });

  it('keeps each translation of the guide to the sections of the English one', () => {
    const outline = (file: string) =>
      readFileSync(path.join(__dirname, '../../docs', file), 'utf8')
        .split('\n')
        .filter((line) => /^#{1,6} /.test(line))
        .map((line) => line.replace(/^(#+ \d*).*$/, '$1'));
    const english = outline('getting-started.md');
    expect(english.length).toBeGreaterThan(5);
    expect(outline('getting-started.be.md')).toEqual(english);
    expect(outline('getting-started.ru.md')).toEqual(english);
  });
});

describe('parseInline', () => {
  it('reads code, bold, italics and links, the earliest first', () => {
    expect(parseInline('a `x*y*` **b _c_** *d* [e](f.md) g_h_i')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'code', text: 'x*y*' },
      { kind: 'text', text: ' ' },
      {
        kind: 'strong',
        children: [
          { kind: 'text', text: 'b ' },
          { kind: 'em', children: [{ kind: 'text', text: 'c' }] },
        ],
      },
      { kind: 'text', text: ' ' },
      { kind: 'em', children: [{ kind: 'text', text: 'd' }] },
      { kind: 'text', text: ' ' },
      { kind: 'link', href: 'f.md', children: [{ kind: 'text', text: 'e' }] },
      { kind: 'text', text: ' g_h_i' },
    ]);
  });
});
