import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFINITION_KEYS, DEFINITIONS } from '../../core/api/figureDefinitions';
import type { Figure, FigureFilters } from '../../core/api/figures';
import { FiguresReportParams, type Audience, type ReportLanguage } from '../../core/api/reports';
import type { ReadDb } from '../../core/db/handle';
import { loadDemoData } from '../../core/demo/load';
import { pseudonymCode } from '../../core/disclosure';
import { reportFigures } from '../../core/reports/figureSet';
import { DEFINITION_TEXT } from '../../core/reports/figures/definitions';
import { buildFiguresReport } from '../../core/reports/figures/report';
import { translator } from '../../core/reports/strings';
import type { BuiltReport } from '../../core/reports/types';
import { reportContext } from '../helpers/reportContext';
import { coreWithVault, type TestCore } from '../helpers/session';

/**
 * The figures report on demo data. Its numbers are checked against the figure methods as the
 * dashboard calls them, through the contract; plural forms, month names and numbers against
 * Node's full ICU, which Chromium lacks for Belarusian and our code does not use.
 */

const AS_OF = '2024-11-15';
/** The dashboard's window: whole years. */
const WINDOW = { releasesFrom: '2019', releasesTo: '2024' } as const;
const LOCALE = { en: 'en-GB', be: 'be', ru: 'ru' } as const;

let root: string;
let core: TestCore;
let db: ReadDb;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'vigil-test-'));
  core = await coreWithVault(root);
  await loadDemoData(core.session, 500, 1);
  db = (await core.session.readVault()).db;
}, 120_000);

afterAll(async () => {
  await core.session.lock();
  rmSync(root, { recursive: true, force: true });
});

function build(
  language: ReportLanguage,
  params: Partial<FiguresReportParams> = {},
  audience: Audience = 'publish',
): BuiltReport {
  const parsed = FiguresReportParams.parse({ asOf: AS_OF, ...WINDOW, ...params });
  return buildFiguresReport(parsed, reportContext(db, language, audience));
}

/** The body as a reader sees it: tags gone, entities decoded, spaces collapsed. */
function text(html: string): string {
  return html
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

function number(language: ReportLanguage, n: number): string {
  return new Intl.NumberFormat(LOCALE[language]).format(n);
}

/** A table of the body as rows of cell texts, found by the text of its first header cell. */
function htmlTable(body: string, firstHeader: string): string[][] {
  const tables = body.match(/<table[\s\S]*?<\/table>/g) ?? [];
  const found = tables.find((t) => text(t).trim().startsWith(firstHeader));
  if (!found) throw new Error(`no table headed ${firstHeader}`);
  return [...found.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => text(cell[1]!).trim()),
  );
}

function sheet(report: BuiltReport, name: string): string[][] {
  const found = report.tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found.rows;
}

const row = (figure: Figure) => [
  String(figure.value),
  String(figure.upperBound),
  String(figure.unplaced.count),
];

async function dashboard(filters?: FigureFilters) {
  const window = { from: WINDOW.releasesFrom, to: WINDOW.releasesTo };
  return {
    inCustody: await core.call('figureInCustody', { asOf: AS_OF, filters }),
    atRisk: await core.call('figureAtRisk', { asOf: AS_OF, filters }),
    releases: await core.call('figureReleases', { ...window, groupBy: 'year', filters }),
    share: await core.call('figureEarlyReleaseShare', { since: window.from, asOf: AS_OF, filters }),
    rearrests: await core.call('figureRearrests', { ...window, filters }),
  };
}

describe('the figures report', () => {
  it('shows the dashboard’s numbers for the same date, window and filters', async () => {
    for (const filters of [undefined, { region: 'minsk_city' }]) {
      const expected = await dashboard(filters);
      const report = build('en', { filters });
      const body = text(report.body);
      const n = (value: number) => number('en', value);
      const { inCustody, atRisk, releases, share, rearrests } = expected;
      expect(inCustody.value).toBeGreaterThan(0);
      expect(body).toContain(`At least ${n(inCustody.value)} political prisoners in custody`);
      if (inCustody.upperBound > inCustody.value)
        expect(body).toContain(`Possibly up to ${n(inCustody.upperBound)}:`);
      expect(body).toContain(
        `At least ${n(atRisk.total.value)} political prisoners at special risk`,
      );
      expect(body).toContain(`At least ${n(releases.total.value)} releases from 2019 to 2024`);
      expect(body).toContain(`At least ${n(releases.early.value)} early releases from 2019`);
      expect(body).toContain(`At least ${n(rearrests.value)} persons re-arrested from 2019`);
      if (releases.total.unplaced.count > 0)
        expect(body).toContain(`${n(releases.total.unplaced.count)} record`);
      const percent = new Intl.NumberFormat('en-GB', {
        style: 'percent',
        maximumFractionDigits: 1,
      }).format(share.ratio!);
      expect(body).toContain(
        `${percent} of those convicted on political grounds since 2019 were released early (${n(share.numerator.value)} of ${n(share.denominator.value)})`,
      );

      // Per category, with the distinct total and the overlap stated.
      const categories = htmlTable(report.body, 'Category').slice(1);
      expect(categories).toHaveLength(atRisk.categories.length + 1);
      const labels = reportContext(db, 'en');
      for (const c of atRisk.categories)
        expect(categories).toContainEqual([
          labels.label('risk_category', c.category),
          n(c.figure.value),
          n(c.figure.upperBound),
          n(c.figure.unplaced.count),
        ]);
      const sum = atRisk.categories.reduce((s, c) => s + c.figure.value, 0);
      expect(body).toContain(
        `the categories add up to ${n(sum)}, the distinct total is ${n(atRisk.total.value)}`,
      );
      expect(categories.at(-1)).toEqual([
        'Any category (each person once)',
        n(atRisk.total.value),
        n(atRisk.total.upperBound),
        n(atRisk.total.unplaced.count),
      ]);

      // The spreadsheet tables hold the same numbers.
      const figures = sheet(report, 'Figures');
      expect(figures[0]).toEqual(['Figure', 'At least', 'Up to', 'No usable date']);
      expect(figures.slice(1, 6).map((r) => r.slice(1))).toEqual(
        [inCustody, atRisk.total, releases.total, releases.early, rearrests].map(row),
      );
      const risk = sheet(report, 'At special risk');
      expect(
        risk
          .slice(1, -1)
          .map((r) => r.slice(1))
          .sort(),
      ).toEqual(atRisk.categories.map((c) => row(c.figure)).sort());
      const byYear = sheet(report, 'Releases');
      const upTo = sheet(report, 'Releases (up to)');
      const header = byYear[0]!;
      for (const cell of releases.cells) {
        const label = labels.label('release_type', cell.releaseType);
        const column = header.indexOf(label);
        const line = byYear.findIndex((r) => r[0] === cell.period);
        expect(byYear[line]![column]).toBe(String(cell.figure.value));
        expect(upTo[line]![column]).toBe(String(cell.figure.upperBound));
      }
      const totals = byYear.slice(1).map((r) => Number(r.at(-1)));
      expect(totals.reduce((a, b) => a + b, 0)).toBe(releases.total.value);

      // A figure snapshot of the same report records the same numbers.
      const recorded = new Map(
        reportFigures(db, FiguresReportParams.parse({ asOf: AS_OF, ...WINDOW, filters })).map(
          (f) => [f.key, f.value],
        ),
      );
      expect(recorded.get('in_custody')).toBe(inCustody.value);
      expect(recorded.get('releases.total')).toBe(releases.total.value);

      if (filters) expect(report.subtitle).toContain('region Minsk (city)');
      else expect(body).toContain('Filters: none');
    }
  });

  it('names the release window as given: both ends, a start only, or none', () => {
    expect(build('en').subtitle).toBe('As of 15 November 2024 · releases from 2019 to 2024');
    expect(build('en', { releasesTo: undefined }).subtitle).toBe(
      'As of 15 November 2024 · releases since 2019',
    );
    expect(build('ru', { releasesFrom: undefined, releasesTo: undefined }).subtitle).toBe(
      'По состоянию на 15 ноября 2024 г. · освобождения за всё время',
    );
    // A month is its first or last day: after "from" a month name takes the genitive.
    expect(build('be', { releasesFrom: '2022-03', releasesTo: '2024-02' }).subtitle).toBe(
      'Па стане на 15 лістапада 2024 г. · вызваленні з 1 сакавіка 2022 г. па 29 лютага 2024 г.',
    );
    expect(build('ru', { releasesFrom: '2022-03' }).subtitle).toBe(
      'По состоянию на 15 ноября 2024 г. · освобождения с 1 марта 2022 г. по 2024',
    );
  });

  it('writes Belarusian and Russian counts in their plural forms, and their month names', async () => {
    const be = translator('figures', 'be');
    const ru = translator('figures', 'ru');
    const forms = (t: typeof be, counts: number[]) =>
      counts.map((count) => t('inCustody', { count, number: String(count) }));
    expect(forms(be, [1, 2, 5, 11, 21, 22])).toEqual([
      'Не менш як 1 палітвязень пад вартай',
      'Не менш як 2 палітвязні пад вартай',
      'Не менш як 5 палітвязняў пад вартай',
      'Не менш як 11 палітвязняў пад вартай',
      'Не менш як 21 палітвязень пад вартай',
      'Не менш як 22 палітвязні пад вартай',
    ]);
    expect(forms(ru, [1, 2, 5, 21])).toEqual([
      'По меньшей мере 1 политзаключённый под стражей',
      'По меньшей мере 2 политзаключённых под стражей',
      'По меньшей мере 5 политзаключённых под стражей',
      'По меньшей мере 21 политзаключённый под стражей',
    ]);

    const { inCustody, atRisk } = await dashboard();
    const nouns = {
      be: { one: 'палітвязень', few: 'палітвязні', many: 'палітвязняў' },
      ru: { one: 'политзаключённый', few: 'политзаключённых', many: 'политзаключённых' },
    } as const;
    const lead = { be: 'Не менш як', ru: 'По меньшей мере' };
    const date = new Date(Date.UTC(2024, 10, 15));
    for (const language of ['be', 'ru'] as const) {
      const report = build(language);
      const body = text(report.body);
      const noun = (n: number) =>
        nouns[language][new Intl.PluralRules(LOCALE[language]).select(n) as 'one' | 'few' | 'many'];
      for (const figure of [inCustody, atRisk.total]) {
        const n = figure.value;
        expect(body).toContain(`${lead[language]} ${number(language, n)} ${noun(n)}`);
      }
      const day = new Intl.DateTimeFormat(LOCALE[language], {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(date);
      expect(report.subtitle).toContain(day);
      // The window's start, known to the month, in the headlines of releases.
      const start = new Intl.DateTimeFormat(LOCALE[language], {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(Date.UTC(2021, 8, 1)));
      expect(text(build(language, { releasesFrom: '2021-09' }).body)).toContain(start);
    }
    expect(build('be').subtitle).toContain('15 лістапада 2024 г.');
    expect(build('ru').subtitle).toContain('15 ноября 2024 г.');
  });

  it('draws releases as a fixed-size SVG with one stacked bar per year and nothing to run', async () => {
    const { releases } = await dashboard();
    const report = build('en');
    const svgs = report.body.match(/<svg[^>]*>/g) ?? [];
    const chart = report.body.match(/<svg[^>]*role="img"[^>]*>[\s\S]*?<\/svg>/)?.[0] ?? '';
    expect(chart).toMatch(/^<svg[^>]* width="\d+" height="\d+" viewBox="0 0 \d+ \d+"/);
    expect(svgs.length).toBeGreaterThan(1); // the chart and its legend's swatches
    for (const svg of svgs) expect(svg).toMatch(/ width="\d+" height="\d+"/);
    expect(chart).not.toMatch(/<animate|<set|<script|\son\w+=|style=/i);

    const years = [...chart.matchAll(/<g data-year="(\d{4})">([\s\S]*?)<\/g>/g)];
    const yearRows = sheet(report, 'Releases').slice(1);
    expect(years.map((y) => y[1])).toEqual(yearRows.map((r) => r[0]));
    expect(years.map((y) => Number(y[1]))).toEqual(
      years.map((_, i) => Number(years[0]![1]) + i), // every year, gaps included
    );
    // Each bar's segments name their type and count, and add up to the year's releases.
    for (const [, year, bar] of years) {
      const counts = [...bar!.matchAll(/<title>[^<]*, \d{4}: ([\d,]+)<\/title>/g)].map((m) =>
        Number(m[1]!.replace(/,/g, '')),
      );
      const certain = releases.cells
        .filter((c) => c.period === year)
        .reduce((s, c) => s + c.figure.value, 0);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(certain);
    }
    // The legend names every type the chart stacks.
    const legend = text(report.body.match(/<ul class="figures-legend">[\s\S]*?<\/ul>/)![0]);
    for (const type of new Set(releases.cells.map((c) => c.releaseType)))
      expect(legend).toContain(reportContext(db, 'en').label('release_type', type));
  });

  it('gives each figure’s definition, in Belarusian and Russian for every definition key', () => {
    for (const language of ['be', 'ru'] as const) {
      const texts = DEFINITION_TEXT[language];
      expect(Object.keys(texts).sort()).toEqual([...DEFINITION_KEYS].sort());
      for (const key of DEFINITION_KEYS) {
        expect(texts[key].trim().length, `${language} ${key}`).toBeGreaterThan(20);
        expect(texts[key]).not.toBe(DEFINITIONS[key]);
        expect(texts[key], `${language} ${key}`).toMatch(/[а-яёіў]/);
      }
    }
    expect(DEFINITION_TEXT.en).toBe(DEFINITIONS);
    const shown = ['in_custody', 'at_risk', 'releases', 'early_releases', 'rearrests'] as const;
    for (const language of ['en', 'be', 'ru'] as const) {
      const body = text(build(language).body);
      for (const key of shown) expect(body).toContain(DEFINITION_TEXT[language][key]);
    }
  });

  it('has no inline style and no script in any language, appendix included', () => {
    for (const language of ['en', 'be', 'ru'] as const) {
      for (const audience of ['publish', 'internal'] as const) {
        const { body } = build(language, { appendix: true }, audience);
        expect(body).not.toMatch(/style\s*=/i);
        expect(body).not.toMatch(/<script|javascript:|\son[a-z]+\s*=/i);
        expect(body).toMatch(/<h2>/);
        expect(body).toMatch(/<h3>/);
      }
    }
  });

  it('lists the cases behind each figure without a withheld or never-publish name', async () => {
    const { inCustody } = await dashboard();
    const ids = [...inCustody.personIds, ...inCustody.uncertainIds];
    const { items } = await core.call('figureCases', { personIds: ids });
    const withheld = items.filter((p) => p.consent === 'withhold_name');
    const never = items.filter((p) => p.consent === 'never_publish');
    const published = items.filter((p) => p.consent === 'publish');
    expect(withheld.length).toBeGreaterThan(0);
    expect(never.length).toBeGreaterThan(0);

    const report = build('be', { appendix: true });
    const shown = text(report.body);
    const everything = [report.body, shown, JSON.stringify(report.tables), report.subtitle].join(
      '\n',
    );
    for (const person of [...withheld, ...never]) {
      expect(everything).not.toContain(person.name);
      if (person.nameLatin) expect(everything).not.toContain(person.nameLatin);
    }
    for (const person of withheld) expect(shown).toContain(`Справа ${pseudonymCode(person.id)}`);
    for (const person of published) expect(shown).toContain(person.name);
    expect(report.disclosure.audience).toBe('publish');
    expect(report.disclosure.leftOut).toBeGreaterThanOrEqual(never.length);
    expect(report.disclosure.pseudonymised).toBeGreaterThanOrEqual(withheld.length);
    const leftOut = report.disclosure.leftOut;
    const form = new Intl.PluralRules('be').select(leftOut) as 'one' | 'few' | 'many';
    const words = {
      one: 'справа не паказаная',
      few: 'справы не паказаныя',
      many: 'спраў не паказана',
    };
    expect(shown).toContain(`${number('be', leftOut)} ${words[form]}, бо`);
    expect(shown).toContain(
      `Не паказаныя, бо няма згоды на публікацыю: ${number('be', never.length)}`,
    );

    // An internal document lists them on purpose, and says so.
    const internal = build('en', { appendix: true }, 'internal');
    for (const person of never) expect(text(internal.body)).toContain(person.name);
    expect(internal.disclosure.neverPublishIncluded).toBeGreaterThanOrEqual(never.length);
    expect(text(internal.body)).toMatch(/cases? marked “never publish” (is|are) listed/);

    // Without the appendix no case is named, and the summary says nothing was disclosed.
    const plain = build('en');
    for (const person of published) expect(text(plain.body)).not.toContain(person.name);
    expect(plain.disclosure).toEqual({
      audience: 'publish',
      persons: 0,
      leftOut: 0,
      pseudonymised: 0,
      neverPublishIncluded: 0,
      sourcesWithheld: 0,
    });
  });
});
