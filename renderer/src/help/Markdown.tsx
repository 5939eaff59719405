import type { ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from './markdown';

interface Props {
  source: string;
  /** The level a document's `#` heading gets, below the view's own title. */
  topLevel: number;
}

function inlines(nodes: readonly Inline[]): ReactNode[] {
  return nodes.map((node, index) => {
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'code':
        return <code key={index}>{node.text}</code>;
      case 'strong':
        return <strong key={index}>{inlines(node.children)}</strong>;
      case 'em':
        return <em key={index}>{inlines(node.children)}</em>;
      case 'link':
        // Text only: Vigil opens no page, and a link to another doc names it in the text.
        return <span key={index}>{inlines(node.children)}</span>;
    }
  });
}

function heading(level: number, children: ReactNode, key: number): ReactNode {
  switch (Math.min(level, 6)) {
    case 1:
      return <h1 key={key}>{children}</h1>;
    case 2:
      return <h2 key={key}>{children}</h2>;
    case 3:
      return <h3 key={key}>{children}</h3>;
    case 4:
      return <h4 key={key}>{children}</h4>;
    case 5:
      return <h5 key={key}>{children}</h5>;
    default:
      return <h6 key={key}>{children}</h6>;
  }
}

function block(node: Block, key: number, topLevel: number): ReactNode {
  switch (node.kind) {
    case 'heading':
      return heading(node.level - 1 + topLevel, inlines(node.children), key);
    case 'paragraph':
      return <p key={key}>{inlines(node.children)}</p>;
    case 'code':
      return (
        <pre key={key}>
          <code>{node.text}</code>
        </pre>
      );
    case 'list': {
      const items = node.items.map((item, index) => <li key={index}>{inlines(item)}</li>);
      return node.ordered ? (
        <ol key={key} start={node.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case 'table':
      return (
        <div key={key} className="help-table">
          <table>
            <thead>
              <tr>
                {node.header.map((cell, index) => (
                  <th key={index} scope="col">
                    {inlines(cell)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {node.rows.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {row.map((cell, index) => (
                    <td key={index}>{inlines(cell)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

/** A document from docs/, as React elements: React escapes every character of it. */
export function Markdown({ source, topLevel }: Props) {
  return <>{parseMarkdown(source).map((node, index) => block(node, index, topLevel))}</>;
}
