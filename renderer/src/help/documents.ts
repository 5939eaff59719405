/// <reference types="vite/client" />
import type { HelpSection } from '../../../core/api/help';

// The docs reach the page as text inside the Help view's own bundle: the content policy allows
// no fetch, and they are the same files as in docs/, so they cannot drift from what the
// repository says. Vite reads them at build time; the renderer imports no code from outside its
// layer (docs/architecture.md).
const files = import.meta.glob<string>(
  [
    '../../../docs/getting-started.md',
    '../../../docs/methodology.md',
    '../../../docs/threat-model.md',
  ],
  { query: '?raw', import: 'default', eager: true },
);

const FILE_OF: Record<Exclude<HelpSection, 'about'>, string> = {
  gettingStarted: '../../../docs/getting-started.md',
  methodology: '../../../docs/methodology.md',
  threatModel: '../../../docs/threat-model.md',
};

export type DocumentSection = keyof typeof FILE_OF;

export function helpDocument(section: DocumentSection): string {
  return files[FILE_OF[section]] ?? '';
}
