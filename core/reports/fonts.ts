import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors';

/**
 * The report font, Noto Sans (SIL Open Font License), from @fontsource/noto-sans: the subsets
 * that cover English, Belarusian (і, ў) and Russian text, the Latin letters of romanised names
 * (ł, ŭ, š), digits and typographic punctuation, in both weights the stylesheet uses. A PDF
 * must embed these and nothing else: where a glyph is missing, Chromium silently embeds a
 * system font, so every letter a report can hold must be in a subset listed here.
 */
const SUBSETS = ['latin', 'latin-ext', 'cyrillic'] as const;
const WEIGHTS = [400, 700] as const;

/** The package folder as installed, or as the build copies it beside the core (dist/fonts). */
export function defaultFontDir(): string {
  return path.join(process.cwd(), 'node_modules', '@fontsource', 'noto-sans');
}

/** One `@font-face` rule, the font file inline: the print window fetches nothing. */
interface FontFace {
  subset: string;
  weight: number;
  unicodeRange: string;
  woff2: Buffer;
}

let cache: { dir: string; faces: Promise<FontFace[]> } | null = null;

/** The font faces, read once per folder; REPORT_FONT_FAILED if any is missing or unreadable. */
export function loadFontFaces(dir: string): Promise<FontFace[]> {
  if (cache?.dir !== dir) {
    const faces = readFaces(dir);
    cache = { dir, faces };
    // A failed read is not remembered: the next report tries again.
    faces.catch(() => {
      if (cache?.faces === faces) cache = null;
    });
  }
  return cache.faces;
}

async function readFaces(dir: string): Promise<FontFace[]> {
  try {
    const faces: FontFace[] = [];
    for (const weight of WEIGHTS) {
      const css = await fs.readFile(path.join(dir, `${weight}.css`), 'utf8');
      for (const subset of SUBSETS) {
        const name = `noto-sans-${subset}-${weight}-normal`;
        const block = new RegExp(`/\\* ${name} \\*/[^}]*unicode-range:\\s*([^;]+);`).exec(css);
        if (!block?.[1]) throw new Error(`no @font-face for ${name}`);
        const woff2 = await fs.readFile(path.join(dir, 'files', `${name}.woff2`));
        faces.push({ subset, weight, unicodeRange: block[1].trim(), woff2 });
      }
    }
    return faces;
  } catch {
    throw new ApiError('REPORT_FONT_FAILED', 'The report font could not be read');
  }
}

/** The `@font-face` rules of the faces, for the document and for its header and footer. */
export function fontFaceCss(faces: FontFace[], weights: readonly number[] = WEIGHTS): string {
  return faces
    .filter((face) => weights.includes(face.weight))
    .map(
      (face) =>
        `@font-face { font-family: 'Noto Sans'; font-style: normal; font-weight: ${face.weight}; ` +
        `src: url(data:font/woff2;base64,${face.woff2.toString('base64')}) format('woff2'); ` +
        `unicode-range: ${face.unicodeRange}; }`,
    )
    .join('\n');
}
