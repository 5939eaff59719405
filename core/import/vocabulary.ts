import type { ReadDb } from '../db/handle';
import { THESAURI, type ThesaurusName } from '../api/records';
import { readRecords } from '../db/records';
import { compactKey } from './headers';

/** For matching thesaurus values: case, repeated spaces and ё do not matter; punctuation does. */
function valueKey(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
}

interface Term {
  code: string;
  deprecated: boolean;
}

type TermMatch = Term | 'unknown' | 'ambiguous';

/**
 * Every thesaurus of the vault, looked up by code or by a label in any language. A code
 * always wins over a label; a label that two terms share is ambiguous rather than guessed.
 */
export class Thesauri {
  private readonly byName = new Map<ThesaurusName, Map<string, Term | 'ambiguous'>>();

  constructor(db: ReadDb) {
    for (const name of THESAURI) this.byName.set(name, new Map());
    const terms = readRecords(db, 'thesaurusTerm', '1 = 1', []);
    for (const term of terms) this.add(term, ['labelEn', 'labelBe', 'labelRu']);
    for (const term of terms) this.add(term, ['code']);
  }

  private add(term: Record<string, unknown>, fields: string[]): void {
    const map = this.byName.get(term.thesaurus as ThesaurusName);
    if (!map) return;
    const value: Term = { code: String(term.code), deprecated: term.deprecated === true };
    for (const field of fields) {
      const key = valueKey(String(term[field] ?? ''));
      if (key === '') continue;
      const known = map.get(key);
      const clash =
        field !== 'code' && known && (known === 'ambiguous' || known.code !== value.code);
      map.set(key, clash ? 'ambiguous' : value);
    }
  }

  match(thesaurus: ThesaurusName, text: string): TermMatch {
    return this.byName.get(thesaurus)!.get(valueKey(text)) ?? 'unknown';
  }
}

/** Values of the fixed lists (not thesauri), by their code and common words in en/be/ru. */
function words(table: Record<string, string[]>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [code, names] of Object.entries(table)) {
    for (const name of [code, ...names]) map.set(compactKey(name), code);
  }
  return map;
}

export const SEX_WORDS = words({
  female: ['f', 'woman', 'ж', 'жен', 'женский', 'женщина', 'жаночы', 'жанчына'],
  male: ['m', 'man', 'м', 'муж', 'мужской', 'мужчина', 'мужчынскі', 'мужчына'],
  other: ['другой', 'иной', 'іншы'],
});

export const CONSENT_WORDS = words({
  publish: ['yes', 'да', 'так', 'публиковать', 'публікаваць'],
  withhold_name: ['withhold name', 'anonymous', 'без имени', 'анонимно', 'без імя', 'ананімна'],
  never_publish: ['never', 'no', 'нет', 'не', 'не публиковать', 'не публікаваць'],
});

/** Event types of an event table; `risk` marks a row that assigns a risk category. */
export const EVENT_TYPE_WORDS = words({
  detention: ['задержание', 'затрыманне'],
  arrest: ['арест', 'арышт'],
  sentence: ['sentencing', 'приговор', 'прысуд'],
  transfer: ['перевод', 'этап', 'этапирование', 'перавод'],
  release: ['освобождение', 'вызваленне'],
  rearrest: ['повторный арест', 'паўторны арышт'],
  death_in_custody: ['смерть в заключении', 'смерть под стражей', 'смерць у зняволенні'],
  risk: ['risk category', 'риск', 'категория риска', 'рызыка', 'катэгорыя рызыкі'],
});
