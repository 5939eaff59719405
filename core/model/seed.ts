import { createHash } from 'node:crypto';
import type { ReadDb } from '../db/handle';
import { THESAURI } from '../api/records';
import type { Cell, ChangeSet } from '../changes/changeSet';
import { formatHlc } from '../changes/hlc';
import { SEED_AUTHOR } from '../changes/ids';

export { SEED_AUTHOR };
import { first } from '../db/statements';
import { SEED_TERMS } from './thesaurusSeed';

/** Raise when the seed terms change, so their new labels replace the old seed (never a user edit). */
const SEED_VERSION = 1;
/** Seeds are stamped at the epoch: any edit a user makes is newer and wins. */
export const SEED_HLC = formatHlc(0, SEED_VERSION, SEED_AUTHOR);

/** The same id for the same term in every vault, so colleagues' vaults merge their thesauri. */
export function seedTermId(thesaurus: string, code: string): string {
  return createHash('sha256')
    .update(`vigil thesaurus ${thesaurus} ${code}`)
    .digest('hex')
    .slice(0, 32);
}

export function seedChangeSet(): ChangeSet {
  const cells: Cell[] = [];
  for (const thesaurus of THESAURI) {
    SEED_TERMS[thesaurus].forEach(([code, labelEn, labelBe, labelRu], sort) => {
      const id = seedTermId(thesaurus, code);
      const fields = {
        thesaurus,
        code,
        labelEn,
        labelBe,
        labelRu,
        address: '',
        deprecated: false,
        sort,
      };
      for (const [field, value] of Object.entries(fields))
        cells.push({ entity: 'thesaurusTerm', id, field, value });
      cells.push({
        entity: 'thesaurusTerm',
        id,
        field: 'createdAt',
        value: new Date(0).toISOString(),
      });
    });
  }
  return { v: 1, hlc: SEED_HLC, author: SEED_AUTHOR, cells };
}

/** True when this version's seed has not been applied to the vault yet. */
export function needsSeed(db: ReadDb): boolean {
  return !first(db, 'SELECT 1 AS found FROM hlcs WHERE hlc = ?', [SEED_HLC]);
}
