import type { Audience, ReportLanguage } from '../../core/api/reports';
import type { ReadDb } from '../../core/db/handle';
import { reportContext as makeContext } from '../../core/reports/context';
import type { ReportContext } from '../../core/reports/types';
import type { TestCore } from './session';

/** The date the report cases are seen from: "today" of the reports. */
export const TODAY = '2024-05-06';

/** What a template gets from the service, for a database of a test. */
export function reportContext(
  db: ReadDb,
  language: ReportLanguage,
  audience: Audience,
): ReportContext {
  return makeContext(db, language, audience, TODAY);
}

export const FACILITIES = {
  colony: {
    code: 'colony-3',
    labelEn: 'Penal colony No. 3',
    labelBe: 'Папраўчая калонія № 3',
    labelRu: 'Исправительная колония № 3',
    address: 'vul. Sadovaja 1\nVicebsk 210000',
  },
  prison: {
    code: 'sizo-8',
    labelEn: 'Remand prison No. 8',
    labelBe: 'СІЗА № 8',
    labelRu: 'СИЗО № 8',
    address: 'vul. Lienina 2\nZhodzina 222160',
  },
};

/**
 * Invented persons (none is real) with what a list and a dossier show. As of TODAY:
 *
 * - ales: publish; in the colony since a detention on 2021-03-01 (remand prison first);
 *   sentenced on 2021-09-10 to 42 months; recognised as a political prisoner; sources of
 *   every confidentiality; a risk category.
 * - marta (Ёжыкава) and nina (Елавая): publish; Belarusian puts е before ё, Russian files ё
 *   with е, so their order differs between be and ru. Marta awaits trial in the remand prison;
 *   Nina serves 61 months in the colony.
 * - uladzimir: withhold_name; remand prison from 2023-01-15, the colony from 2023-06-01;
 *   24 months; case number, judge, notes and variants that must never show when published.
 * - zmicier: never_publish; in the colony.
 * - ina: publish; released by pardon on 2023-03-03, so in no facility today.
 * - piotr (Zaleski): publish, Latin script only; in the remand prison.
 */
export async function seedReportCases(core: TestCore) {
  const record = async (kind: string, fields: Record<string, unknown>) =>
    (await core.call('createRecord', { kind, fields })).id;
  const person = async (fields: Record<string, unknown>) =>
    (await core.call('createPerson', fields)).id;
  const event = (personId: string, type: string, date: string, extra = {}) =>
    record('custodyEvent', { personId, type, date, ...extra });
  const colony = { facility: FACILITIES.colony.code };
  const prison = { facility: FACILITIES.prison.code };

  for (const facility of Object.values(FACILITIES))
    await record('thesaurusTerm', { thesaurus: 'facility', ...facility });

  const ales = await person({
    name: 'Алесь Шыпіла',
    nameLatin: 'Ales Shypila',
    nameVariants: ['Алесь Шипило'],
    sex: 'male',
    birthDate: '1980-04-12',
    citizenship: ['BY'],
    region: 'minsk_city',
    occupation: 'Carpenter',
    consent: 'publish',
  });
  await event(ales, 'detention', '2021-03-01', prison);
  await event(ales, 'sentence', '2021-09-10', colony);
  const alesCase = await record('proceeding', {
    personId: ales,
    kind: 'criminal',
    articles: ['cc-342', 'cc-130'],
    court: 'Court of the Central District',
    caseNumber: '1-77/2021',
    verdictDate: '2021-09-10',
    sentenceType: 'imprisonment',
    sentenceMonths: 42,
    appealDate: '2021-11-12',
    appealOutcome: 'dismissed',
  });
  await record('proceeding', {
    personId: ales,
    kind: 'administrative',
    articles: ['ac-24.23'],
    verdictDate: '2020-08-20',
    sentenceType: 'arrest',
    sentenceDays: 15,
  });
  await record('statusEvent', {
    personId: ales,
    status: 'recognised',
    date: '2021-04-02',
    recognisedBy: 'Example Rights Group',
  });
  await record('riskAssignment', {
    personId: ales,
    category: 'serious_health',
    startDate: '2022-01-10',
  });
  const sources = {
    public: await record('source', {
      title: 'Verdict of the Court of the Central District',
      kind: 'court_record',
      reliability: 'high',
      confidentiality: 'public',
      reference: 'Court archive 77/2021',
    }),
    restricted: await record('source', {
      title: 'Letter from the colony',
      kind: 'document',
      reliability: 'medium',
      confidentiality: 'restricted',
      reference: 'Box 4, folder 12',
    }),
    confidential: await record('source', {
      title: 'Conversation with a cellmate',
      kind: 'interview',
      reliability: 'low',
      confidentiality: 'confidential',
      reference: 'Notebook 3',
    }),
  };
  await record('citation', { sourceId: sources.public, entity: 'proceeding', entityId: alesCase });
  await record('citation', { sourceId: sources.restricted, entity: 'person', entityId: ales });
  await record('citation', { sourceId: sources.confidential, entity: 'person', entityId: ales });

  const marta = await person({ name: 'Ёжыкава Марта', birthDate: '1991', consent: 'publish' });
  await event(marta, 'detention', '2022-05-05', prison);
  await record('proceeding', { personId: marta, kind: 'criminal', articles: ['cc-361-1'] });

  const nina = await person({
    name: 'Елавая Ніна',
    birthDate: '1975-11-02',
    region: 'grodno',
    consent: 'publish',
  });
  await event(nina, 'detention', '2020-10-10', prison);
  await event(nina, 'sentence', '2021-02-02', colony);
  await record('proceeding', {
    personId: nina,
    kind: 'criminal',
    articles: ['cc-293'],
    verdictDate: '2021-02-02',
    sentenceType: 'imprisonment',
    sentenceMonths: 61,
  });

  const uladzimir = await person({
    name: 'Уладзімір Тамашэвіч',
    nameLatin: 'Uladzimir Tamashevich',
    nameVariants: ['Владимир Томашевич'],
    sex: 'male',
    birthDate: '1968-07-23',
    region: 'vitebsk',
    occupation: 'Schoolteacher in Lepiel',
    notes: 'Lives with his sister Zoya',
    consent: 'withhold_name',
  });
  await event(uladzimir, 'detention', '2023-01-15', { ...prison, notes: 'Taken at home by Zoya' });
  await event(uladzimir, 'transfer', '2023-06-01', colony);
  await record('proceeding', {
    personId: uladzimir,
    kind: 'criminal',
    articles: ['cc-369'],
    caseNumber: '1-234/2023',
    judge: 'Judge Piatrova',
    verdictDate: '2023-05-20',
    sentenceType: 'imprisonment',
    sentenceMonths: 24,
    notes: 'His brother Tsimur testified',
  });

  const zmicier = await person({
    name: 'Зміцер Курыла',
    nameLatin: 'Zmicier Kuryla',
    birthDate: '1985-01-01',
    region: 'minsk_city',
    consent: 'never_publish',
  });
  await event(zmicier, 'detention', '2022-02-02', prison);
  await event(zmicier, 'sentence', '2022-06-06', colony);

  const ina = await person({ name: 'Іна Бабіч', consent: 'publish' });
  await event(ina, 'detention', '2020-09-09', prison);
  await event(ina, 'release', '2023-03-03', { releaseType: 'pardon' });

  const piotr = await person({ name: 'Zaleski Piotr', citizenship: ['PL'], consent: 'publish' });
  await event(piotr, 'detention', '2023-10-10', prison);

  return { ales, marta, nina, uladzimir, zmicier, ina, piotr, sources };
}

export type ReportCases = Awaited<ReturnType<typeof seedReportCases>>;
