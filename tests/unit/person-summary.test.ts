import { afterEach, describe, expect, it } from 'vitest';
import { localDate } from '../../core/service/session';
import { coreWithVault, type TestCore } from '../helpers/session';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const cores: TestCore[] = [];

afterEach(async () => {
  for (const core of cores.splice(0)) await core.session.lock();
});

async function newCore(): Promise<TestCore> {
  const core = await coreWithVault(tempDir());
  cores.push(core);
  return core;
}

async function record(core: TestCore, kind: string, fields: object) {
  return core.call('createRecord', { kind, fields });
}

describe('the person page summary', () => {
  it('says what the figures say about the person today', async () => {
    const core = await newCore();
    await record(core, 'thesaurusTerm', {
      thesaurus: 'facility',
      code: 'ik-2',
      labelEn: 'Penal colony 2',
      labelBe: 'ПК-2',
      labelRu: 'ИК-2',
    });
    const person = await core.call('createPerson', {
      name: 'Тэрэза Лук',
      birthDate: '1950-04',
      consent: 'withhold_name',
    });
    const personId = person.id;
    await record(core, 'custodyEvent', { personId, type: 'detention', date: '2020-08-10' });
    await record(core, 'custodyEvent', { personId, type: 'release', date: '2021' });
    await record(core, 'custodyEvent', { personId, type: 'rearrest', date: '2022-11-03' });
    await record(core, 'custodyEvent', {
      personId,
      type: 'transfer',
      date: '2023-02',
      facility: 'ik-2',
    });
    await record(core, 'statusEvent', { personId, status: 'recognised', date: '2022-12-01' });
    await record(core, 'statusEvent', {
      personId,
      status: 'recognised',
      date: '2023-01-15',
      recognisedBy: 'A human-rights centre',
    });
    await record(core, 'proceeding', {
      personId,
      kind: 'criminal',
      verdictDate: '2021-01-20',
      sentenceType: 'fine',
    });
    await record(core, 'proceeding', {
      personId,
      kind: 'criminal',
      verdictDate: '2023-01-10',
      sentenceType: 'imprisonment',
      sentenceMonths: 42,
    });
    await record(core, 'riskAssignment', {
      personId,
      category: 'disability',
      startDate: '2000',
      endDate: '2001',
    });

    const summary = await core.call('getPersonSummary', { id: personId });
    const today = localDate(new Date());
    const held = await core.call('figureInCustody', { asOf: today });
    expect(held.personIds).toContain(personId);
    expect(summary).toEqual({
      asOf: today,
      status: { status: 'recognised', date: '2023-01-15', recognisedBy: 'A human-rights centre' },
      custody: 'in',
      // The re-arrest after the release began this detention, not the first one.
      custodySince: '2022-11-03',
      facility: 'ik-2',
      lastSentence: {
        sentenceType: 'imprisonment',
        sentenceMonths: 42,
        sentenceDays: null,
        verdictDate: '2023-01-10',
      },
      // Over 60 from the birth date; the ended disability assignment is not active today.
      risks: [{ category: 'over_60', certain: true }],
      consent: 'withhold_name',
    });
  });

  it('a released person with no status: not in custody, no facility, not recognised', async () => {
    const core = await newCore();
    const { id: personId } = await core.call('createPerson', { name: 'Ян Мох' });
    await record(core, 'custodyEvent', { personId, type: 'arrest', date: '2021-05-02' });
    await record(core, 'custodyEvent', { personId, type: 'release', date: '2022-05-02' });
    expect(await core.call('getPersonSummary', { id: personId })).toMatchObject({
      status: null,
      custody: 'out',
      custodySince: null,
      facility: null,
      lastSentence: null,
      risks: [],
      // The form's default: published without the name.
      consent: 'withhold_name',
    });
  });
});
