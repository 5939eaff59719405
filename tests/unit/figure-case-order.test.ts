import { describe, expect, it } from 'vitest';
import { coreWithVault } from '../helpers/session';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();

describe('the order of a drill-down list', () => {
  it('lists people by name in the language, withheld names last, and drops unknown ids', async () => {
    const core = await coreWithVault(tempDir());
    const make = async (name: string, consent = 'publish') =>
      (await core.call('createPerson', { name, consent })).id;
    const ivan = await make('Іван Выдуманы');
    const ulad = await make('Ўладзімір Выдуманы');
    const anna = await make('Анна Выдуманая');
    const yury = await make('Юрый Выдуманы');
    const hidden = await make('Аляксей Схаваны', 'withhold_name');
    const deleted = await make('Барыс Выдалены');
    await core.call('deleteRecord', { kind: 'person', id: deleted });

    const given = [yury, hidden, ulad, deleted, ivan, anna];
    const be = await core.call('figureCaseOrder', { personIds: given, language: 'be' });
    // Belarusian: і is where и would be (before к), ў is a letter after у (and before ю).
    expect(be.personIds).toEqual([anna, ivan, ulad, yury, hidden]);

    const en = await core.call('figureCaseOrder', { personIds: given, language: 'en' });
    expect(en.personIds.at(-1)).toBe(hidden);
    expect(en.personIds).not.toContain(deleted);
  });

  it('refuses a language it does not sort in', async () => {
    const core = await coreWithVault(tempDir());
    expect(await core.fails('figureCaseOrder', { personIds: [], language: 'de' })).toBe(
      'INVALID_INPUT',
    );
  });
});
