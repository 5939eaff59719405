/// <reference types="vite/client" />
import type { HelpSection } from '../../../core/api/help';
import type { Language } from '../../../core/api/schemas';

// The docs reach the page as text inside the Help view's own bundle: the content policy allows
// no fetch, and they are the same files as in docs/, so they cannot drift from what the
// repository says. Vite reads them at build time; the renderer imports no code from outside its
// layer (docs/architecture.md).
const files = import.meta.glob<string>(
  [
    '../../../docs/getting-started.md',
    '../../../docs/getting-started.be.md',
    '../../../docs/getting-started.ru.md',
    '../../../docs/methodology.md',
    '../../../docs/threat-model.md',
  ],
  { query: '?raw', import: 'default', eager: true },
);

/** Each document's file, by name without `.md`; a translation is `name.<language>.md`. */
const NAME_OF: Record<Exclude<HelpSection, 'about'>, string> = {
  gettingStarted: 'getting-started',
  methodology: 'methodology',
  threatModel: 'threat-model',
};

export type DocumentSection = keyof typeof NAME_OF;

export interface HelpDocument {
  source: string;
  /** The language it is written in: the interface's when translated, else English. */
  language: Language;
}

/**
 * A Help document in the interface language where it has been translated; the methodology and
 * the threat model are the project's reference texts and stay in English.
 */
export function helpDocument(section: DocumentSection, language: Language): HelpDocument {
  const name = NAME_OF[section];
  const translated = language === 'en' ? undefined : files[`../../../docs/${name}.${language}.md`];
  if (translated) return { source: translated, language };
  return { source: files[`../../../docs/${name}.md`] ?? '', language: 'en' };
}
