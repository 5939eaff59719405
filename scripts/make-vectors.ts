// `npx tsx scripts/make-vectors.ts`: rewrites the format test vectors in docs/vectors/ (see
// docs/vectors/README.md). The bytes differ on every run (random vault id, keys and nonces);
// the contents, the passphrase and the timestamps do not.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mnemonicToEntropy } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { format } from 'prettier';
import type { RecordKind } from '../core/api/records';
import type { Cell, ChangeSet } from '../core/changes/changeSet';
import { formatHlc } from '../core/changes/hlc';
import { readRecords } from '../core/db/records';
import { all } from '../core/db/statements';
import { Vault } from '../core/vault/vault';

const ROOT = path.resolve(__dirname, '..', 'docs', 'vectors');
const FOLDER = path.join(ROOT, 'vault');
const PASSPHRASE = 'correct horse vector staple';
/** In bounds (KDF_BOUNDS) and cheap, so the tests unlock it in a moment. */
const KDF = { opsLimit: 1, memKiB: 8 * 1024 };
const AUTHOR = 'a1b2c3d4e5f60718';

const P1 = '11111111111111111111111111111111';
const P2 = '22222222222222222222222222222222';
const P3 = '33333333333333333333333333333333';
const P4 = '44444444444444444444444444444444';
const C1 = 'c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1';
const C2 = 'c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2';
const S1 = '5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e';
const R1 = 'aeaeaeaeaeaeaeaeaeaeaeaeaeaeaeae';

/** Every change set is stamped by hand: minute `n` of 5 January 2026. */
function set(minute: number, cells: Cell[]): ChangeSet {
  return {
    v: 1,
    hlc: formatHlc(Date.UTC(2026, 0, 5, 9, minute), 0, AUTHOR),
    author: AUTHOR,
    cells,
  };
}

function record(kind: RecordKind, id: string, fields: Record<string, Cell['value']>): Cell[] {
  return Object.entries(fields).map(([field, value]) => ({ entity: kind, id, field, value }));
}

const GENERATION_1 = [
  set(1, [
    ...record('person', P1, {
      name: 'Alesia Testavich',
      nameLatin: 'Alesia Testavich',
      nameVariants: ['Алеся Тэставіч'],
      sex: 'female',
      birthDate: '1987-04',
      citizenship: ['BY'],
      region: null,
      occupation: 'teacher',
      notes: '',
      consent: 'withhold_name',
      // Ignored on creation: created_at is the set's wall time (see the format spec).
      createdAt: '2026-01-05T08:00:00.000Z',
    }),
  ]),
  set(2, record('person', P2, { name: 'Ганна Прыкладная', birthDate: '1990', consent: 'publish' })),
  set(
    3,
    record('custodyEvent', C1, {
      personId: P1,
      type: 'detention',
      date: '2021-03-14',
      notes: 'held overnight',
    }),
  ),
];

const GENERATION_2 = [
  set(10, record('person', P1, { occupation: 'school teacher' })),
  set(11, record('person', P3, { name: 'Miron Vectorov', citizenship: ['BY', 'LT'] })),
  set(
    12,
    record('statusEvent', S1, {
      personId: P2,
      status: 'recognised',
      date: '2022-06',
      recognisedBy: 'an invented group',
    }),
  ),
];

/** Journal records after the last snapshot: what a reader must replay. */
const GENERATION_3 = [
  set(20, record('person', P2, { nameVariants: ['Hanna Prykladnaja', 'Anna Prikladnaya'] })),
  set(21, record('person', P3, { deleted: true })),
  set(
    22,
    record('person', P4, { name: 'Dzmitry Samplenka', sex: 'male', notes: 'line one\nline two' }),
  ),
  // Older than the edit at minute 10: last writer wins keeps "school teacher", no audit entry.
  set(5, record('person', P1, { occupation: 'stale edit that loses' })),
  set(23, [
    ...record('custodyEvent', C2, { personId: P1, type: 'release', date: '2021-03-15' }),
    ...record('person', P1, { notes: 'released the next day' }),
  ]),
  set(
    24,
    record('proceeding', R1, {
      personId: P2,
      kind: 'criminal',
      articles: ['art-342', 'art-369'],
      sentenceMonths: 36,
      court: 'an invented district court',
    }),
  ),
];

async function commitAll(vault: Vault, sets: ChangeSet[]): Promise<void> {
  for (const changeSet of sets) await vault.commit(changeSet);
}

const KINDS: Array<[string, RecordKind]> = [
  ['persons', 'person'],
  ['custodyEvents', 'custodyEvent'],
  ['statusEvents', 'statusEvent'],
  ['proceedings', 'proceeding'],
];

async function expectedContents(recoveryKey: string): Promise<unknown> {
  const vault = await Vault.open(FOLDER, { passphrase: PASSPHRASE }, { readOnly: true });
  try {
    const db = vault.db;
    const live = Object.fromEntries(
      KINDS.map(([name, kind]) => [name, readRecords(db, kind, '1', [], 'id')]),
    );
    const audit = all(db, 'SELECT count(*) AS n FROM audit_log')[0]!;
    const head = all(db, 'SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1')[0]!;
    return {
      passphrase: PASSPHRASE,
      recoveryKey,
      // The words' 16 bytes, for a reader without a BIP-39 word list.
      recoveryEntropy: Buffer.from(mnemonicToEntropy(recoveryKey, wordlist)).toString('hex'),
      kdf: KDF,
      installId: AUTHOR,
      files: readdirSync(FOLDER).sort(),
      currentGeneration: 3,
      previousGeneration: 2,
      journalRecords: { '2': GENERATION_2.length, '3': GENERATION_3.length },
      commitState: {
        generation: 3,
        records: GENERATION_3.length,
        previousRecords: GENERATION_2.length,
      },
      schemaVersion: Number(db.exec('PRAGMA user_version')[0]!.values[0]![0]),
      ...live,
      deletedPersonIds: all(db, 'SELECT id FROM persons WHERE deleted = 1 ORDER BY id').map((row) =>
        String(row.id),
      ),
      audit: { entries: Number(audit.n), lastHash: String(head.hash) },
      heldCells: 0,
    };
  } finally {
    await vault.close();
  }
}

async function main(): Promise<void> {
  rmSync(FOLDER, { recursive: true, force: true });
  mkdirSync(ROOT, { recursive: true });
  const { vault, recoveryKey } = await Vault.create(FOLDER, PASSPHRASE, KDF);
  await commitAll(vault, GENERATION_1);
  await vault.compact();
  await commitAll(vault, GENERATION_2);
  await vault.compact();
  await commitAll(vault, GENERATION_3);
  await vault.close();
  const expected = await expectedContents(recoveryKey);
  const json = await format(JSON.stringify(expected), { parser: 'json' });
  writeFileSync(path.join(ROOT, 'expected.json'), json);
  console.log(`wrote ${readdirSync(FOLDER).join(', ')} and expected.json`);
}

void main();
