/** A person's external ids: one person per id and scheme, and found by typing the number. */
import { describe, expect, it } from 'vitest';
import { useCores } from './import-core';

const startCore = useCores();

describe('external ids of persons', () => {
  it('refuses an id another person carries, in any case, and allows it in another scheme', async () => {
    const core = await startCore();
    const first = await core.ok<{ id: string }>('createRecord', {
      kind: 'person',
      fields: { name: 'Zmitser Prykladny', externalIds: ['list:AB-12'] },
    });
    const taken = { kind: 'person', fields: { name: 'Other Person', externalIds: ['list:ab-12'] } };
    expect(await core.fails('createRecord', taken)).toBe('EXTERNAL_ID_TAKEN');
    const other = await core.ok<{ id: string }>('createRecord', {
      kind: 'person',
      fields: { name: 'Other Person', externalIds: ['register2:AB-12'] },
    });
    expect(
      await core.fails('updateRecord', {
        kind: 'person',
        id: other.id,
        fields: { externalIds: ['register2:AB-12', 'List:AB-12'] },
      }),
    ).toBe('EXTERNAL_ID_TAKEN');
    // Its own id again is no clash.
    await core.ok('updateRecord', {
      kind: 'person',
      id: first.id,
      fields: { externalIds: ['list:AB-12', 'list:100%_'] },
    });
    expect(
      await core.fails('createRecord', {
        kind: 'person',
        fields: { name: 'Third', externalIds: ['list:100%_'] },
      }),
    ).toBe('EXTERNAL_ID_TAKEN');
  });

  it('lets an edit that leaves the ids alone through, even when another person carries one', async () => {
    const core = await startCore();
    const ids: string[] = [];
    // Two persons with one list number, as a colleague's bundle can bring them.
    for (const name of ['Ales Pershy', 'Ales Druhi']) {
      const id = `0000000000000000000000000000000${ids.length}`;
      ids.push(id);
      const fields: Array<[string, string | string[]]> = [
        ['name', name],
        ['externalIds', ['list:7']],
        ['createdAt', '2026-01-01T00:00:00.000Z'],
      ];
      await core.session.commit(
        fields.map(([field, value]) => ({ entity: 'person', id, field, value })),
      );
    }
    await core.ok('updateRecord', { kind: 'person', id: ids[0], fields: { notes: 'moved' } });
    expect(
      await core.fails('updateRecord', {
        kind: 'person',
        id: ids[1],
        fields: { externalIds: ['list:7', 'list:8'] },
      }),
    ).toBe('EXTERNAL_ID_TAKEN');
  });

  it('finds a person by typing their list number', async () => {
    const core = await startCore();
    const person = await core.ok<{ id: string }>('createRecord', {
      kind: 'person',
      fields: { name: 'Zmitser Prykladny', externalIds: ['list:1042'] },
    });
    await core.ok('createRecord', { kind: 'person', fields: { name: 'Someone Else' } });
    const found = await core.ok<{ items: { id: string }[] }>('listPersons', { query: '1042' });
    expect(found.items.map((item) => item.id)).toEqual([person.id]);
  });
});
