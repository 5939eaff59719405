import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECORD_KINDS, type ThesaurusName } from '../../core/api/records';
import { DEMO_AS_OF, generateDemoCases, type DemoCase, type DemoData } from '../../core/demo/cases';
import { dateBounds, day } from '../../core/demo/dates';
import { DEMO_FACILITIES } from '../../core/demo/facilities';
import type { DemoRecord, Fields } from '../../core/demo/types';
import { SEED_TERMS } from '../../core/model/thesaurusSeed';

/** Which thesaurus each code-holding field draws from, written out here independently. */
const CODE_FIELDS: Record<string, Record<string, ThesaurusName>> = {
  person: { region: 'region' },
  proceeding: { articles: 'article', sentenceType: 'sentence_type' },
  custodyEvent: {
    facility: 'facility',
    releaseType: 'release_type',
    detentionType: 'detention_type',
  },
  riskAssignment: { category: 'risk_category' },
};

const KNOWN_CODES = new Set([
  ...Object.entries(SEED_TERMS).flatMap(([thesaurus, terms]) =>
    terms.map(([code]) => `${thesaurus}/${code}`),
  ),
  ...DEMO_FACILITIES.map((f) => `facility/${f.code}`),
]);

const REPORT_DATE = day('2024-05-06');
const DATE_FIELDS = [
  'date',
  'birthDate',
  'openedDate',
  'verdictDate',
  'appealDate',
  'startDate',
  'endDate',
];

function of<K extends DemoRecord['kind']>(demo: DemoCase, kind: K): DemoRecord<K>[] {
  return demo.records.filter((r): r is DemoRecord<K> => r.kind === kind);
}

function custody(demo: DemoCase): Fields<'custodyEvent'>[] {
  return of(demo, 'custodyEvent').map((r) => r.fields);
}

function ageOn(birthDate: string, at: number): number {
  return Math.floor((at - day(birthDate)) / 365.25);
}

/** True when a person's custody history makes sense read from top to bottom. */
function checkTimeline(demo: DemoCase, asOf: string): void {
  let held = false;
  let released = false;
  let dead = false;
  let previousEnd = -Infinity;
  for (const event of custody(demo)) {
    expect(dead).toBe(false);
    if (event.date !== null) {
      const [from, to] = dateBounds(event.date);
      // Each event lies wholly on or after the one before: a release known only as "2022"
      // follows every event of 2021 and precedes any re-arrest in 2023.
      expect(from).toBeGreaterThanOrEqual(previousEnd);
      expect(to).toBeLessThanOrEqual(day(asOf) + (event.date.length === 10 ? 0 : 366));
      expect(event.date <= asOf).toBe(true);
      previousEnd = to;
    }
    switch (event.type) {
      case 'detention':
        expect(held).toBe(false);
        held = true;
        break;
      case 'rearrest':
        expect(released).toBe(true);
        expect(held).toBe(false);
        held = true;
        break;
      case 'release':
        expect(held).toBe(true);
        expect(event.releaseType).not.toBeNull();
        held = false;
        released = true;
        break;
      case 'death_in_custody':
        expect(held).toBe(true);
        dead = true;
        break;
      default:
        expect(held).toBe(true);
    }
    if (event.type !== 'release') expect(event.releaseType).toBeNull();
  }
  for (const record of [demo.person, ...demo.records]) {
    for (const field of DATE_FIELDS) {
      const value = (record.fields as Record<string, unknown>)[field];
      if (typeof value === 'string') expect(value <= asOf, `${record.kind}.${field}`).toBe(true);
    }
  }
  for (const { fields } of of(demo, 'proceeding')) {
    if (fields.verdictDate) expect(fields.verdictDate >= fields.openedDate!).toBe(true);
    if (fields.appealDate) expect(fields.appealDate > fields.verdictDate!).toBe(true);
  }
  for (const { fields } of of(demo, 'riskAssignment')) {
    expect(fields.startDate! <= asOf).toBe(true);
    if (fields.endDate) expect(fields.endDate >= fields.startDate!).toBe(true);
  }
}

/** Every record validates, refers to known codes and to records that exist. */
function checkRecords(data: DemoData): void {
  const ids = new Set<string>();
  const byKind = new Map<string, Set<string>>();
  const all = [...data.shared, ...data.cases.flatMap((c) => [c.person, ...c.records])];
  for (const record of all) {
    expect(record.id).toMatch(/^[0-9a-f]{32}$/);
    expect(ids.has(record.id)).toBe(false);
    ids.add(record.id);
    if (!byKind.has(record.kind)) byKind.set(record.kind, new Set());
    byKind.get(record.kind)!.add(record.id);
    const schema = RECORD_KINDS[record.kind];
    // Exactly the schema's fields, each valid: nothing the write path would refuse or drop.
    expect(Object.keys(record.fields).sort()).toEqual(Object.keys(schema.shape).sort());
    expect(schema.safeParse(record.fields).error).toBeUndefined();
    const fields = record.fields as Record<string, unknown>;
    for (const [field, thesaurus] of Object.entries(CODE_FIELDS[record.kind] ?? {})) {
      const value = fields[field];
      for (const code of Array.isArray(value) ? value : value === null ? [] : [value]) {
        expect(KNOWN_CODES.has(`${thesaurus}/${String(code)}`), `${thesaurus}/${code}`).toBe(true);
      }
    }
  }
  for (const demo of data.cases) {
    for (const record of demo.records) {
      const fields = record.fields as Record<string, unknown>;
      if ('personId' in fields) expect(fields.personId).toBe(demo.person.id);
      if (typeof fields.proceedingId === 'string') {
        expect(of(demo, 'proceeding').map((p) => p.id)).toContain(fields.proceedingId);
      }
      if (record.kind === 'citation') {
        const { sourceId, entity, entityId } = record.fields as Fields<'citation'>;
        expect(byKind.get('source')!.has(sourceId)).toBe(true);
        expect(byKind.get(entity)!.has(entityId)).toBe(true);
      }
    }
  }
}

describe('demo cases', () => {
  it('are the same for the same seed, and a smaller set starts a larger one', () => {
    const a = generateDemoCases(120, 7);
    expect(generateDemoCases(120, 7)).toEqual(a);
    expect(generateDemoCases(40, 7).cases).toEqual(a.cases.slice(0, 40));
    expect(generateDemoCases(120, 8).cases[20]).not.toEqual(a.cases[20]);
  });

  it('validate against the record schemas, with known codes and existing references', () => {
    checkRecords(generateDemoCases(600, 3));
  });

  it('have coherent timelines, for any seed and as-of date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: day('2020-03-01'), max: day('2026-12-31') }),
        (seed, asOfDay) => {
          const asOf = new Date(asOfDay * 86_400_000).toISOString().slice(0, 10);
          const data = generateDemoCases(40, seed, asOf);
          for (const demo of data.cases) checkTimeline(demo, asOf);
          checkRecords(data);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('hold every case the figure fixtures need, in any set of a dozen persons', () => {
    for (const seed of [1, 2, 99]) {
      const { cases } = generateDemoCases(12, seed);
      const events = cases.map(custody);
      const releases = events.flat().filter((e) => e.type === 'release');
      // Released, then re-arrested.
      expect(
        events.some((list) => {
          const release = list.findIndex((e) => e.type === 'release');
          return release >= 0 && list.slice(release).some((e) => e.type === 'rearrest');
        }),
      ).toBe(true);
      expect(releases.some((e) => e.date?.length === 4)).toBe(true);
      expect(releases.some((e) => e.date?.length === 7)).toBe(true);
      expect(releases.some((e) => e.date?.endsWith('-12-31'))).toBe(true);
      expect(releases.some((e) => e.date?.endsWith('-01-01'))).toBe(true);
      // Over 60 on the report date, not on 1 January 2020, and in custody then.
      const turned60 = cases.find((c) => {
        const birth = c.person.fields.birthDate;
        return (
          birth?.length === 10 &&
          ageOn(birth, REPORT_DATE) >= 60 &&
          ageOn(birth, day('2020-01-01')) < 60
        );
      });
      expect(turned60).toBeDefined();
      expect(custody(turned60!).some((e) => e.type === 'release')).toBe(false);
      // Two risk categories at once.
      expect(
        cases.some((c) => {
          const risks = of(c, 'riskAssignment').map((r) => r.fields);
          const active = risks.filter(
            (r) =>
              day(r.startDate!) <= REPORT_DATE && (!r.endDate || day(r.endDate) >= REPORT_DATE),
          );
          return new Set(active.map((r) => r.category)).size >= 2;
        }),
      ).toBe(true);
      const exchanged = cases.find((c) => custody(c).some((e) => e.releaseType === 'exchange'));
      expect(exchanged?.person.fields.citizenship).toContain('UA');
      expect(releases.some((e) => e.releaseType === 'diplomatic_efforts')).toBe(true);
    }
  });

  it('spread persons and releases as the source article describes', () => {
    const { cases } = generateDemoCases(3000, 1);
    const persons = cases.map((c) => c.person.fields);
    const byYearType = new Map<string, number>();
    for (const event of cases.flatMap(custody)) {
      if (event.type !== 'release' || event.date === null) continue;
      const key = `${event.date.slice(0, 4)} ${event.releaseType}`;
      byYearType.set(key, (byYearType.get(key) ?? 0) + 1);
    }
    const count = (key: string) => byYearType.get(key) ?? 0;
    // Pardons each year, fewest in 2023 and most in the waves of 2024; amnesties in 2022-2023.
    for (const year of [2021, 2022, 2024]) expect(count(`${year} pardon`)).toBeGreaterThan(0);
    expect(count('2023 pardon')).toBeLessThan(Math.min(count('2021 pardon'), count('2022 pardon')));
    expect(count('2024 pardon')).toBeGreaterThan(count('2021 pardon'));
    expect(count('2022 amnesty')).toBeGreaterThan(0);
    expect(count('2023 amnesty')).toBeGreaterThan(0);
    expect(count('2020 pardon') + count('2021 amnesty') + count('2024 amnesty')).toBe(0);
    // Early releases are few: most prisoners serve their whole term.
    const served = [...byYearType].filter(([k]) => k.endsWith('sentence_served'));
    const early = [...byYearType].filter(([k]) => /pardon|amnesty|exchange|diplomatic/.test(k));
    const sum = (entries: [string, number][]) => entries.reduce((total, [, n]) => total + n, 0);
    expect(sum(early)).toBeLessThan(sum(served) / 10);
    const years = [...byYearType.keys()].map((key) => Number(key.slice(0, 4)));
    expect(Math.max(...years)).toBe(Number(DEMO_AS_OF.slice(0, 4)));

    // Still in custody on the report date: the last dated event before it holds them.
    const held = cases.filter((c) => {
      const dated = custody(c).filter(
        (e) => e.date !== null && dateBounds(e.date)[1] <= REPORT_DATE,
      );
      const last = dated[dated.length - 1];
      return last !== undefined && !['release', 'death_in_custody'].includes(last.type);
    });
    expect(held.length).toBeGreaterThan(cases.length * 0.25);
    expect(held.length).toBeLessThan(cases.length * 0.75);

    const citizenships = new Set(persons.flatMap((p) => p.citizenship));
    for (const code of ['BY', 'UA', 'RU', 'PL', 'LT', 'CH']) expect(citizenships).toContain(code);
    expect(persons.filter((p) => p.citizenship.includes('BY')).length).toBeGreaterThan(2500);
    expect(new Set(persons.map((p) => p.consent))).toEqual(
      new Set(['publish', 'withhold_name', 'never_publish']),
    );
    expect(new Set(persons.map((p) => p.birthDate?.length ?? 0))).toEqual(new Set([0, 4, 7, 10]));
    expect(new Set(persons.map((p) => p.sex))).toEqual(new Set(['female', 'male']));
    const full = persons.filter((p) => p.birthDate?.length === 10).map((p) => p.birthDate!);
    expect(full.filter((b) => ageOn(b, REPORT_DATE) >= 60).length).toBeGreaterThan(50);
    expect(
      full.filter((b) => ageOn(b, REPORT_DATE) >= 60 && ageOn(b, day('2023-05-06')) < 60).length,
    ).toBeGreaterThan(3);

    const categories = new Set(
      cases.flatMap((c) => of(c, 'riskAssignment').map((r) => r.fields.category)),
    );
    for (const category of ['disability', 'serious_health', 'mental_disorder', 'pregnant']) {
      expect(categories).toContain(category);
    }
    // About ten custody events, proceedings and risks per person.
    const facts = cases.flatMap((c) =>
      c.records.filter((r) => ['custodyEvent', 'proceeding', 'riskAssignment'].includes(r.kind)),
    );
    expect(facts.length / cases.length).toBeGreaterThan(8);
    expect(facts.length / cases.length).toBeLessThan(12);
    const kinds = new Set(cases.flatMap((c) => of(c, 'proceeding').map((p) => p.fields.kind)));
    expect(kinds).toEqual(new Set(['criminal', 'administrative']));
  });
});
