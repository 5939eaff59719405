import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/errors';
import type { Audience, ReportLanguage } from '../../core/api/reports';
import type { ReadDb } from '../../core/db/handle';
import { pseudonymCode } from '../../core/disclosure';
import { buildDossier } from '../../core/reports/dossier';
import {
  FACILITIES,
  reportContext,
  seedReportCases,
  type ReportCases,
} from '../helpers/reportCases';
import { coreWithVault, type TestCore } from '../helpers/session';

let root: string;
let core: TestCore;
let db: ReadDb;
let cases: ReportCases;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'vigil-dossier-'));
  core = await coreWithVault(root);
  cases = await seedReportCases(core);
  db = (await core.session.readVault()).db;
});

afterAll(async () => {
  await core.session.lock();
  rmSync(root, { recursive: true, force: true });
});

function dossier(
  personId: string,
  language: ReportLanguage = 'en',
  audience: Audience = 'publish',
) {
  return buildDossier({ personId }, reportContext(db, language, audience));
}

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof ApiError ? error.code : String(error);
  }
  return 'built';
}

/** A section's table from the sheets, by its heading. */
function sheet(report: ReturnType<typeof dossier>, name: string): string[][] {
  const found = report.tables.find((t) => t.name === name);
  expect(found, `sheet ${name}`).toBeDefined();
  return found!.rows;
}

describe('person dossier', () => {
  it('has every section, each as a heading of the outline and a sheet', () => {
    const report = dossier(cases.ales);
    const headings = [...report.body.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    const sections = [
      'Identity',
      'Political-prisoner status',
      'Cases',
      'Custody',
      'Risk categories',
      'Sources',
    ];
    expect(headings).toEqual(sections);
    expect(report.tables.map((t) => t.name)).toEqual(sections);
    expect(report.title).toBe('Person dossier');
    expect(report.title + report.subtitle).not.toContain('Shypila');

    expect(sheet(report, 'Identity')).toEqual([
      ['Field', 'Value'],
      ['Name', 'Алесь Шыпіла'],
      ['Name in Latin script', 'Ales Shypila'],
      ['Other spellings', 'Алесь Шипило'],
      ['Sex', 'Male'],
      ['Date of birth', '12 April 1980'],
      ['Citizenship', 'Belarus'],
      ['Region', 'Minsk (city)'],
      ['Occupation', 'Carpenter'],
    ]);
    expect(sheet(report, 'Political-prisoner status')[1]).toEqual([
      'Recognised as a political prisoner',
      '2 April 2021',
      'Example Rights Group',
    ]);
    expect(sheet(report, 'Cases').slice(1)).toEqual([
      [
        'Administrative case',
        'Administrative Code 24.23: mass event rules',
        '',
        '',
        '20 August 2020',
        'Arrest, 15 days',
        '',
      ],
      [
        'Criminal case',
        'Criminal Code 342: actions grossly violating public order; Criminal Code 130: incitement of hatred',
        'Court of the Central District',
        '1-77/2021',
        '10 September 2021',
        'Imprisonment, 3 years 6 months',
        '12 November 2021: dismissed',
      ],
    ]);
    expect(sheet(report, 'Custody').slice(1)).toEqual([
      ['1 March 2021', 'Detention', FACILITIES.prison.labelEn, ''],
      ['10 September 2021', 'Sentenced', FACILITIES.colony.labelEn, ''],
    ]);
    expect(sheet(report, 'Risk categories')[1]).toEqual([
      'Serious health condition',
      '10 January 2022',
      '',
    ]);
  });

  it('cites sources with their reliability, leaving a confidential one out of a publishable dossier', () => {
    const published = dossier(cases.ales);
    expect(sheet(published, 'Sources')).toEqual([
      ['Source', 'Kind', 'Reliability', 'Date', 'Reference'],
      // A restricted source keeps its title and reliability, not where it came from.
      ['Letter from the colony', 'Document', 'Medium', '', ''],
      [
        'Verdict of the Court of the Central District',
        'Court record',
        'High',
        '',
        'Court archive 77/2021',
      ],
    ]);
    const text = published.body + JSON.stringify(published.tables);
    for (const hidden of ['Conversation with a cellmate', 'Notebook 3', 'Box 4, folder 12'])
      expect(text).not.toContain(hidden);
    expect(published.body).toContain('1 confidential source is not shown.');
    expect(published.disclosure.sourcesWithheld).toBe(1);

    const internal = dossier(cases.ales, 'en', 'internal');
    expect(sheet(internal, 'Sources').map((row) => row[0])).toEqual([
      'Source',
      'Conversation with a cellmate',
      'Letter from the colony',
      'Verdict of the Court of the Central District',
    ]);
    expect(internal.body).toContain('Box 4, folder 12');
    expect(internal.disclosure.sourcesWithheld).toBe(0);
    expect(internal.body).not.toContain('not shown');
  });

  it('names the citizenship in the report’s language, as ICU names the country', () => {
    for (const language of ['be', 'ru'] as const) {
      const identity = sheet(
        dossier(cases.ales, language),
        language === 'be' ? 'Асабовыя звесткі' : 'Личные данные',
      );
      const country = new Intl.DisplayNames([language], { type: 'region' }).of('BY');
      expect(
        identity.some((row) => row[1] === country),
        language,
      ).toBe(true);
    }
  });

  it('says how many sources were left out with the plural forms of be and ru', () => {
    expect(dossier(cases.ales, 'be').body).toContain('1 канфідэнцыйная крыніца не паказана.');
    expect(dossier(cases.ales, 'ru').body).toContain('1 конфиденциальный источник не показан.');
  });

  it('shows a withheld person under the case code, without anything that identifies them', () => {
    const report = dossier(cases.uladzimir, 'be');
    const text = report.body + JSON.stringify(report.tables);
    for (const identifying of [
      'Тамашэвіч',
      'Tamashevich',
      'Томашевич',
      'Zoya',
      'Tsimur',
      'Piatrova',
      '1-234/2023',
      'Lepiel',
      'ліпеня',
    ])
      expect(text).not.toContain(identifying);
    const code = `Справа ${pseudonymCode(cases.uladzimir)}`;
    expect(sheet(report, 'Асабовыя звесткі')).toEqual([
      ['Поле', 'Значэнне'],
      ['Імя', code],
      ['Пол', 'Мужчынскі'],
      ['Дата нараджэння', '1968'],
      ['Рэгіён', 'Віцебская вобласць'],
    ]);
    // The facts of the case stay: that is what the dossier is for.
    expect(sheet(report, 'Справы')[1]).toContain('Пазбаўленне волі, 2 гады');
    expect(sheet(report, 'Утрыманне пад вартай').slice(1)).toEqual([
      ['15 студзеня 2023 г.', 'Затрыманне', FACILITIES.prison.labelBe, ''],
      ['1 чэрвеня 2023 г.', 'Перавод', FACILITIES.colony.labelBe, ''],
    ]);
    expect(report.disclosure).toMatchObject({ persons: 1, pseudonymised: 1 });

    const internal = dossier(cases.uladzimir, 'be', 'internal');
    expect(internal.body).toContain('Уладзімір Тамашэвіч');
    expect(internal.body).toContain('Владимир Томашевич');
  });

  it('has no publishable dossier of a never-publish person, and an internal one', () => {
    expect(failure(() => dossier(cases.zmicier))).toBe('REPORT_NEVER_PUBLISH');
    const internal = dossier(cases.zmicier, 'ru', 'internal');
    expect(internal.body).toContain('Зміцер Курыла');
    expect(internal.disclosure).toMatchObject({ persons: 1, neverPublishIncluded: 1 });
    expect(failure(() => dossier('0'.repeat(32)))).toBe('NOT_FOUND');
  });

  it('writes a release with its type in the custody timeline', () => {
    expect(sheet(dossier(cases.ina, 'ru'), 'Содержание под стражей').slice(1)).toEqual([
      ['9 сентября 2020 г.', 'Задержание', FACILITIES.prison.labelRu, ''],
      ['3 марта 2023 г.', 'Освобождение', '', 'Помилование'],
    ]);
  });
});
