import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExportArgs } from '../../core/api/export';
import type { Cell } from '../../core/changes/changeSet';
import { formatHlc } from '../../core/changes/hlc';
import { applyChanges } from '../../core/db/apply';
import { writableDb, type ReadDb, type WriteDb } from '../../core/db/handle';
import { readRecords } from '../../core/db/records';
import { migrate } from '../../core/db/schema';
import { loadSqlJs } from '../../core/db/sqlite';
import {
  discloseSources,
  pseudonymCode,
  pseudonymCodes,
  readDisclosed,
  redactLinked,
} from '../../core/disclosure';
import { exportRecords } from '../../core/export/service';
import type { VaultAccess } from '../../core/vault/access';
import { useTempDirs } from '../helpers/tempDir';
import { useCores } from './import-core';

/**
 * The one disclosure policy, and the export read through it. The property builds random
 * registers in memory through the write path, exports them as a vault would, and reads the
 * files' bytes (an XLSX unzipped with fflate, which the writer does not use to read).
 */

const tempDir = useTempDirs();
const startCore = useCores();
const AUTHOR = '0123456789abcdef';
let SQL: Awaited<ReturnType<typeof loadSqlJs>>;
let tick = 0;
let counter = 0;

beforeAll(async () => {
  SQL = await loadSqlJs();
});

const newId = () => (++counter).toString(16).padStart(32, '0');
const pad = (n: number) => String(n).padStart(2, '0');

function commit(db: WriteDb, cells: Cell[]): void {
  tick++;
  db.exec('BEGIN');
  applyChanges(db, {
    v: 1,
    hlc: formatHlc(Date.UTC(2026, 0, 1) + tick, 0, AUTHOR),
    author: AUTHOR,
    cells,
  });
  db.exec('COMMIT');
}

function recordCells(entity: string, id: string, fields: Record<string, Cell['value']>): Cell[] {
  return [
    ...Object.entries(fields).map(([field, value]) => ({ entity, id, field, value })),
    { entity, id, field: 'createdAt', value: '2026-01-01T00:00:00.000Z' },
  ];
}

function emptyDb(): WriteDb {
  const db = writableDb(new SQL.Database());
  migrate(db);
  return db;
}

/** An export of `db` as the session would make it, through a stand-in for the open vault. */
async function exportBytes(db: ReadDb, args: Record<string, unknown>): Promise<string> {
  const access: VaultAccess = {
    readVault: () => Promise.resolve({ db, readOnly: false }),
    commit: () => Promise.reject(new Error('export never writes to the vault')),
    bulk: (work) => work(),
  };
  const file = path.join(tempDir(), `out.${String(args.format)}`);
  // The host resolves the picker's token to a path before the core runs; this stands in for it.
  const parsed = ExportArgs.parse({ path: 'T'.repeat(43), confirmPlaintext: true, ...args });
  await exportRecords(access, { ...parsed, path: file });
  const bytes = readFileSync(file);
  if (args.format === 'csv') return bytes.toString('utf8');
  // Every part of the workbook, so that nothing hides in a part the check forgot.
  return Object.values(unzipSync(bytes))
    .map((part) => strFromU8(part))
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// Random registers whose every identifying value is a token found nowhere else

const letters = fc.string({ unit: fc.constantFrom(...'abzжзіўёъ'), minLength: 2, maxLength: 5 });

const personArb = fc.record({
  consent: fc.constantFrom('publish', 'withhold_name', 'never_publish'),
  birth: fc.record({
    precision: fc.constantFrom('none', 'year', 'month', 'day'),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  }),
  variants: fc.integer({ min: 0, max: 3 }),
  withNotes: fc.boolean(),
  events: fc.array(
    fc.record({
      type: fc.constantFrom('detention', 'transfer', 'release'),
      day: fc.integer({ min: 1, max: 28 }),
      withNotes: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
  risks: fc.integer({ min: 0, max: 2 }),
  salt: letters,
});
type GenPerson = typeof personArb extends fc.Arbitrary<infer T> ? T : never;

interface Built {
  id: string;
  consent: string;
  name: string;
  /** What else the person row holds that identifies them. */
  personSecrets: string[];
  /** The notes of their custody events and risk categories. */
  eventSecrets: string[];
  /** Year and month of birth (`1907-03`), when the birth date has them. */
  birthMonth: string | null;
  hasEvents: boolean;
}

/**
 * Tokens end in their person's index and a letter, so one never contains another; birth years
 * are 1900 + index, so a person's `year-month` is theirs alone (every other date is in 2020s).
 */
function buildRegister(db: WriteDb, persons: GenPerson[]): Built[] {
  const cells: Cell[] = [];
  const built = persons.map((p, i): Built => {
    const id = newId();
    const tag = `${i}q${p.salt}`;
    const year = 1900 + i;
    const birthDate =
      p.birth.precision === 'none'
        ? null
        : p.birth.precision === 'year'
          ? `${year}`
          : p.birth.precision === 'month'
            ? `${year}-${pad(p.birth.m)}`
            : `${year}-${pad(p.birth.m)}-${pad(p.birth.d)}`;
    const name = `Імя${tag}`;
    const nameLatin = `Latin${tag}`;
    const nameVariants = Array.from({ length: p.variants }, (_, j) => `Варыянт${j}x${tag}`);
    const occupation = `Occupation${tag}`;
    const notes = p.withNotes ? `"Нататка${tag}", радок\nдругі` : '';
    const personSecrets = [nameLatin, occupation, ...nameVariants];
    if (notes) personSecrets.push(`Нататка${tag}`);
    const eventSecrets: string[] = [];
    cells.push(
      ...recordCells('person', id, {
        name,
        nameLatin,
        nameVariants,
        birthDate,
        occupation,
        notes,
        sex: 'female',
        region: 'minsk_city',
        citizenship: ['BY'],
        consent: p.consent,
      }),
    );
    p.events.forEach((e, j) => {
      const eventNotes = e.withNotes ? `Падзея${j}x${tag}` : '';
      if (eventNotes) eventSecrets.push(eventNotes);
      cells.push(
        ...recordCells('custodyEvent', newId(), {
          personId: id,
          type: e.type,
          date: `2021-05-${pad(e.day)}`,
          notes: eventNotes,
        }),
      );
    });
    for (let j = 0; j < p.risks; j++) {
      const riskNotes = `Рызыка${j}x${tag}`;
      eventSecrets.push(riskNotes);
      cells.push(
        ...recordCells('riskAssignment', newId(), {
          personId: id,
          category: 'disability',
          startDate: '2022',
          notes: riskNotes,
        }),
      );
    }
    return {
      id,
      consent: p.consent,
      name,
      personSecrets,
      eventSecrets,
      birthMonth: birthDate && birthDate.length > 4 ? birthDate.slice(0, 7) : null,
      hasEvents: p.events.length + p.risks > 0,
    };
  });
  if (cells.length > 0) commit(db, cells);
  return built;
}

const register = fc.array(personArb, { minLength: 1, maxLength: 8 });

describe('a file for publication', () => {
  it('holds no never-publish case and no withheld name, variant, birth day or month or note, in CSV and XLSX; an internal file holds them all', async () => {
    await fc.assert(
      fc.asyncProperty(register, async (persons) => {
        const db = emptyDb();
        const built = buildRegister(db, persons);
        for (const format of ['csv', 'xlsx']) {
          for (const shape of ['persons', 'events'] as const) {
            const published = await exportBytes(db, { format, shape });
            const internal = await exportBytes(db, { format, shape, audience: 'internal' });
            for (const p of built) {
              const inFile = shape === 'persons' || p.hasEvents;
              const shown = shape === 'persons' ? p.personSecrets : p.eventSecrets;
              if (inFile) {
                for (const value of [p.name, p.id, ...shown]) expect(internal).toContain(value);
                if (p.birthMonth) expect(internal).toContain(p.birthMonth);
              }
              if (p.consent === 'publish') {
                if (inFile) expect(published).toContain(p.name);
                continue;
              }
              for (const value of [p.name, p.id, ...p.personSecrets, ...p.eventSecrets]) {
                expect(published).not.toContain(value);
              }
              if (p.birthMonth) expect(published).not.toContain(p.birthMonth);
              if (p.consent === 'withhold_name' && inFile) {
                expect(published).toContain(`Case ${pseudonymCode(p.id)}`);
              }
            }
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Examples

/** A small register: one person of each consent, the withheld one with a full record. */
function sampleDb(ids: { withheld: string; published: string; never: string }): WriteDb {
  const db = emptyDb();
  commit(db, [
    ...recordCells('person', ids.published, {
      name: 'Алена Публічная',
      birthDate: '1970-04-02',
      consent: 'publish',
    }),
    ...recordCells('person', ids.withheld, {
      name: 'Ганна Схаваная',
      nameLatin: 'Hanna Schavanaja',
      nameVariants: ['Анна Скрытая'],
      sex: 'female',
      birthDate: '1961-03-14',
      citizenship: ['BY', 'UA'],
      region: 'gomel',
      occupation: 'настаўніца',
      notes: 'сястра жыве ў Гомелі',
      consent: 'withhold_name',
    }),
    ...recordCells('person', ids.never, {
      name: 'Алесь Ніколі',
      birthDate: '1980',
      consent: 'never_publish',
    }),
    ...recordCells('custodyEvent', newId(), {
      personId: ids.withheld,
      type: 'detention',
      date: '2020-08-09',
      notes: 'затрымана каля дома',
    }),
    ...recordCells('custodyEvent', newId(), {
      personId: ids.never,
      type: 'detention',
      date: '2021-01-02',
    }),
    ...recordCells('proceeding', newId(), {
      personId: ids.withheld,
      caseNumber: '1-234/2021',
      judge: 'Суддзя Прыдуманы',
      court: 'Гомельскі абласны суд',
      notes: 'адвакат — брат',
    }),
  ]);
  return db;
}

const sampleIds = () => ({ withheld: newId(), published: newId(), never: newId() });

describe('pseudonyms', () => {
  it('are ten digits in two groups, fixed for an id forever (colleagues on any version agree)', () => {
    // Pinned: changing the derivation would change every pseudonym ever published.
    expect(pseudonymCode('0123456789abcdef0123456789abcdef')).toBe('86378-91861');
    expect(pseudonymCode('ffffffffffffffffffffffffffffffff')).toMatch(/^\d{5}-\d{5}$/);
  });

  it('are the same in every output and every vault that holds the person', async () => {
    const ids = sampleIds();
    const mine = sampleDb(ids);
    // A colleague's vault: the same person (same id) among different ones.
    const theirs = emptyDb();
    commit(theirs, [
      ...recordCells('person', ids.withheld, { name: 'Ганна', consent: 'withhold_name' }),
      ...recordCells('person', newId(), { name: 'Іншая', consent: 'withhold_name' }),
    ]);
    const label = `Case ${pseudonymCode(ids.withheld)}`;
    for (const db of [mine, theirs]) {
      for (const format of ['csv', 'xlsx']) {
        expect(await exportBytes(db, { format, shape: 'persons' })).toContain(label);
      }
      const first = readDisclosed(db, undefined, 'publish').persons;
      const again = readDisclosed(db, [ids.withheld], 'publish').persons;
      expect(first.find((p) => p.id === ids.withheld)!.pseudonym).toBe(again[0]!.pseudonym);
    }
  });

  it('that collide within one output get a suffix in id order', () => {
    // Found by trying counter ids: two ids whose codes collide.
    const a = '0000000000000000000000000000b5fb';
    const b = '0000000000000000000000000001ecdf';
    expect(pseudonymCode(a)).toBe(pseudonymCode(b));
    const other = '0123456789abcdef0123456789abcdef';
    const codes = pseudonymCodes([b, other, a]);
    expect(codes.get(a)).toBe(`${pseudonymCode(a)}-1`);
    expect(codes.get(b)).toBe(`${pseudonymCode(a)}-2`);
    expect(codes.get(other)).toBe(pseudonymCode(other));
  });
});

describe('reading persons through the policy', () => {
  it('removes what identifies a withheld person when it reads them, and leaves never-publish ones out', () => {
    const ids = sampleIds();
    const db = sampleDb(ids);
    const { persons, summary } = readDisclosed(db, undefined, 'publish');
    expect(summary).toEqual({
      audience: 'publish',
      persons: 2,
      leftOut: 1,
      pseudonymised: 1,
      neverPublishIncluded: 0,
      sourcesWithheld: 0,
    });
    expect(persons.map((p) => p.id)).toEqual([ids.published, ids.withheld]);
    expect(persons[1]).toMatchObject({
      pseudonym: pseudonymCode(ids.withheld),
      displayName: null,
      name: '',
      nameLatin: '',
      nameVariants: [],
      birthDate: '1961',
      occupation: '',
      notes: '',
      sex: 'female',
      region: 'gomel',
      citizenship: ['BY', 'UA'],
      consent: 'withhold_name',
    });
    expect(persons[0]).toMatchObject({ displayName: 'Алена Публічная', pseudonym: null });
  });

  it('keeps the order asked for, with pseudonyms after the names so their place hints at nothing', () => {
    const ids = sampleIds();
    const db = sampleDb(ids);
    const order = [ids.never, ids.withheld, ids.published];
    expect(readDisclosed(db, order, 'internal').persons.map((p) => p.id)).toEqual(order);
    expect(readDisclosed(db, order, 'publish').persons.map((p) => p.id)).toEqual([
      ids.published,
      ids.withheld,
    ]);
  });

  it('gives an internal output everyone as recorded and counts the never-publish cases in it', () => {
    const ids = sampleIds();
    const { persons, summary } = readDisclosed(
      sampleDb(ids),
      [ids.never, ids.withheld],
      'internal',
    );
    expect(summary).toMatchObject({
      persons: 2,
      leftOut: 0,
      pseudonymised: 0,
      neverPublishIncluded: 1,
    });
    expect(persons.map((p) => [p.displayName, p.birthDate, p.pseudonym])).toEqual([
      ['Алесь Ніколі', '1980', null],
      ['Ганна Схаваная', '1961-03-14', null],
    ]);
  });

  it('empties the notes, case number and judge of a pseudonymised person’s records, not a named one’s', () => {
    const ids = sampleIds();
    const db = sampleDb(ids);
    const [proceeding] = readRecords(db, 'proceeding', 'person_id = ?', [ids.withheld]);
    const published = readDisclosed(db, [ids.withheld], 'publish').persons[0]!;
    expect(redactLinked('proceeding', proceeding!, published)).toMatchObject({
      caseNumber: '',
      judge: '',
      notes: '',
      court: 'Гомельскі абласны суд',
    });
    const internal = readDisclosed(db, [ids.withheld], 'internal').persons[0]!;
    expect(redactLinked('proceeding', proceeding!, internal)).toEqual(proceeding);
  });
});

describe('sources', () => {
  const source = (confidentiality: string, title: string) => ({
    title,
    kind: 'interview',
    reliability: 'high',
    confidentiality,
    reference: `архіў ${title}`,
    date: '2022-05',
    notes: `ад суседкі ${title}`,
  });
  const all = [
    source('public', 'Прысуд'),
    source('restricted', 'Ліст'),
    source('confidential', 'Інфарматар'),
  ];

  it('leave confidential ones out of publishable output and strip a restricted one’s reference and notes', () => {
    const { sources, sourcesWithheld } = discloseSources(all, 'publish');
    expect(sourcesWithheld).toBe(1);
    expect(sources).toEqual([all[0], { ...all[1], reference: '', notes: '' }]);
  });

  it('keep only kind, reliability and date of the sources of a pseudonymised person', () => {
    const { sources, sourcesWithheld } = discloseSources(all, 'publish', { pseudonymised: true });
    expect(sourcesWithheld).toBe(1);
    expect(sources).toEqual([
      { ...all[0], title: '', reference: '', notes: '' },
      { ...all[1], title: '', reference: '', notes: '' },
    ]);
  });

  it('keep every source whole in internal output', () => {
    expect(discloseSources(all, 'internal')).toEqual({ sources: all, sourcesWithheld: 0 });
  });
});

describe('export for publication', () => {
  it('writes a withheld person as a case without Vigil ID, names or notes, with the birth year, and their events likewise', async () => {
    const ids = sampleIds();
    const db = sampleDb(ids);
    const label = `Case ${pseudonymCode(ids.withheld)}`;
    const persons = (await exportBytes(db, { format: 'csv', shape: 'persons' })).split('\r\n');
    expect(persons).toEqual([
      '\ufeffVigil ID,Name,Name (Latin),Name variants,Sex,Birth date,Citizenship,Region,Occupation,Notes,Consent',
      `${ids.published},Алена Публічная,,,,1970-04-02,,,,,publish`,
      `,${label},,,female,1961,"BY; UA",gomel,,,withhold_name`,
      '',
    ]);
    const events = (await exportBytes(db, { format: 'csv', shape: 'events' })).split('\r\n');
    expect(events.slice(1)).toEqual([`,${label},1961,detention,2020-08-09,,,,,,,`, '']);
    // Internal: as recorded, the never-publish case and the notes included.
    const internal = await exportBytes(db, {
      format: 'csv',
      shape: 'events',
      audience: 'internal',
    });
    expect(internal).toContain(
      `${ids.withheld},Ганна Схаваная,1961-03-14,detention,2020-08-09,,,,,,,затрымана каля дома`,
    );
    expect(internal).toContain(`${ids.never},Алесь Ніколі,1980,detention,2021-01-02,`);
  });
});

describe('through the core', () => {
  async function coreWithPersons() {
    const core = await startCore();
    const made: Record<string, string> = {};
    for (const [name, consent] of [
      ['Юрась Адкрыты', 'publish'],
      ['Марыя Схаваная', 'withhold_name'],
      ['Пётра Схаваны', 'withhold_name'],
      ['Вера Ніколі', 'never_publish'],
    ]) {
      made[name!] = (await core.ok<{ id: string }>('createPerson', { name, consent })).id;
    }
    return { core, made };
  }

  it('previews what an export leaves out, for everyone or the persons chosen', async () => {
    const { core, made } = await coreWithPersons();
    expect(await core.ok('previewDisclosure', {})).toEqual({
      audience: 'publish',
      persons: 3,
      leftOut: 1,
      pseudonymised: 2,
      neverPublishIncluded: 0,
      sourcesWithheld: 0,
    });
    const chosen = [made['Вера Ніколі'], made['Юрась Адкрыты']];
    expect(await core.ok('previewDisclosure', { personIds: chosen })).toMatchObject({
      persons: 1,
      leftOut: 1,
      pseudonymised: 0,
    });
    expect(await core.ok('previewDisclosure', { audience: 'internal' })).toMatchObject({
      persons: 4,
      leftOut: 0,
      neverPublishIncluded: 1,
    });
    expect(await core.fails('previewDisclosure', { audience: 'everyone' })).toBe('INVALID_INPUT');
  });

  it('exports for publication unless told the file is internal', async () => {
    const { core } = await coreWithPersons();
    const file = path.join(core.dataDir, 'people.csv');
    const args = { path: file, format: 'csv', shape: 'persons', confirmPlaintext: true };
    expect(await core.ok('exportRecords', args)).toMatchObject({ rows: 3 });
    const published = readFileSync(file, 'utf8');
    expect(published).toContain('Юрась Адкрыты');
    for (const name of ['Вера Ніколі', 'Марыя Схаваная', 'Пётра Схаваны']) {
      expect(published).not.toContain(name);
    }
    expect(published.match(/,Case \d{5}-\d{5},/g)).toHaveLength(2);
    await core.ok('exportRecords', { ...args, audience: 'internal', overwrite: true });
    expect(readFileSync(file, 'utf8')).toContain('Вера Ніколі');
  });
});
