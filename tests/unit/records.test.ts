import { afterEach, describe, expect, it } from 'vitest';
import { SEED_TERMS } from '../../core/model/thesaurusSeed';
import { useTempDirs } from '../helpers/tempDir';
import { coreWithVault, type TestCore } from '../helpers/session';

const tempDir = useTempDirs();
const cores: TestCore[] = [];

async function newCore(): Promise<TestCore> {
  const core = await coreWithVault(tempDir());
  cores.push(core);
  return core;
}

afterEach(async () => {
  for (const core of cores.splice(0)) await core.session.lock();
});

describe('case records', () => {
  it('starts every vault with the thesauri, in order, with labels in three languages', async () => {
    const core = await newCore();
    const releaseTypes = await core.call('listThesaurus', { thesaurus: 'release_type' });
    expect(releaseTypes.map((t) => t.code)).toEqual(SEED_TERMS.release_type.map(([code]) => code));
    expect(releaseTypes.find((t) => t.code === 'pardon')).toMatchObject({
      labelEn: 'Pardon',
      labelBe: 'Памілаванне',
      labelRu: 'Помилование',
    });
  });

  it('records a person with a timeline of custody events and sources', async () => {
    const core = await newCore();
    const person = await core.call('createPerson', {
      name: 'Іна Тэставая',
      nameVariants: ['Инна Тестовая'],
      sex: 'female',
      region: 'grodno',
    });
    const detention = await core.call('createRecord', {
      kind: 'custodyEvent',
      fields: {
        personId: person.id,
        type: 'detention',
        date: '2021-08',
        detentionType: 'pre_trial_detention',
      },
    });
    await core.call('createRecord', {
      kind: 'custodyEvent',
      fields: { personId: person.id, type: 'release', date: '2022', releaseType: 'pardon' },
    });
    await core.call('createRecord', {
      kind: 'riskAssignment',
      fields: { personId: person.id, category: 'serious_health', startDate: '2022-01-10' },
    });
    const source = await core.call('createRecord', {
      kind: 'source',
      fields: { title: 'Court record', kind: 'court_record', reliability: 'high' },
    });
    await core.call('createRecord', {
      kind: 'citation',
      fields: { sourceId: source.id, entity: 'custodyEvent', entityId: detention.id },
    });

    const file = await core.call('getPersonFile', { id: person.id });
    expect(file.person).toMatchObject({
      name: 'Іна Тэставая',
      consent: 'withhold_name',
      nameVariants: ['Инна Тестовая'],
    });
    // The timeline is in date order, whatever order the events were entered in.
    expect(file.custodyEvents.map((e) => [e.type, e.date])).toEqual([
      ['detention', '2021-08'],
      ['release', '2022'],
    ]);
    expect(file.riskAssignments).toHaveLength(1);
    expect(file.citations).toEqual([
      expect.objectContaining({
        entityId: detention.id,
        source: expect.objectContaining({ title: 'Court record' }),
      }),
    ]);
  });

  it('refuses unknown thesaurus codes, dangling references and bad partial dates', async () => {
    const core = await newCore();
    const person = await core.call('createPerson', { name: 'A' });
    const event = (fields: object) =>
      core.fails('createRecord', {
        kind: 'custodyEvent',
        fields: { personId: person.id, type: 'release', ...fields },
      });
    expect(await event({ releaseType: 'teleported' })).toBe('INVALID_INPUT');
    expect(await event({ date: '2022-13' })).toBe('INVALID_INPUT');
    expect(await event({ personId: 'f'.repeat(32) })).toBe('INVALID_INPUT');
    expect(
      await core.fails('createRecord', { kind: 'riskAssignment', fields: { personId: person.id } }),
    ).toBe('INVALID_INPUT');
    expect(await core.fails('createRecord', { kind: 'nonsense', fields: {} })).toBe(
      'INVALID_INPUT',
    );
  });

  it('refuses a second term with the same code in a thesaurus', async () => {
    const core = await newCore();
    const term = { thesaurus: 'facility', code: 'colony-99', labelEn: 'Colony 99 (invented)' };
    const first = await core.call('createRecord', { kind: 'thesaurusTerm', fields: term });
    expect(await core.fails('createRecord', { kind: 'thesaurusTerm', fields: term })).toBe(
      'INVALID_INPUT',
    );
    await core.call('updateRecord', {
      kind: 'thesaurusTerm',
      id: first.id,
      fields: { labelEn: 'Renamed' },
    });
  });

  it('keeps the history of a record with who, when, before and after', async () => {
    const core = await newCore();
    const person = await core.call('createPerson', { name: 'Before' });
    await core.call('updatePerson', { id: person.id, changes: { name: 'After', notes: 'n' } });
    const history = await core.call('getHistory', { kind: 'person', id: person.id });
    expect(history[0]).toMatchObject({ field: 'created' });
    const names = history.filter((h) => h.field === 'name');
    expect(names.map((h) => [h.before, h.after])).toEqual([['Before', 'After']]);
    expect(names[0]!.time).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(history.filter((h) => h.field === 'notes').at(-1)).toMatchObject({
      before: '',
      after: 'n',
    });
  });

  it('undoes the last change, then the creation before it', async () => {
    const core = await newCore();
    const person = await core.call('createPerson', { name: 'Original', citizenship: ['BY'] });
    await core.call('updatePerson', {
      id: person.id,
      changes: { name: 'Typo', citizenship: ['BY', 'UA'] },
    });
    expect(await core.call('undoLastChange', {})).toEqual({ undone: true });
    expect(await core.call('getPerson', { id: person.id })).toMatchObject({
      name: 'Original',
      citizenship: ['BY'],
    });
    await core.call('undoLastChange', {});
    expect(await core.fails('getPerson', { id: person.id })).toBe('NOT_FOUND');
    expect(await core.call('undoLastChange', {})).toEqual({ undone: false });
  });

  it('deletes as a tombstone: gone from lists, still in history', async () => {
    const core = await newCore();
    const person = await core.call('createPerson', { name: 'Gone' });
    await core.call('deleteRecord', { kind: 'person', id: person.id });
    expect((await core.call('listPersons', {})).total).toBe(0);
    expect(
      (await core.call('getHistory', { kind: 'person', id: person.id })).some(
        (h) => h.field === 'deleted',
      ),
    ).toBe(true);
  });

  it('reports an audit log that no longer verifies', async () => {
    const core = await newCore();
    const person = await core.call('createPerson', { name: 'A' });
    await core.call('updatePerson', { id: person.id, changes: { name: 'A2' } });
    await expect.poll(async () => (await core.call('auditStatus', {})).state).toBe('intact');
    const vault = await core.session.readVault();
    // An edit that bypasses the write path, as a bug or a doctored database would.
    vault.db.exec("UPDATE audit_edits SET after = '\"B\"' WHERE field = 'name'");
    await vault.compact();
    await core.call('lockVault', {});
    await core.call('unlockVault', { folder: vault.folder, passphrase: 'test passphrase' });
    await expect.poll(async () => (await core.call('auditStatus', {})).state).toBe('broken');
  });
});

describe('person list', () => {
  it('filters by region and risk category, sorts, and pages', async () => {
    const core = await newCore();
    const make = async (name: string, region: string | null, birthDate: string | null) =>
      core.call('createPerson', { name, region, birthDate });
    const a = await make('Ala', 'grodno', '1960');
    await make('Bela', 'brest', '1950-02');
    await make('Cyra', 'grodno', null);
    await core.call('createRecord', {
      kind: 'riskAssignment',
      fields: { personId: a.id, category: 'disability' },
    });
    const names = async (args: object) =>
      (await core.call('listPersons', args)).items.map((p) => p.name);
    expect(await names({ region: 'grodno' })).toEqual(['Ala', 'Cyra']);
    expect(await names({ riskCategory: 'disability' })).toEqual(['Ala']);
    expect(await names({ sort: 'birthDate' })).toEqual(['Bela', 'Ala', 'Cyra']);
    expect(await names({ sort: 'name', direction: 'desc', limit: 2 })).toEqual(['Cyra', 'Bela']);
    expect((await core.call('listPersons', { limit: 1, offset: 2 })).total).toBe(3);
  });

  it('warns of a likely duplicate by name and birth year', async () => {
    const core = await newCore();
    const existing = await core.call('createPerson', {
      name: 'Ёжик Тэставы',
      nameLatin: 'Yozhik Testavy',
      birthDate: '1970-05-01',
    });
    const found = async (name: string, birthDate: string | null) =>
      (await core.call('findDuplicates', { name, birthDate })).map((p) => p.id);
    expect(await found('yozhik testavy', '1970')).toEqual([existing.id]);
    expect(await found('Ёжик Тэставы', '1980')).toEqual([]);
    expect(
      await core.call('findDuplicates', { name: 'Ёжик Тэставы', excludeId: existing.id }),
    ).toEqual([]);
  });
});

describe('search across scripts', () => {
  it('finds a Cyrillic name by its Latin spellings, a Russian form, notes and cited sources', async () => {
    const core = await newCore();
    const person = await core.call('createPerson', {
      name: 'Дратасевіч Тэст',
      notes: 'арыштаваны ў Менску',
    });
    await core.call('createPerson', { name: 'Ёжик Другі' });
    const source = await core.call('createRecord', {
      kind: 'source',
      fields: { title: 'Zvyazda archive 1997' },
    });
    await core.call('createRecord', {
      kind: 'citation',
      fields: { sourceId: source.id, entity: 'person', entityId: person.id },
    });
    const found = async (query: string) =>
      (await core.call('listPersons', { query })).items.map((p) => p.name);
    for (const query of [
      'Dratasevich',
      'Drotasevich',
      'Дратасевіч',
      'Дротасевич',
      'drat',
      'менску',
      'zvyazda',
    ]) {
      expect([query, await found(query)]).toEqual([query, ['Дратасевіч Тэст']]);
    }
    expect(await found('ежик')).toEqual(['Ёжик Другі']);
    // FTS syntax typed by the user is text, never an operator: symbols alone match everyone.
    expect(await found('"*)( -:')).toHaveLength(2);
    expect(await found('OR NEAR')).toEqual([]);
    await core.call('updatePerson', { id: person.id, changes: { name: 'Renamed Person' } });
    expect(await found('Dratasevich')).toEqual([]);
    expect(await found('renamed')).toEqual(['Renamed Person']);
  });

  it('keeps the index after a restart and a compaction', async () => {
    const root = tempDir();
    const { coreWithVault: make } = await import('../helpers/session');
    const core = await make(root);
    await core.call('createPerson', { name: 'Мосік Тэст' });
    await (await core.session.readVault()).compact();
    await core.call('lockVault', {});
    await core.call('unlockVault', { folder: `${root}/vault`, passphrase: 'test passphrase' });
    expect((await core.call('listPersons', { query: 'Mosik' })).total).toBe(1);
    await core.session.lock();
  });
});

describe('demo data', () => {
  it('fills a vault with invented cases that list, search and open like entered ones', async () => {
    const core = await newCore();
    expect(await core.call('loadDemoData', { persons: 25 })).toMatchObject({ persons: 25 });
    const list = await core.call('listPersons', { limit: 100 });
    expect(list.total).toBe(25);
    const first = list.items[0]!;
    const file = await core.call('getPersonFile', { id: first.id });
    expect(
      file.custodyEvents.length + file.proceedings.length + file.riskAssignments.length,
    ).toBeGreaterThan(0);
    expect(
      (await core.call('listPersons', { query: first.nameLatin.split(' ')[0]! })).total,
    ).toBeGreaterThan(0);
  });
});
