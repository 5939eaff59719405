import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodResult } from '../../core/api/contract';
import { coreWithVault, type TestCore } from '../helpers/session';

/**
 * A hand-built register of invented persons, entered through the API, and the figures it must
 * give, worked out by hand from the definitions in docs/methodology.md (not from the engine).
 *
 * Dates used below: A = 2024-05-06 (the article's "as of"), B = 2023-05-06 (a year earlier),
 * C = 2022-03-15, W = the week 2024-04-29 .. 2024-05-05, H1 = 2023-01-01 .. 2023-06-30.
 *
 * The persons (P9 is deleted after entry and must never count; P18 has no records at all):
 *
 * P1  Alena   f 1985-03-10 BY   minsk_city  detention 2021-06-10 (sizo-1), sentence 2021-10-01
 *             (colony-1), release 2023-03-15 amnesty, rearrest 2023-11-20 (sizo-1);
 *             criminal proceeding cc-342, verdict 2021-10-01; serious_health 2021-11-01..2022-12-31.
 *             Released then re-arrested: in custody on A, not on B.
 * P2  Boris   m 1990       BY   grodno      detention 2020-09-01, sentence 2021-02-10, release
 *             "2022" pardon (year only); criminal proceeding cc-293, verdict 2021-02-10.
 * P3  Vera    f 1970-07-01 BY   brest       arrest 2021-01-15, sentence 2021-05-20, release
 *             2021-12-31 pardon (last day of a year).
 * P4  Hleb    m 1975-01-01 BY   vitebsk     detention 2021-03-03, sentence 2021-08-08, release
 *             2022-01-01 pardon (first day of a year).
 * P5  Dzmitry m 1964-03-01 BY   mogilev     detention 2022-02-02 (sizo-1), sentence 2022-06-06
 *             (colony-1), held; criminal proceeding cc-361-1, verdict 2022-06-06. Turns 60 on
 *             2024-03-01: over 60 on A, not on B.
 * P6  Iryna   f 1980-05-05 BY+PL minsk_city detention 2020-11-11, sentence 2021-04-04
 *             (colony-1), held; criminal proceeding cc-342 + cc-130, verdict 2021-04-04;
 *             disability from 2021-01-01, serious_health from "2022-03". Two risk categories,
 *             two citizenships; consent never_publish.
 * P7  Kanstancin m 1955-01-10 BY gomel      detention 2021-05-05, sentence 2021-09-09, death in
 *             custody 2023-02-02; serious_health from 2021-10-01.
 * P8  Larysa  f (no birth) BY  minsk_city  detention (no date), release (no date) pardon:
 *             cannot be placed.
 * P9  Mikhail m 1950-01-01 BY  minsk_city  detention 2022-01-01, release 2023-06-01 pardon,
 *             disability (no dates) -- then the person is deleted.
 * P10 Natallia f 1992-02-29 BY grodno      detention 2021-09-09, sentence 2022-01-15, release
 *             "2023" amnesty (year only).
 * P11 Aliaksandr m 1988-08 BY brest        detention 2022-04-04, sentence 2022-09-09, release
 *             "2023-05" amnesty (month only).
 * P12 Taras   m 1979-12-12 UA  gomel       detention 2022-03-01, sentence 2022-12-12, release
 *             2024-04-30 exchange.
 * P13 Greta   f 1970       CH  minsk_city  detention 2021-10-01, sentence 2022-01-20, release
 *             2022-11-18 diplomatic_efforts.
 * P14 Pavel   m 1960-06-15 BY  vitebsk     detention 2020-08-10, sentence 2020-12-01, release
 *             2023-08-10 sentence_served, detention 2024-02-02, release 2024-02-12
 *             sentence_served.
 * P15 Raisa   f 1964       BY  mogilev     detention 2023-09-09 (sizo-1), held. Born in 1964: on
 *             A she is 59 or 60.
 * P16 Siarhei m 1983-11-11 BY minsk_region detention 2022-10-10, sentence 2022-12-20, release
 *             "2023" pardon (year only).
 * P17 Sviatlana f 1995-05-05 BY minsk_city detention 2023-01-10, sentence 2023-06-15, release
 *             "2024-05" pardon (month only).
 * P18 Uladzimir m          BY  minsk_city  no records.
 * P19 Yauhen  m 1990-10-10 BY  minsk_city  detention 2023-03-03, release "2023" amnesty: the
 *             release may have come before or after the detention.
 */

type Label = `P${number}`;

let root: string;
let core: TestCore;
const idOf = new Map<Label, string>();
const labelOf = new Map<string, Label>();

function labels(ids: readonly string[]): string[] {
  return ids
    .map((id) => labelOf.get(id) ?? `?${id}`)
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}

async function person(label: Label, fields: Record<string, unknown>): Promise<string> {
  const created = await core.call('createPerson', fields);
  idOf.set(label, created.id);
  labelOf.set(created.id, label);
  return created.id;
}

async function record(kind: string, fields: Record<string, unknown>): Promise<string> {
  return (await core.call('createRecord', { kind, fields })).id;
}

async function event(
  personId: string,
  type: string,
  date: string | null,
  extra: Record<string, unknown> = {},
): Promise<string> {
  return record('custodyEvent', { personId, type, date, ...extra });
}

async function release(personId: string, date: string | null, releaseType: string) {
  return event(personId, 'release', date, { releaseType });
}

async function conviction(personId: string, verdictDate: string, articles: string[]) {
  await record('proceeding', { personId, kind: 'criminal', articles, verdictDate });
}

async function risk(
  personId: string,
  category: string,
  startDate: string | null,
  endDate: string | null = null,
) {
  return record('riskAssignment', { personId, category, startDate, endDate });
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'vigil-stats-'));
  core = await coreWithVault(root);
  for (const [code, labelEn] of [
    ['sizo-1', 'Remand prison No. 1'],
    ['colony-1', 'Penal colony No. 1'],
  ]) {
    await record('thesaurusTerm', { thesaurus: 'facility', code, labelEn });
  }

  const p1 = await person('P1', {
    name: 'Alena',
    sex: 'female',
    birthDate: '1985-03-10',
    citizenship: ['BY'],
    region: 'minsk_city',
  });
  await event(p1, 'detention', '2021-06-10', { facility: 'sizo-1' });
  await event(p1, 'sentence', '2021-10-01', { facility: 'colony-1' });
  await release(p1, '2023-03-15', 'amnesty');
  await event(p1, 'rearrest', '2023-11-20', { facility: 'sizo-1' });
  await conviction(p1, '2021-10-01', ['cc-342']);
  await risk(p1, 'serious_health', '2021-11-01', '2022-12-31');

  const p2 = await person('P2', {
    name: 'Boris',
    sex: 'male',
    birthDate: '1990',
    citizenship: ['BY'],
    region: 'grodno',
  });
  await event(p2, 'detention', '2020-09-01');
  await event(p2, 'sentence', '2021-02-10');
  await release(p2, '2022', 'pardon');
  await conviction(p2, '2021-02-10', ['cc-293']);

  const p3 = await person('P3', {
    name: 'Vera',
    sex: 'female',
    birthDate: '1970-07-01',
    citizenship: ['BY'],
    region: 'brest',
  });
  await event(p3, 'arrest', '2021-01-15');
  await event(p3, 'sentence', '2021-05-20');
  await release(p3, '2021-12-31', 'pardon');

  const p4 = await person('P4', {
    name: 'Hleb',
    sex: 'male',
    birthDate: '1975-01-01',
    citizenship: ['BY'],
    region: 'vitebsk',
  });
  await event(p4, 'detention', '2021-03-03');
  await event(p4, 'sentence', '2021-08-08');
  await release(p4, '2022-01-01', 'pardon');

  const p5 = await person('P5', {
    name: 'Dzmitry',
    sex: 'male',
    birthDate: '1964-03-01',
    citizenship: ['BY'],
    region: 'mogilev',
  });
  await event(p5, 'detention', '2022-02-02', { facility: 'sizo-1' });
  await event(p5, 'sentence', '2022-06-06', { facility: 'colony-1' });
  await conviction(p5, '2022-06-06', ['cc-361-1']);

  const p6 = await person('P6', {
    name: 'Iryna',
    sex: 'female',
    birthDate: '1980-05-05',
    citizenship: ['BY', 'PL'],
    region: 'minsk_city',
    consent: 'never_publish',
  });
  await event(p6, 'detention', '2020-11-11');
  await event(p6, 'sentence', '2021-04-04', { facility: 'colony-1' });
  await conviction(p6, '2021-04-04', ['cc-342', 'cc-130']);
  await risk(p6, 'disability', '2021-01-01');
  await risk(p6, 'serious_health', '2022-03');

  const p7 = await person('P7', {
    name: 'Kanstancin',
    sex: 'male',
    birthDate: '1955-01-10',
    citizenship: ['BY'],
    region: 'gomel',
  });
  await event(p7, 'detention', '2021-05-05');
  await event(p7, 'sentence', '2021-09-09');
  await event(p7, 'death_in_custody', '2023-02-02');
  await risk(p7, 'serious_health', '2021-10-01');

  const p8 = await person('P8', {
    name: 'Larysa',
    sex: 'female',
    citizenship: ['BY'],
    region: 'minsk_city',
  });
  await event(p8, 'detention', null);
  await release(p8, null, 'pardon');

  const p9 = await person('P9', {
    name: 'Mikhail',
    sex: 'male',
    birthDate: '1950-01-01',
    citizenship: ['BY'],
    region: 'minsk_city',
  });
  await event(p9, 'detention', '2022-01-01');
  await release(p9, '2023-06-01', 'pardon');
  await risk(p9, 'disability', null);

  const p10 = await person('P10', {
    name: 'Natallia',
    sex: 'female',
    birthDate: '1992-02-29',
    citizenship: ['BY'],
    region: 'grodno',
  });
  await event(p10, 'detention', '2021-09-09');
  await event(p10, 'sentence', '2022-01-15');
  await release(p10, '2023', 'amnesty');

  const p11 = await person('P11', {
    name: 'Aliaksandr',
    sex: 'male',
    birthDate: '1988-08',
    citizenship: ['BY'],
    region: 'brest',
  });
  await event(p11, 'detention', '2022-04-04');
  await event(p11, 'sentence', '2022-09-09');
  await release(p11, '2023-05', 'amnesty');

  const p12 = await person('P12', {
    name: 'Taras',
    sex: 'male',
    birthDate: '1979-12-12',
    citizenship: ['UA'],
    region: 'gomel',
  });
  await event(p12, 'detention', '2022-03-01');
  await event(p12, 'sentence', '2022-12-12');
  await release(p12, '2024-04-30', 'exchange');

  const p13 = await person('P13', {
    name: 'Greta',
    sex: 'female',
    birthDate: '1970',
    citizenship: ['CH'],
    region: 'minsk_city',
  });
  await event(p13, 'detention', '2021-10-01');
  await event(p13, 'sentence', '2022-01-20');
  await release(p13, '2022-11-18', 'diplomatic_efforts');

  const p14 = await person('P14', {
    name: 'Pavel',
    sex: 'male',
    birthDate: '1960-06-15',
    citizenship: ['BY'],
    region: 'vitebsk',
  });
  await event(p14, 'detention', '2020-08-10');
  await event(p14, 'sentence', '2020-12-01');
  await release(p14, '2023-08-10', 'sentence_served');
  await event(p14, 'detention', '2024-02-02');
  await release(p14, '2024-02-12', 'sentence_served');

  const p15 = await person('P15', {
    name: 'Raisa',
    sex: 'female',
    birthDate: '1964',
    citizenship: ['BY'],
    region: 'mogilev',
  });
  await event(p15, 'detention', '2023-09-09', { facility: 'sizo-1' });

  const p16 = await person('P16', {
    name: 'Siarhei',
    sex: 'male',
    birthDate: '1983-11-11',
    citizenship: ['BY'],
    region: 'minsk_region',
  });
  await event(p16, 'detention', '2022-10-10');
  await event(p16, 'sentence', '2022-12-20');
  await release(p16, '2023', 'pardon');

  const p17 = await person('P17', {
    name: 'Sviatlana',
    sex: 'female',
    birthDate: '1995-05-05',
    citizenship: ['BY'],
    region: 'minsk_city',
  });
  await event(p17, 'detention', '2023-01-10');
  await event(p17, 'sentence', '2023-06-15');
  await release(p17, '2024-05', 'pardon');

  await person('P18', {
    name: 'Uladzimir',
    sex: 'male',
    citizenship: ['BY'],
    region: 'minsk_city',
  });

  const p19 = await person('P19', {
    name: 'Yauhen',
    sex: 'male',
    birthDate: '1990-10-10',
    citizenship: ['BY'],
    region: 'minsk_city',
  });
  await event(p19, 'detention', '2023-03-03');
  await release(p19, '2023', 'amnesty');

  await core.call('deleteRecord', { kind: 'person', id: p9 });
}, 120_000);

afterAll(async () => {
  await core?.session.lock();
  rmSync(root, { recursive: true, force: true });
});

type Figure = MethodResult<'figureInCustody'>;

/** A figure as labels: certain persons, uncertain persons, unplaced persons. */
function summary(f: Figure) {
  return {
    value: f.value,
    upperBound: f.upperBound,
    persons: labels(f.personIds),
    uncertain: labels(f.uncertainIds),
    unplaced: labels(f.unplaced.personIds),
  };
}

describe('figures on the hand-built fixture', () => {
  it('in custody as of A: the re-arrested, the held, and the uncertain', async () => {
    const f = await core.call('figureInCustody', { asOf: '2024-05-06' });
    // P1: last event the re-arrest of 2023-11-20. P5, P6: sentenced, never released.
    // P15: detained 2023-09-09. P17: released "2024-05", which contains A: uncertain.
    // P19: detained 2023-03-03, released "2023": the release may precede the detention.
    // P8: no dated events. P2, P3, P4, P10..P14, P16: released before A. P7: died. P9: deleted.
    expect(summary(f)).toEqual({
      value: 4,
      upperBound: 6,
      persons: ['P1', 'P5', 'P6', 'P15'],
      uncertain: ['P17', 'P19'],
      unplaced: ['P8'],
    });
    expect(f.definition).toBe('in_custody');
    expect(f.lowerBound).toBe(true);
  });

  it('in custody as of B, a year earlier', async () => {
    const f = await core.call('figureInCustody', { asOf: '2023-05-06' });
    // P1 released 2023-03-15 (re-arrested only in November). P12, P14, P17 still held.
    // P10, P16, P19: release "2023" contains B; P11: release "2023-05" contains B.
    // P15 not yet detained. P7 died 2023-02-02. P9 (held and at risk on B) is deleted.
    expect(summary(f)).toEqual({
      value: 5,
      upperBound: 9,
      persons: ['P5', 'P6', 'P12', 'P14', 'P17'],
      uncertain: ['P10', 'P11', 'P16', 'P19'],
      unplaced: ['P8'],
    });
  });

  it('releases by year and type, with the year boundaries and the unplaced release', async () => {
    const r = await core.call('figureReleases', { groupBy: 'year' });
    const cells = r.cells.map((c) => [
      c.period,
      c.releaseType,
      c.figure.value,
      c.figure.upperBound,
    ]);
    expect(cells).toEqual([
      ['2021', 'pardon', 1, 1], // P3 on 31 December 2021
      ['2022', 'diplomatic_efforts', 1, 1], // P13
      ['2022', 'pardon', 2, 2], // P4 on 1 January 2022, P2 "2022"
      ['2023', 'amnesty', 4, 4], // P1, P10 "2023", P11 "2023-05", P19 "2023"
      ['2023', 'pardon', 1, 1], // P16 "2023" (P9's 2023-06-01 pardon is deleted)
      ['2023', 'sentence_served', 1, 1], // P14
      ['2024', 'exchange', 1, 1], // P12
      ['2024', 'pardon', 1, 1], // P17 "2024-05"
      ['2024', 'sentence_served', 1, 1], // P14 again
    ]);
    expect(r.total.unit).toBe('events');
    expect(r.total.value).toBe(13);
    expect(r.total.eventIds).toHaveLength(13);
    // P8's release has no date: it cannot be placed in any year.
    expect(r.total.unplaced).toEqual({ count: 1, personIds: [idOf.get('P8')] });
    // Twelve distinct persons: P14 was released twice.
    expect(labels(r.total.personIds)).toEqual([
      'P1',
      'P2',
      'P3',
      'P4',
      'P10',
      'P11',
      'P12',
      'P13',
      'P14',
      'P16',
      'P17',
      'P19',
    ]);
    expect(r.byType.map((t) => [t.releaseType, t.figure.value, t.figure.unplaced.count])).toEqual([
      ['amnesty', 4, 0],
      ['diplomatic_efforts', 1, 0],
      ['exchange', 1, 0],
      ['pardon', 5, 1],
      ['sentence_served', 2, 0],
    ]);
    // Early releases: everything but the two sentence_served.
    expect(r.early.value).toBe(11);
  });

  it('releases by month keep year-only dates in a year bucket', async () => {
    const r = await core.call('figureReleases', { groupBy: 'month', from: '2021-12', to: '2022' });
    expect(r.cells.map((c) => [c.period, c.releaseType, c.figure.value])).toEqual([
      ['2021-12', 'pardon', 1], // P3, 31 December
      ['2022', 'pardon', 1], // P2, month unknown
      ['2022-01', 'pardon', 1], // P4, 1 January
      ['2022-11', 'diplomatic_efforts', 1], // P13
    ]);
  });

  it('releases in the first half of 2023: certain count and upper bound', async () => {
    const r = await core.call('figureReleases', { from: '2023-01-01', to: '2023-06-30' });
    // Certain: P1 2023-03-15, P11 "2023-05". Possible: P10, P19 (amnesty "2023"), P16 (pardon
    // "2023"): "2, up to 5". P14's 2023-08-10 is outside.
    expect([r.total.value, r.total.upperBound]).toEqual([2, 5]);
    expect(
      r.cells.map((c) => [c.period, c.releaseType, c.figure.value, c.figure.upperBound]),
    ).toEqual([
      ['2023', 'amnesty', 2, 4],
      ['2023', 'pardon', 0, 1],
    ]);
    expect(labels(r.total.uncertainIds)).toEqual(['P10', 'P16', 'P19']);
  });

  it('early releases last week, and the exchange of Ukrainian citizens', async () => {
    const week = { from: '2024-04-29', to: '2024-05-05' };
    const r = await core.call('figureReleases', week);
    // P12's exchange on 2024-04-30 is in the week; P17's pardon "2024-05" may be.
    expect(summary(r.early)).toMatchObject({
      value: 1,
      upperBound: 2,
      persons: ['P12'],
      uncertain: ['P17'],
    });
    const ua = await core.call('figureReleases', { ...week, filters: { citizenship: 'UA' } });
    expect(ua.cells.map((c) => [c.releaseType, c.figure.value])).toEqual([['exchange', 1]]);
    expect([ua.early.value, ua.early.upperBound]).toEqual([1, 1]);
  });

  it('re-arrests after release', async () => {
    const f = await core.call('figureRearrests', {});
    // P1: re-arrest 2023-11-20 after the 2023-03-15 release. P14: detention 2024-02-02 after the
    // 2023-08-10 release. P19: detention 2023-03-03 may follow a release early in "2023".
    // P8: an undated detention and release cannot be placed.
    expect(summary(f)).toEqual({
      value: 2,
      upperBound: 3,
      persons: ['P1', 'P14'],
      uncertain: ['P19'],
      unplaced: ['P8'],
    });
    const since2024 = await core.call('figureRearrests', { from: '2024' });
    expect(summary(since2024)).toMatchObject({ value: 1, upperBound: 1, persons: ['P14'] });
  });

  it('share of early releases since 2020', async () => {
    const s = await core.call('figureEarlyReleaseShare', { since: '2020' });
    // Released early since 2020: everyone with a pardon, amnesty, exchange or diplomatic
    // release (P8's is undated: unplaced; P14's are sentence_served).
    expect(labels(s.numerator.personIds)).toEqual([
      'P1',
      'P2',
      'P3',
      'P4',
      'P10',
      'P11',
      'P12',
      'P13',
      'P16',
      'P17',
      'P19',
    ]);
    expect(labels(s.numerator.unplaced.personIds)).toEqual(['P8']);
    // Convicted since 2020: a sentence event (or criminal verdict) dated 2020 or later.
    // P15 and P19 were never sentenced; P9 is deleted.
    expect(labels(s.denominator.personIds)).toEqual([
      'P1',
      'P2',
      'P3',
      'P4',
      'P5',
      'P6',
      'P7',
      'P10',
      'P11',
      'P12',
      'P13',
      'P14',
      'P16',
      'P17',
    ]);
    expect(s.ratio).toBeCloseTo(11 / 14, 10);
    expect([s.ratioLow, s.ratioHigh]).toEqual([11 / 14, 11 / 14]);
    // From June 2023: P12 (2024-04-30) and P17 ("2024-05") certainly, the "2023" releases of
    // P10, P16, P19 possibly; P11's "2023-05" ends before June.
    const june = await core.call('figureEarlyReleaseShare', { since: '2023-06-01' });
    expect(summary(june.numerator)).toMatchObject({
      value: 2,
      upperBound: 5,
      persons: ['P12', 'P17'],
      uncertain: ['P10', 'P16', 'P19'],
    });
    expect(labels(june.denominator.personIds)).toEqual(['P17']); // sentenced 2023-06-15
  });

  it('at special risk as of A: categories overlap, over 60 from the birth date', async () => {
    const r = await core.call('figureAtRisk', { asOf: '2024-05-06' });
    const byCategory = Object.fromEntries(r.categories.map((c) => [c.category, summary(c.figure)]));
    // P6 is in two categories. P1's serious_health ended on 2022-12-31. P7 died, P9 deleted.
    expect(byCategory.disability).toMatchObject({ value: 1, upperBound: 1, persons: ['P6'] });
    expect(byCategory.serious_health).toMatchObject({ value: 1, upperBound: 1, persons: ['P6'] });
    // P5 turned 60 on 2024-03-01; P15, born in 1964, is 59 or 60.
    expect(byCategory.over_60).toMatchObject({
      value: 1,
      upperBound: 2,
      persons: ['P5'],
      uncertain: ['P15'],
    });
    expect(r.categories.find((c) => c.category === 'over_60')?.derived).toBe(true);
    expect(summary(r.total)).toMatchObject({
      value: 2,
      upperBound: 3,
      persons: ['P5', 'P6'],
      uncertain: ['P15'],
    });
    expect(r.overlapping).toBe(true);
  });

  it('at special risk as of B: P5 not yet 60, P14 over 60 and held', async () => {
    const r = await core.call('figureAtRisk', { asOf: '2023-05-06' });
    const byCategory = Object.fromEntries(r.categories.map((c) => [c.category, summary(c.figure)]));
    expect(byCategory.over_60).toMatchObject({ value: 1, upperBound: 1, persons: ['P14'] });
    expect(byCategory.disability).toMatchObject({ value: 1, persons: ['P6'] });
    expect(summary(r.total)).toMatchObject({ value: 2, upperBound: 2, persons: ['P6', 'P14'] });
  });

  it('at special risk as of C: a category starting that month is uncertain', async () => {
    const r = await core.call('figureAtRisk', { asOf: '2022-03-15' });
    const byCategory = Object.fromEntries(r.categories.map((c) => [c.category, summary(c.figure)]));
    // Held on C: P1, P5, P6, P7, P10, P12, P13, P14 (P2 uncertain: released "2022").
    // serious_health: P1 (until 2022-12-31), P7; P6's starts "2022-03": uncertain on the 15th.
    expect(byCategory.serious_health).toMatchObject({
      value: 2,
      upperBound: 3,
      persons: ['P1', 'P7'],
      uncertain: ['P6'],
    });
    expect(byCategory.disability).toMatchObject({ value: 1, persons: ['P6'] });
    // Over 60 on C: P7 (67) and P14 (61); P5 is 58.
    expect(byCategory.over_60).toMatchObject({ value: 2, persons: ['P7', 'P14'] });
    // Distinct: 4, while the categories add up to 5.
    expect(summary(r.total)).toMatchObject({
      value: 4,
      upperBound: 4,
      persons: ['P1', 'P6', 'P7', 'P14'],
    });
  });

  it('breakdowns of those in custody on A', async () => {
    const cells = async (dimension: string) =>
      (await core.call('figureBreakdown', { asOf: '2024-05-06', dimension })).cells.map((c) => [
        c.key,
        c.figure.value,
        c.figure.upperBound,
      ]);
    // Held on A: P1, P5, P6, P15 certainly; P17, P19 possibly.
    expect(await cells('region')).toEqual([
      ['minsk_city', 2, 4], // P1, P6; P17, P19
      ['mogilev', 2, 2], // P5, P15
    ]);
    expect(await cells('sex')).toEqual([
      ['female', 3, 4], // P1, P6, P15; P17
      ['male', 1, 2], // P5; P19
    ]);
    // P6 counts under both citizenships.
    expect(await cells('citizenship')).toEqual([
      ['BY', 4, 6],
      ['PL', 1, 1],
    ]);
    expect(await cells('ageBand')).toEqual([
      ['under_30', 0, 1], // P17 (29)
      ['30_44', 2, 3], // P1 (39), P6 (44 since 2024-05-05); P19 (33)
      ['45_59', 0, 1], // P15 may still be 59
      ['60_plus', 1, 2], // P5; P15 may be 60
    ]);
    expect(await cells('facility')).toEqual([
      ['colony-1', 2, 2], // P5, P6: sentence events
      ['sizo-1', 2, 2], // P1 re-arrest, P15 detention
      [null, 0, 2], // P17, P19: no facility recorded
    ]);
    // Convicted in the current spell: P1 served her 2021 sentence and was re-arrested, so she is
    // pre-trial again. P17 was sentenced, and her release "2024-05" may come after A: her
    // stage is open, as is her custody.
    expect(await cells('stage')).toEqual([
      ['pretrial', 2, 4], // P1, P15; P17, P19
      ['convicted', 2, 3], // P5, P6; P17
    ]);
    expect(await cells('article')).toEqual([
      ['cc-342', 2, 2], // P1, P6
      [null, 1, 3], // P15; P17, P19: no proceeding
      ['cc-130', 1, 1], // P6
      ['cc-361-1', 1, 1], // P5
    ]);
    const atRisk = await core.call('figureBreakdown', {
      asOf: '2024-05-06',
      dimension: 'region',
      base: 'atRisk',
    });
    expect(atRisk.cells.map((c) => [c.key, c.figure.value, c.figure.upperBound])).toEqual([
      ['mogilev', 1, 2], // P5; P15 (equal counts: the larger upper bound first)
      ['minsk_city', 1, 1], // P6
    ]);
  });

  it('number in custody at the end of each year', async () => {
    const s = await core.call('figureCustodySeries', { from: '2021', to: '2023', step: 'year' });
    // 2021-12-31: P1, P2, P4 (released the next day), P6, P7, P10, P13, P14; P3 released that day.
    // 2022-12-31: P1, P5, P6, P7, P10, P11, P12, P14, P16 (P2's "2022" release is over).
    // 2023-12-31: P1, P5, P6, P12, P15, P17; P19 uncertain.
    expect(s.points).toEqual([
      { date: '2021-12-31', value: 8, upperBound: 8 },
      { date: '2022-12-31', value: 9, upperBound: 9 },
      { date: '2023-12-31', value: 6, upperBound: 7 },
    ]);
    expect(s.unplaced.count).toBe(1);
  });

  it('filters by region, citizenship and sex', async () => {
    const f = await core.call('figureInCustody', {
      asOf: '2024-05-06',
      filters: { region: 'minsk_city', sex: 'female' },
    });
    expect(summary(f)).toMatchObject({
      value: 2,
      upperBound: 3,
      persons: ['P1', 'P6'],
      uncertain: ['P17'],
    });
    const pl = await core.call('figureInCustody', {
      asOf: '2024-05-06',
      filters: { citizenship: 'PL' },
    });
    expect(labels(pl.personIds)).toEqual(['P6']);
  });

  it('lists the cases behind a figure, with their consent', async () => {
    const ids = ['P6', 'P9', 'P1'].map((l) => idOf.get(l as Label)!);
    const { items } = await core.call('figureCases', { personIds: ids });
    // The deleted P9 is left out; P6 is listed with her consent for the UI to honour.
    expect(items.map((i) => [labelOf.get(i.id), i.name, i.consent])).toEqual([
      ['P6', 'Iryna', 'never_publish'],
      ['P1', 'Alena', 'withhold_name'],
    ]);
  });

  it('follows edits: deleting a risk assignment and moving a release', async () => {
    const file = await core.call('getPersonFile', { id: idOf.get('P6')! });
    const disability = file.riskAssignments.find((r) => r.category === 'disability')!;
    await core.call('deleteRecord', { kind: 'riskAssignment', id: disability.id });
    const r = await core.call('figureAtRisk', { asOf: '2024-05-06' });
    const categories = Object.fromEntries(r.categories.map((c) => [c.category, c.figure.value]));
    expect(categories.disability ?? 0).toBe(0);
    expect(r.total.value).toBe(2); // P6 still has serious_health
    // P17's release known to the day, after A: P17 is then certainly held on A.
    const p17 = await core.call('getPersonFile', { id: idOf.get('P17')! });
    const rel = p17.custodyEvents.find((e) => e.type === 'release')!;
    await core.call('updateRecord', {
      kind: 'custodyEvent',
      id: rel.id,
      fields: { date: '2024-05-20' },
    });
    const f = await core.call('figureInCustody', { asOf: '2024-05-06' });
    expect(summary(f)).toMatchObject({ value: 5, upperBound: 6, uncertain: ['P19'] });
  });

  it('refuses a partial as-of date and a window that ends before it starts', async () => {
    expect(await core.fails('figureInCustody', { asOf: '2024-05' })).toBe('INVALID_INPUT');
    expect(await core.fails('figureReleases', { from: '2024', to: '2023-12-31' })).toBe(
      'INVALID_INPUT',
    );
  });
});
