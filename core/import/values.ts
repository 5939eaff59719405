import { ApiError } from '../api/errors';
import type {
  ImportTarget,
  UnknownValue,
  ValueChoice,
  ValueMap,
  ValueSuggestion,
} from '../api/import';
import type { ThesaurusName } from '../api/records';
import type { Cell } from '../changes/changeSet';
import { newRecordId } from '../changes/ids';
import { searchKey } from '../search/transliterate';
import { shown, splitList, wordKey, type RowReader } from './rowReader';
import { suggestTerms, type Candidate } from './suggest';
import {
  CONSENT_WORDS,
  EVENT_TYPE_WORDS,
  PROCEEDING_KIND_WORDS,
  SEX_WORDS,
  STATUS_WORDS,
  valueKey,
  type Thesauri,
  type WordList,
} from './vocabulary';

/** Where a coded column's values come from: a thesaurus of the vault, or a fixed list. */
type Vocabulary = { thesaurus: ThesaurusName } | { words: WordList };

const CODED: Partial<Record<ImportTarget, Vocabulary>> = {
  sex: { words: SEX_WORDS },
  consent: { words: CONSENT_WORDS },
  type: { words: EVENT_TYPE_WORDS },
  kind: { words: PROCEEDING_KIND_WORDS },
  status: { words: STATUS_WORDS },
  region: { thesaurus: 'region' },
  releaseType: { thesaurus: 'release_type' },
  riskCategories: { thesaurus: 'risk_category' },
  category: { thesaurus: 'risk_category' },
  facility: { thesaurus: 'facility' },
  detentionType: { thesaurus: 'detention_type' },
  articles: { thesaurus: 'article' },
  sentenceType: { thesaurus: 'sentence_type' },
};

const SUGGESTIONS = 5;

/** A thesaurus term the import makes because the user chose "new term" for a value. */
interface NewTerm {
  code: string;
  cells: Cell[];
}

/**
 * Reads the values of coded columns: by a term's code or label, else by the user's value map
 * (an existing code, a new term, or "leave these rows out"). Collects every value no term
 * matched, with how many rows carry it, for the value step of the dry run.
 */
export class ValueResolver {
  private readonly choices = new Map<ImportTarget, Map<string, ValueChoice>>();
  private readonly unknown = new Map<string, Omit<UnknownValue, 'suggestions' | 'choice'>>();
  private readonly newTerms = new Map<string, NewTerm>();
  private readonly takenCodes = new Set<string>();
  /** One candidate list per vocabulary: the matcher caches its work by the list's identity. */
  private readonly candidateLists = new Map<string, Candidate[]>();
  private counted = new Set<string>();

  constructor(
    private readonly thesauri: Thesauri,
    private readonly candidatesOf: (thesaurus: ThesaurusName) => Candidate[],
    values: ValueMap = {},
  ) {
    for (const [target, map] of Object.entries(values) as Array<
      [ImportTarget, ValueMap[ImportTarget]]
    >) {
      const byKey = new Map<string, ValueChoice>();
      for (const [value, choice] of Object.entries(map ?? {})) byKey.set(valueKey(value), choice);
      this.choices.set(target, byKey);
    }
  }

  /** Starts a new row: a value repeated within one row counts once. */
  startRow(): void {
    this.counted = new Set();
  }

  /** The code of one value of a coded column; null when blank or not usable. */
  one(r: RowReader, target: ImportTarget): string | null {
    return this.list(r, target, false)[0] ?? null;
  }

  /** The codes of a `;`-separated coded cell, each once. */
  many(r: RowReader, target: ImportTarget): string[] {
    return this.list(r, target, true);
  }

  private list(r: RowReader, target: ImportTarget, several: boolean): string[] {
    const text = r.text(target).trim();
    if (text === '') return [];
    const items = several ? splitList(text) : [text];
    // "Инвалидность; disability" is one category written twice.
    return [...new Set(items.flatMap((item) => this.resolve(r, target, item) ?? []))];
  }

  private resolve(r: RowReader, target: ImportTarget, item: string): string | null {
    const vocabulary = CODED[target]!;
    const direct = this.direct(vocabulary, item);
    if (direct === 'ambiguous' || direct === 'unknown') return this.chosen(r, target, item, direct);
    if (direct.deprecated) r.report('warning', 'DEPRECATED_VALUE', target, 'a retired term');
    return direct.code;
  }

  private direct(vocabulary: Vocabulary, item: string) {
    if ('thesaurus' in vocabulary) return this.thesauri.match(vocabulary.thesaurus, item);
    const code = vocabulary.words.get(wordKey(item));
    return code ? { code, deprecated: false } : 'unknown';
  }

  /** A value no term matched: what the value map says to do with it. */
  private chosen(
    r: RowReader,
    target: ImportTarget,
    item: string,
    match: 'unknown' | 'ambiguous',
  ): string | null {
    this.count(r, target, item);
    const choice = this.choices.get(target)?.get(valueKey(item));
    if (!choice) {
      const code = match === 'unknown' ? 'UNKNOWN_VALUE' : 'AMBIGUOUS_VALUE';
      r.report('error', code, target, `${match} value`, { value: shown(item) });
      return null;
    }
    if (choice.action === 'omit') {
      r.omitted = true;
      r.report('warning', 'VALUE_LEFT_OUT', target, 'left out by the value map', {
        value: shown(item),
      });
      return null;
    }
    const vocabulary = CODED[target]!;
    if (choice.action === 'create') return this.newTerm(target, vocabulary, choice);
    return this.mapped(r, target, vocabulary, choice.code);
  }

  private mapped(r: RowReader, target: ImportTarget, vocabulary: Vocabulary, code: string) {
    if ('words' in vocabulary) {
      if (!codesOf(vocabulary.words).has(code)) throw badChoice(target, code);
      return code;
    }
    const term = this.thesauri.term(vocabulary.thesaurus, code);
    if (!term && !this.isNewCode(code)) throw badChoice(target, code);
    if (term?.deprecated) {
      r.report('warning', 'DEPRECATED_VALUE', target, 'mapped to a retired term');
    }
    return code;
  }

  private isNewCode(code: string): boolean {
    return [...this.newTerms.values()].some((term) => term.code === code);
  }

  private newTerm(
    target: ImportTarget,
    vocabulary: Vocabulary,
    choice: Extract<ValueChoice, { action: 'create' }>,
  ): string {
    if (!('thesaurus' in vocabulary)) {
      throw new ApiError('INVALID_INPUT', `value map: ${target} takes no new terms`);
    }
    const labels = [choice.labelEn, choice.labelBe, choice.labelRu];
    if (labels.every((label) => label === '')) {
      throw new ApiError('INVALID_INPUT', `value map: a new ${target} term needs a label`);
    }
    // A term made by an earlier import of the same file (its labels now match): use it.
    for (const label of labels.filter(Boolean)) {
      const match = this.thesauri.match(vocabulary.thesaurus, label);
      if (match !== 'unknown' && match !== 'ambiguous') return match.code;
    }
    const key = `${vocabulary.thesaurus}/${labels.join('/')}`;
    const known = this.newTerms.get(key);
    if (known) return known.code;
    const code = this.freeCode(vocabulary.thesaurus, labels);
    const id = newRecordId();
    const fields = {
      thesaurus: vocabulary.thesaurus,
      code,
      labelEn: choice.labelEn,
      labelBe: choice.labelBe,
      labelRu: choice.labelRu,
      sort: 1000,
    };
    const cells = Object.entries(fields).map(([field, value]) => ({
      entity: 'thesaurusTerm',
      id,
      field,
      value,
    }));
    this.newTerms.set(key, { code, cells });
    return code;
  }

  /** A code made from the label, Latin letters and digits, not yet used in the thesaurus. */
  private freeCode(thesaurus: ThesaurusName, labels: string[]): string {
    const slug = labels.map(slugOf).find((text) => text !== '') ?? 'term';
    for (let n = 1; ; n++) {
      const code = n === 1 ? slug : `${slug}_${n}`;
      const taken =
        this.thesauri.term(thesaurus, code) || this.takenCodes.has(`${thesaurus}/${code}`);
      if (!taken) {
        this.takenCodes.add(`${thesaurus}/${code}`);
        return code;
      }
    }
  }

  private count(r: RowReader, target: ImportTarget, item: string): void {
    const key = `${target}\u0000${valueKey(item)}`;
    const known = this.unknown.get(key);
    const vocabulary = CODED[target]!;
    if (!known) {
      this.unknown.set(key, {
        target,
        column: r.columns.byTarget.get(target)?.name ?? '',
        thesaurus: 'thesaurus' in vocabulary ? vocabulary.thesaurus : null,
        value: shown(item.trim()),
        rows: 1,
      });
    } else if (!this.counted.has(key)) {
      known.rows++;
    }
    this.counted.add(key);
  }

  /** The cells of the terms the value map creates, for the import's first batch. */
  termCells(): Cell[] {
    return [...this.newTerms.values()].flatMap((term) => term.cells);
  }

  /** Every value no term matched, most rows first, with suggestions and the choice made. */
  unknownValues(): UnknownValue[] {
    return [...this.unknown.values()]
      .sort((a, b) => b.rows - a.rows || a.value.localeCompare(b.value))
      .map((value) => ({
        ...value,
        suggestions: this.suggest(value.target, value.value),
        choice: this.choices.get(value.target)?.get(valueKey(value.value)) ?? null,
      }));
  }

  private suggest(target: ImportTarget, value: string): ValueSuggestion[] {
    const vocabulary = CODED[target]!;
    const name = 'thesaurus' in vocabulary ? vocabulary.thesaurus : `words:${target}`;
    let candidates = this.candidateLists.get(name);
    if (!candidates) {
      candidates =
        'thesaurus' in vocabulary
          ? this.candidatesOf(vocabulary.thesaurus)
          : wordCandidates(vocabulary.words);
      this.candidateLists.set(name, candidates);
    }
    const labelsOf = new Map(candidates.map((c) => [c.code, c]));
    return suggestTerms(value, candidates, SUGGESTIONS).map(({ code }) => {
      const term =
        'thesaurus' in vocabulary ? this.thesauri.term(vocabulary.thesaurus, code) : null;
      return {
        code,
        labelEn: term?.labelEn ?? code,
        labelBe: term?.labelBe ?? '',
        labelRu: term?.labelRu ?? '',
        deprecated: labelsOf.get(code)?.deprecated ?? false,
      };
    });
  }
}

/**
 * A label as a code: a Latin label's own letters ("Disability (self-reported)" gives
 * `disability_self_reported`); a Cyrillic one's transliteration, by its search key.
 */
function slugOf(label: string): string {
  const latin = label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const text = /[a-z]/.test(latin) ? latin : searchKey(label).replace(/ /g, '_');
  return text.slice(0, 48).replace(/_+$/, '');
}

const listCodes = new WeakMap<WordList, ReadonlySet<string>>();

/** The codes of a fixed list, worked out once per list. */
function codesOf(words: WordList): ReadonlySet<string> {
  let codes = listCodes.get(words);
  if (!codes) listCodes.set(words, (codes = new Set(words.values())));
  return codes;
}

function badChoice(target: ImportTarget, code: string): ApiError {
  return new ApiError('INVALID_INPUT', `value map: ${code} is not a value of ${target}`);
}

/** A fixed list's values as candidates: each code with the words that mean it. */
function wordCandidates(words: WordList): Candidate[] {
  const byCode = new Map<string, string[]>();
  for (const [word, code] of words) byCode.set(code, [...(byCode.get(code) ?? []), word]);
  return [...byCode].map(([code, labels]) => ({
    code,
    labels: [code, ...labels],
    deprecated: false,
  }));
}

/** Whether values of this target are codes of a thesaurus or a fixed list. */
export function isCoded(target: ImportTarget): boolean {
  return CODED[target] !== undefined;
}
