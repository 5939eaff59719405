import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/errors';
import { ListReportParams, type Audience, type ReportLanguage } from '../../core/api/reports';
import type { ReadDb } from '../../core/db/handle';
import { pseudonymCode } from '../../core/disclosure';
import { buildListReport } from '../../core/reports/list';
import {
  FACILITIES,
  reportContext,
  seedReportCases,
  TODAY,
  type ReportCases,
} from '../helpers/reportCases';
import { coreWithVault, type TestCore } from '../helpers/session';

let root: string;
let core: TestCore;
let db: ReadDb;
let cases: ReportCases;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'vigil-list-'));
  core = await coreWithVault(root);
  cases = await seedReportCases(core);
  db = (await core.session.readVault()).db;
});

afterAll(async () => {
  await core.session.lock();
  rmSync(root, { recursive: true, force: true });
});

function list(
  params: Record<string, unknown>,
  language: ReportLanguage = 'en',
  audience: Audience = 'publish',
) {
  return buildListReport(ListReportParams.parse(params), reportContext(db, language, audience));
}

const everyone = () => ({
  kind: 'ids',
  personIds: Object.values(cases).filter((v): v is string => typeof v === 'string'),
  description: '',
});

/** The sheet as objects by header, for reading a column. */
function column(report: ReturnType<typeof list>, header: string): string[] {
  const [headers, ...rows] = report.tables[0]!.rows;
  const index = headers!.indexOf(header);
  expect(index, `column ${header}`).toBeGreaterThanOrEqual(0);
  return rows.map((row) => row[index]!);
}

/** Group headings, with the text of each group's section. */
function sections(body: string): { heading: string; text: string }[] {
  return [...body.matchAll(/<section><h2>(.*?)<\/h2>(.*?)<\/section>/gs)].map((m) => ({
    heading: m[1]!,
    text: m[2]!,
  }));
}

describe('list report', () => {
  it('sorts persons as Node’s ICU orders names in be, ru and en', () => {
    const orders: Record<string, string[]> = {};
    for (const language of ['be', 'ru', 'en'] as const) {
      const names = column(
        list({ persons: everyone(), columns: ['name'] }, language, 'internal'),
        { be: 'Імя', ru: 'Имя', en: 'Name' }[language],
      );
      expect(names).toHaveLength(7);
      expect(names).toEqual([...names].sort(new Intl.Collator(language).compare));
      orders[language] = names;
    }
    // Belarusian puts е before ё; Russian files ё with е, so ж before л decides.
    const be = orders.be!;
    const ru = orders.ru!;
    expect(be.indexOf('Елавая Ніна')).toBeLessThan(be.indexOf('Ёжыкава Марта'));
    expect(ru.indexOf('Ёжыкава Марта')).toBeLessThan(ru.indexOf('Елавая Ніна'));
    // Cyrillic first in be and ru, Latin first in en (which shows the Latin-script names).
    expect(be.at(-1)).toBe('Zaleski Piotr');
    expect(orders.en![0]).toBe('Ales Shypila');
  });

  it('groups the persons in custody by facility, with its address, in the report’s alphabet', () => {
    const report = list(
      {
        persons: { kind: 'inCustody', asOf: TODAY },
        groupBy: 'facility',
        columns: ['name', 'facility', 'facilityAddress', 'detentionDate'],
      },
      'be',
    );
    const groups = sections(report.body);
    expect(groups.map((g) => g.heading)).toEqual([
      FACILITIES.colony.labelBe,
      FACILITIES.prison.labelBe,
    ]);
    const [colony, prison] = groups;
    expect(colony!.text).toContain('3 асобы');
    expect(colony!.text).toContain('vul. Sadovaja 1\nVicebsk 210000');
    expect(prison!.text).toContain('2 асобы');
    expect(prison!.text).toContain('vul. Lienina 2\nZhodzina 222160');
    // Named persons in order, then the withheld one under a case code.
    const code = `Справа ${pseudonymCode(cases.uladzimir)}`;
    expect(colony!.text.indexOf('Алесь Шыпіла')).toBeLessThan(colony!.text.indexOf('Елавая Ніна'));
    expect(colony!.text.indexOf('Елавая Ніна')).toBeLessThan(colony!.text.indexOf(code));
    expect(prison!.text.indexOf('Ёжыкава Марта')).toBeLessThan(prison!.text.indexOf('Zaleski'));
    // Released before the date: not in the list.
    expect(report.body).not.toContain('Іна Бабіч');
    // The sheet keeps every chosen column; the facility column says the group.
    expect(report.tables[0]!.rows.slice(0, 2)).toEqual([
      ['Імя', 'Месца ўтрымання', 'Адрас для лістоў', 'Дата затрымання'],
      ['Алесь Шыпіла', FACILITIES.colony.labelBe, FACILITIES.colony.address, '1 сакавіка 2021 г.'],
    ]);
    expect(report.title).toBe('Асобы пад вартай');
    expect(report.subtitle).toBe('Па стане на 6 мая 2024 г.');
  });

  it('heads a drill-down’s list in the report’s language, not with the interface’s description', () => {
    // The dashboard describes its cases in English and counts them before the policy.
    const persons = { ...everyone(), description: 'In custody as of 6 May 2024: 7' };
    expect(list({ persons }, 'ru').title).toBe('Список лиц');
    expect(list({ persons }, 'be').title).toBe('Спіс асоб');
    expect(list({ persons, title: 'Калонія № 2' }, 'be').title).toBe('Калонія № 2');
  });

  it('places a person in the facility of the report’s date', () => {
    const report = list({
      persons: { kind: 'ids', personIds: [cases.uladzimir], description: '' },
      asOf: '2023-03-01',
      columns: ['facility', 'detentionDate'],
    });
    expect(report.tables[0]!.rows[1]).toEqual([FACILITIES.prison.labelEn, '15 January 2023']);
    const today = list({
      persons: { kind: 'ids', personIds: [cases.uladzimir, cases.ina], description: '' },
      columns: ['facility', 'detentionDate'],
    });
    expect(today.tables[0]!.rows.slice(1)).toEqual([
      ['', ''],
      [FACILITIES.colony.labelEn, '15 January 2023'],
    ]);
  });

  it('shows a withheld person only as a case code, and leaves a never-publish person out', () => {
    const all = [
      'name',
      'birthYear',
      'region',
      'articles',
      'sentence',
      'facility',
      'facilityAddress',
      'detentionDate',
    ];
    const published = list({ persons: everyone(), columns: all, groupBy: 'region' });
    const everything = published.body + JSON.stringify(published.tables);
    for (const identifying of [
      'Тамашэвіч',
      'Tamashevich',
      'Томашевич',
      'Zoya',
      'Tsimur',
      'Piatrova',
      '1-234/2023',
      'Lepiel',
      '23 July',
      '07-23',
    ])
      expect(everything).not.toContain(identifying);
    expect(everything).toContain(`Case ${pseudonymCode(cases.uladzimir)}`);
    expect(column(published, 'Year of birth')).toContain('1968');
    for (const never of ['Курыла', 'Kuryla']) expect(everything).not.toContain(never);
    expect(published.disclosure).toMatchObject({
      audience: 'publish',
      persons: 6,
      leftOut: 1,
      pseudonymised: 1,
      neverPublishIncluded: 0,
    });
    expect(published.body).toContain('Total: 6 persons.');

    const internal = list({ persons: everyone(), columns: all }, 'be', 'internal');
    expect(internal.body).toContain('Зміцер Курыла');
    expect(internal.body).toContain('Уладзімір Тамашэвіч');
    expect(internal.disclosure).toMatchObject({
      audience: 'internal',
      persons: 7,
      leftOut: 0,
      pseudonymised: 0,
      neverPublishIncluded: 1,
    });
    expect(internal.body).toContain('Усяго: 7 асоб.');
  });

  it('writes sentences with the plural forms of be and ru', () => {
    const persons = {
      kind: 'ids',
      personIds: [cases.ales, cases.nina, cases.uladzimir, cases.marta],
      description: '',
    };
    const sentences = (language: ReportLanguage) =>
      list({ persons, columns: ['name', 'sentence'] }, language, 'internal').tables[0]!.rows.slice(
        1,
      );
    expect(sentences('be')).toEqual([
      ['Алесь Шыпіла', 'Пазбаўленне волі, 3 гады 6 месяцаў'],
      ['Елавая Ніна', 'Пазбаўленне волі, 5 гадоў 1 месяц'],
      ['Ёжыкава Марта', ''],
      ['Уладзімір Тамашэвіч', 'Пазбаўленне волі, 2 гады'],
    ]);
    expect(sentences('ru')).toEqual([
      ['Алесь Шыпіла', 'Лишение свободы, 3 года 6 месяцев'],
      ['Ёжыкава Марта', ''],
      ['Елавая Ніна', 'Лишение свободы, 5 лет 1 месяц'],
      ['Уладзімір Тамашэвіч', 'Лишение свободы, 2 года'],
    ]);
    expect(sentences('en')).toContainEqual(['Ales Shypila', 'Imprisonment, 3 years 6 months']);
  });

  it('groups by article, a person under each of their articles, the articles in order', () => {
    const report = list(
      { persons: everyone(), columns: ['name', 'articles'], groupBy: 'article' },
      'ru',
    );
    const headings = sections(report.body).map((g) => g.heading);
    expect(headings).toEqual([
      'УК 130: разжигание вражды',
      'УК 293: массовые беспорядки',
      'УК 342: действия, грубо нарушающие общественный порядок',
      'УК 361-1: экстремистское формирование',
      'УК 369: оскорбление представителя власти',
      'Статья не указана',
    ]);
    // The sheet names each row's article, since the articles column lists all of them.
    const [headers, ...rows] = report.tables[0]!.rows;
    expect(headers).toEqual(['Статья', 'Имя', 'Статьи']);
    expect(rows.filter((row) => row[1] === 'Алесь Шыпіла').map((row) => row[0])).toEqual([
      'УК 130: разжигание вражды',
      'УК 342: действия, грубо нарушающие общественный порядок',
    ]);
    expect(report.body).toContain('указано под каждой из них');
  });

  it('lists the person list as filtered on screen', () => {
    const report = list(
      { persons: { kind: 'personList', region: 'minsk_city' }, columns: ['name'] },
      'en',
      'internal',
    );
    expect(column(report, 'Name')).toEqual(['Ales Shypila', 'Zmicier Kuryla']);
    const searched = list({ persons: { kind: 'personList', query: 'Zaleski' }, columns: ['name'] });
    expect(column(searched, 'Name')).toEqual(['Zaleski Piotr']);
  });

  it('refuses an empty set, and a set with only never-publish persons for publication', () => {
    const code = (params: Record<string, unknown>) => {
      try {
        list(params);
      } catch (error) {
        return error instanceof ApiError ? error.code : String(error);
      }
      return 'built';
    };
    expect(code({ persons: { kind: 'ids', personIds: [], description: '' } })).toBe('REPORT_EMPTY');
    expect(code({ persons: { kind: 'ids', personIds: ['0'.repeat(32)], description: '' } })).toBe(
      'REPORT_EMPTY',
    );
    expect(code({ persons: { kind: 'ids', personIds: [cases.zmicier], description: '' } })).toBe(
      'REPORT_EMPTY',
    );
    expect(code({ persons: { kind: 'personList', query: 'Nobody Such' } })).toBe('REPORT_EMPTY');
    expect(code({ persons: { kind: 'inCustody', asOf: '2019-01-01' } })).toBe('REPORT_EMPTY');
  });
});
