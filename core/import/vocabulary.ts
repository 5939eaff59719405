import type { ReadDb } from '../db/handle';
import { THESAURI, type ThesaurusName } from '../api/records';
import { readRecords } from '../db/records';
import { compactKey } from './headers';

/** For matching thesaurus values: case, repeated spaces and ё do not matter; punctuation does. */
export function valueKey(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
}

interface Term {
  code: string;
  deprecated: boolean;
}

/** A term as the value step shows it. */
export interface TermLabels {
  code: string;
  labelEn: string;
  labelBe: string;
  labelRu: string;
  deprecated: boolean;
}

type TermMatch = Term | 'unknown' | 'ambiguous';

/**
 * Every thesaurus of the vault, looked up by code or by a label in any language. A code
 * always wins over a label; a label that two terms share is ambiguous rather than guessed.
 */
export class Thesauri {
  private readonly byName = new Map<ThesaurusName, Map<string, Term | 'ambiguous'>>();
  private readonly byCode = new Map<string, TermLabels>();

  constructor(db: ReadDb) {
    for (const name of THESAURI) this.byName.set(name, new Map());
    const terms = readRecords(db, 'thesaurusTerm', '1 = 1', []);
    for (const term of terms) this.add(term, ['labelEn', 'labelBe', 'labelRu']);
    for (const term of terms) this.add(term, ['code']);
    for (const term of terms) {
      this.byCode.set(`${String(term.thesaurus)}/${String(term.code)}`, {
        code: String(term.code),
        labelEn: String(term.labelEn),
        labelBe: String(term.labelBe),
        labelRu: String(term.labelRu),
        deprecated: term.deprecated === true,
      });
    }
  }

  /** The term of this code, deprecated or not. */
  term(thesaurus: ThesaurusName, code: string): TermLabels | undefined {
    return this.byCode.get(`${thesaurus}/${code}`);
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

/** A fixed list's words (by compactKey) -> its code. */
export type WordList = ReadonlyMap<string, string>;

/** Values of the fixed lists (not thesauri), by their code and common words in en/be/ru. */
function words(table: Record<string, string[]>): WordList {
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

export const PROCEEDING_KIND_WORDS = words({
  criminal: ['уголовное', 'уголовный', 'уголовное дело', 'крымінальная', 'крымінальная справа'],
  administrative: [
    'admin',
    'административное',
    'административный',
    'административное дело',
    'адміністрацыйная',
    'адміністрацыйная справа',
  ],
});

export const STATUS_WORDS = words({
  recognised: ['recognized', 'recognised', 'признан', 'признана', 'прызнаны', 'прызнаная'],
  status_removed: ['removed', 'status removed', 'снят', 'статус снят', 'знят', 'статус зняты'],
});
