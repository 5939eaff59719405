/**
 * A vault of schema 7, written by the version before schema 8 (tests/fixtures/vault-v7/, the
 * format vectors as they were at schema 7), opened by this version: migration 8 gives every
 * person sort keys from their name (docs/vault-format.md, "The database inside"), so the list is
 * in each language's order at once; a database migrated by the independent reader, which leaves
 * the keys to the app, gets them on unlock; and a migration that fails leaves the files as they were.
 */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'sql.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Language } from '../../core/api/schemas';
import { writableDb, type ReadDb } from '../../core/db/handle';
import { setMigrationStepHook, type MigrationStep } from '../../core/db/migrationSteps';
import { searchPersons } from '../../core/db/persons';
import { migrate, SCHEMA_VERSION } from '../../core/db/schema';
import { ensureSortKeys } from '../../core/db/sortKeys';
import { loadSqlJs } from '../../core/db/sqlite';
import { all } from '../../core/db/statements';
import { collationKey } from '../../core/search/collation';
import { Vault } from '../../core/vault/vault';
import { useTempDirs } from '../helpers/tempDir';
import { readSnapshot, unlock } from './format-spec-files';
import { migrateToCurrent } from './format-spec-migrate';

const FIXTURE = path.resolve(__dirname, '../fixtures/vault-v7');
const expected = JSON.parse(readFileSync(path.join(FIXTURE, 'expected.json'), 'utf8')) as {
  passphrase: string;
  schemaVersion: number;
  currentGeneration: number;
};
const tempDir = useTempDirs();
afterEach(() => setMigrationStepHook(null));

/** The live persons of the fixture by name, in each language's order. */
const ORDER: Record<Language, string[]> = {
  en: ['Alesia Testavich', 'Dzmitry Samplenka', 'Ганна Прыкладная'],
  be: ['Ганна Прыкладная', 'Alesia Testavich', 'Dzmitry Samplenka'],
  ru: ['Ганна Прыкладная', 'Alesia Testavich', 'Dzmitry Samplenka'],
};

function version(db: Database): number {
  return Number(db.exec('PRAGMA user_version')[0]!.values[0]![0]);
}

function listed(db: ReadDb, language: Language): string[] {
  return searchPersons(db, {
    query: '',
    limit: 100,
    offset: 0,
    sort: 'name',
    direction: 'asc',
    language,
  }).items.map((p) => p.name);
}

/** Every person's stored keys are those of their name, deleted persons included. */
function expectKeysOfNames(db: ReadDb): void {
  const rows = all(db, 'SELECT name, sort_en, sort_be, sort_ru FROM persons');
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows)
    for (const language of ['en', 'be', 'ru'] as const)
      expect(row[`sort_${language}`], `${String(row.name)} ${language}`).toBe(
        collationKey(language, String(row.name)),
      );
}

/** The schema 7 database of the fixture's current snapshot, read by the independent reader. */
async function schema7(): Promise<Database> {
  const v = await unlock({ passphrase: expected.passphrase }, path.join(FIXTURE, 'vault'));
  const db = new (await loadSqlJs()).Database(readSnapshot(v, expected.currentGeneration));
  expect(version(db)).toBe(7);
  return db;
}

function copyOfFixture(): string {
  const folder = path.join(tempDir(), 'vault');
  cpSync(path.join(FIXTURE, 'vault'), folder, { recursive: true });
  return folder;
}

function filesOf(folder: string): Record<string, Buffer> {
  return Object.fromEntries(
    readdirSync(folder).map((name) => [name, readFileSync(path.join(folder, name))]),
  );
}

describe('migration 8 of a schema 7 vault', () => {
  it('gives every person the sort keys of their name', async () => {
    expect(expected.schemaVersion).toBe(7);
    const db = writableDb(await schema7());
    migrate(db);
    expect(version(db)).toBe(SCHEMA_VERSION);
    expectKeysOfNames(db);
    // The keys are current: unlocking does not rebuild them.
    expect(ensureSortKeys(db)).toBe(false);
  });

  it('opens the schema 7 files with the list in each language’s order, journal replayed', async () => {
    const vault = await Vault.open(copyOfFixture(), { passphrase: expected.passphrase });
    try {
      expect(version(vault.db)).toBe(SCHEMA_VERSION);
      for (const language of ['en', 'be', 'ru'] as const)
        expect(listed(vault.db, language), language).toEqual(ORDER[language]);
      expectKeysOfNames(vault.db);
    } finally {
      await vault.close();
    }
  });

  it('leaves keys the independent reader does not make to the app, which makes them on unlock', async () => {
    const theirs = writableDb(await schema7());
    migrateToCurrent(theirs);
    expect(version(theirs)).toBe(SCHEMA_VERSION);
    expect(all(theirs, 'SELECT DISTINCT sort_be FROM persons')).toEqual([{ sort_be: '' }]);
    expect(ensureSortKeys(theirs)).toBe(true);
    expectKeysOfNames(theirs);
  });

  it.each<MigrationStep>(['after', 'version'])(
    'failing before its step "%s" leaves the schema 7 files as they were, and they open afterwards',
    async (step) => {
      const folder = copyOfFixture();
      const files = filesOf(folder);
      setMigrationStepHook((to, at) => {
        if (to === 8 && at === step) throw new Error(`injected before ${step}`);
      });
      await expect(Vault.open(folder, { passphrase: expected.passphrase })).rejects.toThrow(
        `injected before ${step}`,
      );
      expect(filesOf(folder)).toEqual(files);

      setMigrationStepHook(null);
      const vault = await Vault.open(folder, { passphrase: expected.passphrase });
      try {
        expect(version(vault.db)).toBe(SCHEMA_VERSION);
        expect(listed(vault.db, 'be')).toEqual(ORDER.be);
      } finally {
        await vault.close();
      }
    },
  );

  it('rolls the database back to schema 7, name index and all, when it fails in memory', async () => {
    const db = writableDb(await schema7());
    setMigrationStepHook((to, at) => {
      if (to === 8 && at === 'version') throw new Error('injected');
    });
    expect(() => migrate(db)).toThrow('injected');
    expect(version(db)).toBe(7);
    const columns = all(db, 'SELECT name FROM pragma_table_info(?)', ['persons']).map(
      (c) => c.name,
    );
    expect(columns).not.toContain('sort_be');
    expect(all(db, "SELECT name FROM sqlite_schema WHERE name = 'persons_name'")).toHaveLength(1);
  });
});
