import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Route } from 'playwright-core';
import type { PathPicker, PickRequest } from '../core/host/pathGrants';
import be from '../resources/locales/be/translation.json';
import en from '../resources/locales/en/translation.json';
import ru from '../resources/locales/ru/translation.json';

/**
 * The origin of the host's file and folder browser: another origin than the app's, in a page
 * of its own that the host opens, so the renderer can neither script it nor read what it lists.
 */
export const PICKER_ORIGIN = 'https://picker.vigil';

/** No script at all: the page is a plain form, and the host reads its choice from the request. */
const PICKER_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  `form-action ${PICKER_ORIGIN}`,
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The page's words, in the interface language the request names. */
const TEXT = { en: en.pickers.page, be: be.pickers.page, ru: ru.pickers.page };
type PageText = (typeof TEXT)['en'];

type Answer = (chosen: string | null) => void;

interface Listing {
  state: 'ok' | 'missing' | 'unreadable';
  folders: string[];
  files: string[];
}

/**
 * The browser host's picker: a page at PICKER_ORIGIN listing a folder's folders (and files, when
 * a file is wanted), with a field for a folder to go to, a name to type (a new file or folder
 * when saving) and Cancel. Closing the page cancels too. A second request cancels the first.
 * The app page is brought back to the front once the choice is made.
 */
export function browserPicker(context: BrowserContext, appPage: () => Page | null): PathPicker {
  let open: { page: Page; answer: Answer } | null = null;
  return async (request) => {
    open?.answer(null);
    const page = await context.newPage();
    return new Promise<string | null>((resolve) => {
      let settled = false;
      const answer: Answer = (chosen) => {
        if (settled) return;
        settled = true;
        if (open?.page === page) open = null;
        resolve(chosen);
        void page.close().catch(() => undefined);
        void appPage()
          ?.bringToFront()
          .catch(() => undefined);
      };
      open = { page, answer };
      page.on('close', () => answer(null));
      void page
        .route('**/*', (route) => respond(route, request, answer))
        .then(() => page.goto(listUrl(startFolder())))
        .catch(() => answer(null));
    });
  };
}

function startFolder(): string {
  return os.homedir();
}

function listUrl(folder: string, problem?: string): string {
  const url = new URL('/list', PICKER_ORIGIN);
  url.searchParams.set('dir', folder);
  if (problem) url.searchParams.set('problem', problem);
  return url.toString();
}

async function respond(route: Route, request: PickRequest, answer: Answer): Promise<void> {
  const url = new URL(route.request().url());
  if (url.origin !== PICKER_ORIGIN) {
    await route.abort('blockedbyclient');
    return;
  }
  const folder = path.resolve(url.searchParams.get('dir') || startFolder());
  if (url.pathname === '/cancel') {
    await route.fulfill({ status: 204, body: '' });
    answer(null);
    return;
  }
  if (url.pathname === '/choose') {
    const name = (url.searchParams.get('name') ?? '').trim();
    const outcome = await choice(folder, name, request);
    if (path.isAbsolute(outcome)) {
      await route.fulfill({ status: 204, body: '' });
      answer(outcome);
      return;
    }
    await route.fulfill({ status: 303, headers: { Location: listUrl(folder, outcome) } });
    return;
  }
  const problem = url.searchParams.get('problem') ?? undefined;
  const body = page(request, folder, await list(folder), problem);
  await route.fulfill({
    status: 200,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': PICKER_POLICY,
      'Cache-Control': 'no-store',
    },
    body,
  });
}

type Problem = Exclude<keyof PageText, 'titles'>;

/** The path chosen (absolute), or the key of what is wrong with the choice. */
async function choice(folder: string, name: string, request: PickRequest): Promise<string> {
  if (/[/\\]/.test(name) || name === '.' || name === '..') return 'badName' satisfies Problem;
  if (request.kind === 'file' && name === '') return 'needName' satisfies Problem;
  const chosen = name === '' ? folder : path.join(folder, name);
  const stat = await fs.stat(chosen).catch(() => null);
  if (request.mode === 'read') {
    if (!stat) return 'notFound' satisfies Problem;
    if (request.kind === 'file' && !stat.isFile()) return 'wrongKind' satisfies Problem;
  }
  if (request.kind === 'folder' && stat && !stat.isDirectory())
    return 'notAFolder' satisfies Problem;
  if (request.kind === 'file' && stat?.isDirectory()) return 'wrongKind' satisfies Problem;
  return chosen;
}

async function list(folder: string): Promise<Listing> {
  try {
    const entries = await fs.readdir(folder, { withFileTypes: true });
    const visible = entries.filter((entry) => !entry.name.startsWith('.'));
    const byName = (a: string, b: string) => a.localeCompare(b);
    return {
      state: 'ok',
      folders: visible
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort(byName),
      files: visible
        .filter((e) => e.isFile())
        .map((e) => e.name)
        .sort(byName),
    };
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    return { state: missing ? 'missing' : 'unreadable', folders: [], files: [] };
  }
}

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function isProblem(key: string | undefined): key is Problem {
  return (
    key !== undefined && key !== 'titles' && Object.prototype.hasOwnProperty.call(TEXT.en, key)
  );
}

function page(request: PickRequest, folder: string, listing: Listing, problem?: string): string {
  const text: PageText = TEXT[request.language];
  const title = escape(text.titles[request.purpose]);
  const wantsFiles = request.kind === 'file';
  const parent = path.dirname(folder);
  const fileLink = (name: string) =>
    `<li><a href="${escape(chooseUrl(folder, name))}">${escape(name)}</a></li>`;
  const folderLink = (name: string) =>
    `<li><a href="${escape(listUrl(path.join(folder, name)))}">${escape(name)}/</a></li>`;
  const entries = [
    ...listing.folders.map(folderLink),
    ...(wantsFiles ? listing.files.map(fileLink) : []),
  ];
  const note =
    listing.state === 'missing'
      ? text.missing
      : listing.state === 'unreadable'
        ? text.unreadable
        : entries.length === 0
          ? text.empty
          : null;
  const hint = wantsFiles ? text.nameHintFile : text.nameHintFolder;
  const suggested = request.suggestedName ?? '';
  return `<!doctype html>
<html lang="${request.language}"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px system-ui,sans-serif;margin:2rem;max-width:48rem}li{margin:.2rem 0}
label{display:block;font-weight:600;margin-top:1rem}input{font:inherit;width:100%}
.alert{color:#a40000;font-weight:600}.actions{margin-top:1rem;display:flex;gap:1rem}</style>
</head><body><main aria-labelledby="title">
<h1 id="title">${title}</h1>
${isProblem(problem) ? `<p role="alert" class="alert">${escape(text[problem])}</p>` : ''}
<form action="/list" method="get" aria-label="${escape(text.location)}">
<label for="dir">${escape(text.location)}</label>
<input id="dir" name="dir" value="${escape(folder)}" spellcheck="false">
<div class="actions"><button type="submit">${escape(text.go)}</button>
<a href="${escape(listUrl(parent))}">${escape(text.up)}</a></div></form>
<section aria-labelledby="entries"><h2 id="entries">${escape(text.entries)}</h2>
${note ? `<p>${escape(note)}</p>` : ''}<ul>${entries.join('')}</ul></section>
<form action="/choose" method="get" aria-label="${escape(text.choose)}">
<input type="hidden" name="dir" value="${escape(folder)}">
<label for="name">${escape(text.name)}</label>
<p id="name-hint">${escape(hint)}</p>
<input id="name" name="name" value="${escape(suggested)}" aria-describedby="name-hint" spellcheck="false">
<div class="actions"><button type="submit">${escape(text.choose)}</button></div></form>
<form action="/cancel" method="get"><button type="submit">${escape(text.cancel)}</button></form>
</main></body></html>`;
}

function chooseUrl(folder: string, name: string): string {
  const url = new URL('/choose', PICKER_ORIGIN);
  url.searchParams.set('dir', folder);
  url.searchParams.set('name', name);
  return url.toString();
}
