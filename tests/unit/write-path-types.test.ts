import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { applyChanges } from '../../core/db/apply';
import type { ReadDb, WriteDb } from '../../core/db/handle';
import { migrate } from '../../core/db/schema';
import { ensureSearchIndex, refreshPersonDocument } from '../../core/db/searchIndex';
import { first, run } from '../../core/db/statements';
import { Vault } from '../../core/vault/vault';
import { useTempDirs } from '../helpers/tempDir';
import { newId, personSet, TEST_KDF } from '../helpers/vault';

const tempDir = useTempDirs();

/**
 * The one write path as a type rule: `npm run typecheck` fails if a reader's handle could be
 * given to a writer (each `@ts-expect-error` below would then be unused, which tsc reports).
 */
describe('database handles', () => {
  it('give readers a handle that no writer accepts', async () => {
    const { vault } = await Vault.create(path.join(tempDir(), 'vault'), 'a passphrase', TEST_KDF);
    try {
      expectTypeOf(vault.db).toEqualTypeOf<ReadDb>();
      expectTypeOf<WriteDb>().toExtend<ReadDb>();
      // @ts-expect-error the statement helper that writes takes only a WriteDb
      expectTypeOf(run).toBeCallableWith(vault.db, 'DELETE FROM persons');
      // @ts-expect-error the write path takes only a WriteDb
      expectTypeOf(applyChanges).toBeCallableWith(vault.db, personSet(newId(), { name: 'X' }));
      // @ts-expect-error migrations take only a WriteDb
      expectTypeOf(migrate).toBeCallableWith(vault.db);
      // @ts-expect-error the derived search index is written only through a WriteDb
      expectTypeOf(ensureSearchIndex).toBeCallableWith(vault.db);
      // @ts-expect-error the derived search index is written only through a WriteDb
      expectTypeOf(refreshPersonDocument).toBeCallableWith(vault.db, newId());
      expectTypeOf(first).toBeCallableWith(vault.db, 'SELECT 1');

      // At run time the reader's handle is the database the write path wrote.
      const id = newId();
      await vault.commit(personSet(id, { name: 'Invented Person' }));
      expect(first(vault.db, 'SELECT name FROM persons WHERE id = ?', [id])?.name).toBe(
        'Invented Person',
      );
    } finally {
      await vault.close();
    }
  });
});
