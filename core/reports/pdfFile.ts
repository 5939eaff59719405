import { ApiError } from '../api/errors';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/**
 * The PDF's Creator and Producer, rewritten to "Vigil": Chromium writes its user agent
 * ("… HeadlessChrome/150 …") and its PDF library there, which say what made the file and on
 * which system. Each string is replaced in place by one of the same length (the new text, then
 * spaces outside the parentheses, which PDF syntax ignores), so every byte offset of the file's
 * cross-reference table stays true.
 */
export function neutralPdfInfo(pdf: Uint8Array): Uint8Array {
  const text = latin1(pdf);
  const out = Buffer.from(pdf);
  for (const key of ['/Creator', '/Producer']) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(`${key} (`, from);
      if (at < 0) break;
      const open = at + key.length + 1;
      const close = closingParen(text, open);
      const replacement = '(Vigil)'.padEnd(close + 1 - open, ' ');
      if (replacement.length === close + 1 - open) out.write(replacement, open, 'latin1');
      from = close + 1;
    }
  }
  return out;
}

/** The index of the `)` that ends the PDF literal string opening at `open`. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  throw new ApiError('PRINT_FAILED', 'The PDF has an unterminated string');
}

/** The page count of a PDF as Chromium writes it: the root page tree's /Count. */
export function pdfPageCount(pdf: Uint8Array): number {
  const text = latin1(pdf);
  if (!text.startsWith('%PDF-')) throw new ApiError('PRINT_FAILED', 'The engine made no PDF');
  const pages = [...text.matchAll(/\/Type\s*\/Page(?![s\w])/g)].length;
  if (pages === 0) throw new ApiError('PRINT_FAILED', 'The PDF has no pages');
  return pages;
}
