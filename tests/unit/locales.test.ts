import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every interface string is looked up by key, and a key missing from a translation silently shows
// English (or the bare key) to a Belarusian or Russian user. These checks make each gap a failing
// test instead: missing or extra keys, placeholders that differ, and plural families without the
// forms the language's plural rules need.

const LOCALES_DIR = path.resolve(__dirname, '../../resources/locales');
const TRANSLATIONS = ['be', 'ru'] as const;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Strings = Map<string, string>;

function flatten(value: unknown, prefix: string, into: Strings): Strings {
  if (typeof value === 'string') {
    into.set(prefix, value);
  } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) {
      flatten(inner, prefix ? `${prefix}.${key}` : key, into);
    }
  } else {
    into.set(prefix, `<not a string: ${JSON.stringify(value)}>`);
  }
  return into;
}

function load(lang: string): Strings {
  const file = path.join(LOCALES_DIR, lang, 'translation.json');
  return flatten(JSON.parse(readFileSync(file, 'utf8')) as unknown, '', new Map());
}

/** The family a plural key belongs to (`a.b_one` → `a.b`) and its form, or null for a plain key. */
function pluralOf(key: string): { family: string; form: string } | null {
  const match = PLURAL_SUFFIX.exec(key);
  return match ? { family: key.slice(0, match.index), form: match[1] ?? '' } : null;
}

/** `{{name}}` placeholders and `<tag>` markup: what a translation must carry over unchanged. */
function tokens(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^}\s]+)\s*\}\}|<\/?([a-z0-9]+)>/gi)]
    .map((m) => (m[1] !== undefined ? `{{${m[1]}}}` : m[0]))
    .sort();
}

interface Families {
  plain: Strings;
  /** family → form → text */
  plural: Map<string, Map<string, string>>;
}

function split(strings: Strings): Families {
  const plain: Strings = new Map();
  const plural = new Map<string, Map<string, string>>();
  for (const [key, text] of strings) {
    const p = pluralOf(key);
    if (!p) {
      plain.set(key, text);
      continue;
    }
    const forms = plural.get(p.family) ?? new Map<string, string>();
    forms.set(p.form, text);
    plural.set(p.family, forms);
  }
  return { plain, plural };
}

function pluralForms(lang: string): string[] {
  return new Intl.PluralRules(lang).resolvedOptions().pluralCategories.slice().sort();
}

/** The placeholders a plural family uses across its forms; `count` is always passed. */
function familyTokens(forms: Map<string, string>): string[] {
  const all = new Set([...forms.values()].flatMap(tokens));
  all.delete('{{count}}');
  return [...all].sort();
}

/** Every way a translation differs from English, one sentence each, so a failure lists them all. */
function compare(english: Strings, translated: Strings, lang: string): string[] {
  const en = split(english);
  const tr = split(translated);
  const problems: string[] = [];
  for (const [key, text] of en.plain) {
    const other = tr.plain.get(key);
    if (other === undefined) problems.push(`missing: ${key}`);
    else if (tokens(other).join() !== tokens(text).join())
      problems.push(
        `placeholders differ: ${key} (${tokens(other).join()} vs ${tokens(text).join()})`,
      );
  }
  for (const key of tr.plain.keys()) {
    if (!en.plain.has(key)) problems.push(`not in English: ${key}`);
  }
  const needed = pluralForms(lang);
  for (const [family, enForms] of en.plural) {
    const forms = tr.plural.get(family);
    if (!forms) {
      problems.push(`missing plural: ${family}`);
      continue;
    }
    // `_zero` is an optional extra form i18next uses for 0 when English has written one.
    const want = enForms.has('zero') ? [...needed, 'zero'] : needed;
    for (const form of want) {
      if (!forms.has(form)) problems.push(`missing plural form: ${family}_${form}`);
    }
    for (const form of forms.keys()) {
      if (!want.includes(form))
        problems.push(`plural form ${lang} does not use: ${family}_${form}`);
    }
    const enTokens = familyTokens(enForms);
    if (familyTokens(forms).join() !== enTokens.join())
      problems.push(
        `placeholders differ: ${family}_* (${familyTokens(forms).join()} vs ${enTokens.join()})`,
      );
    for (const [form, text] of forms) {
      const stray = tokens(text).filter((t) => t !== '{{count}}' && !enTokens.includes(t));
      if (stray.length > 0)
        problems.push(`unknown placeholder in ${family}_${form}: ${stray.join()}`);
    }
  }
  for (const family of tr.plural.keys()) {
    if (!en.plural.has(family)) problems.push(`plural not in English: ${family}`);
  }
  return problems;
}

describe('locale files', () => {
  const english = load('en');

  it('English writes each plural family with exactly its own forms', () => {
    expect(pluralForms('en')).toEqual(['one', 'other']);
    expect(compare(english, english, 'en')).toEqual([]);
  });

  it('Russian and Belarusian need four plural forms', () => {
    expect(pluralForms('ru')).toEqual(['few', 'many', 'one', 'other']);
    expect(pluralForms('be')).toEqual(['few', 'many', 'one', 'other']);
  });

  for (const lang of TRANSLATIONS) {
    it(`${lang} has every English key, no others, the same placeholders and all plural forms`, () => {
      expect(existsSync(path.join(LOCALES_DIR, lang, 'translation.json'))).toBe(true);
      expect(compare(english, load(lang), lang)).toEqual([]);
    });
  }

  it('reports a missing key, an extra key, a changed placeholder and a missing plural form', () => {
    const en: Strings = new Map([
      ['a.title', 'Hello {{name}}'],
      ['a.hint', 'A hint'],
      ['a.rows_one', 'One row'],
      ['a.rows_other', '{{count}} rows'],
    ]);
    const broken: Strings = new Map([
      ['a.title', 'Привет {{имя}}'],
      ['a.extra', 'лишний'],
      ['a.rows_one', '{{count}} строка'],
      ['a.rows_few', '{{count}} строки'],
      ['a.rows_other', '{{count}} строки'],
      ['a.gone', 'x'],
    ]);
    expect(compare(en, broken, 'ru')).toEqual([
      'placeholders differ: a.title ({{имя}} vs {{name}})',
      'missing: a.hint',
      'not in English: a.extra',
      'not in English: a.gone',
      'missing plural form: a.rows_many',
    ]);
    expect(
      compare(
        en,
        new Map([
          ['a.title', 'Привет {{name}}'],
          ['a.hint', 'Подсказка'],
        ]),
        'ru',
      ),
    ).toEqual(['missing plural: a.rows']);
  });
});
