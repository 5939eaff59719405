/**
 * The sections of the in-app Help view, and how the native Help menu opens one. Main sends the
 * section over HELP_CHANNEL; the preload checks it and fires a plain DOM event named for it, so
 * the page learns which section to show without being handed any Electron object.
 */
export const HELP_SECTIONS = ['gettingStarted', 'methodology', 'threatModel', 'about'] as const;

export type HelpSection = (typeof HELP_SECTIONS)[number];

/** Main to preload: open the Help view at a section. */
export const HELP_CHANNEL = 'vigil:help';

export function isHelpSection(value: unknown): value is HelpSection {
  return (HELP_SECTIONS as readonly unknown[]).includes(value);
}

/** The DOM event on `window` that opens a section; one name per section, so no payload. */
export function helpEventName(section: HelpSection): string {
  return `vigil:help:${section}`;
}
