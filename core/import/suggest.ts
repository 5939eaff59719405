/**
 * Which terms a coded value that no term matches might mean, for the dry run's value step
 * (issue 12). People write "Гомельская вобл.", "Mahilioŭ region", "pardoned" or "ИК-15" where
 * the thesaurus says "Gomel region", "Mogilev region", "Pardon" or "Penal colony No. 15": the
 * value and every label and known variant of a term are cut into words, each word reduced to
 * its phonetic search key (core/search/transliterate.ts, so case, script, ё/е, diacritics and
 * Belarusian or Russian spelling do not matter), and the words that only say what kind of place
 * or facility it is (core/model/genericWords.ts) weigh little. The score of a term is that of its
 * best label: 1 for the same text once folded, else up to 0.95 by how much of each side the
 * other covers, word by word: same key 1, a shared stem 0.7-0.9, a near spelling below 0.7.
 */
import type { ThesaurusName } from '../api/records';
import type { ReadDb } from '../db/handle';
import { readRecords } from '../db/records';
import { FILLER_WORDS, KIND_WORDS, PART_WORDS, type KindOfPlace } from '../model/genericWords';
import { TERM_VARIANTS } from '../model/termVariants';
import { caseFold, compatible, foldText, splitWords } from '../search/normalize';
import { searchKey } from '../search/transliterate';

/** A term that a value can be mapped to, with every text it is known by. */
export interface Candidate {
  code: string;
  /** The labels in en, be and ru, and known variants; blank ones are ignored. */
  labels: string[];
  deprecated: boolean;
}

export interface Suggestion {
  code: string;
  /** 1 for the same text once folded; above MIN_SCORE for anything suggested. */
  score: number;
}

/** Below this a term is too unlike the value to be worth offering. */
export const MIN_SCORE = 0.5;

/** The best score of a match that is not the same text: keys alike is less than letters alike. */
const KEY_MATCH = 0.95;

/**
 * A number names a facility or an article ("ИК-15", "361-1") more than a word does; the kind of
 * place ("region", "СИЗО") hardly names anything.
 */
const WEIGHTS = { number: 2, word: 1, kind: 0.2 } as const;

/**
 * Words sharing a stem (`Гомель`/`Гомельская`, `pardon`/`pardoned`): at least this many letters
 * and this share of the shorter word, or all of it when it is an abbreviation (`жен`/`женщина`).
 */
const MIN_STEM = 4;
const STEM_SHARE = 0.6;
const MIN_ABBREVIATION = 3;
/** Near spellings: at most this share of the letters edited (see editSimilarity). */
const MAX_EDITS = 1 / 3;

type TokenKind = keyof typeof WEIGHTS;

interface Token {
  kind: TokenKind;
  /** A search key, a number with `-` between its parts, or a kind of place. */
  text: string;
}

interface Form {
  /** The text folded (case, marks, ё, Belarusian letters) with single spaces between words. */
  folded: string;
  tokens: Token[];
  weight: number;
  /** Only kinds of place: "СИЗО", "region". */
  generic: boolean;
}

/** A label's form, its words numbered in the vocabulary of its candidate list. */
interface LabelForm extends Form {
  ids: number[];
}

interface Prepared {
  terms: Array<{ candidate: Candidate; forms: LabelForm[] }>;
  /** Every distinct word of the labels: a value's word is compared with each only once. */
  vocabulary: Token[];
}

/** A value against one candidate list. */
interface Comparison {
  value: Form;
  /** How alike the value's `i`th word and each word of the vocabulary are. */
  rows: Float64Array[];
  /** The words of the vocabulary alike to a word of the value that is not a kind of place. */
  named: Uint8Array;
}

/** Runs of digits (with `.`, `-` or `/` inside, as in `361-1` or `19.11`) and runs of letters. */
const PIECES = /\p{N}+(?:[.\-/]\p{N}+)*|[\p{L}\p{M}]+/gu;

function pieces(text: string): Token[] {
  return (caseFold(compatible(text)).match(PIECES) ?? []).map((piece) =>
    /^\p{N}/u.test(piece)
      ? { kind: 'number', text: piece.replace(/[./]/g, '-') }
      : { kind: 'word', text: searchKey(piece) || foldText(piece) },
  );
}

type Effect = KindOfPlace | 'filler' | 'part';

interface Phrase {
  keys: string[];
  effect: Effect;
}

/** The generic words and phrases by the key of their first word, longest first. */
const PHRASES: ReadonlyMap<string, Phrase[]> = (() => {
  const entries: Array<[Effect, readonly string[]]> = [
    ...(Object.entries(KIND_WORDS) as Array<[KindOfPlace, readonly string[]]>),
    ['filler', FILLER_WORDS],
    ['part', PART_WORDS],
  ];
  const phrases = new Map<string, Phrase[]>();
  for (const [effect, words] of entries) {
    for (const word of words) {
      const keys = pieces(word).map((token) => token.text);
      const list = phrases.get(keys[0]!) ?? [];
      list.push({ keys, effect });
      phrases.set(keys[0]!, list);
    }
  }
  for (const list of phrases.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  return phrases;
})();

function phraseAt(raw: Token[], at: number): Phrase | undefined {
  const first = raw[at]!;
  if (first.kind !== 'word') return undefined;
  return PHRASES.get(first.text)?.find((phrase) =>
    phrase.keys.every((key, i) => raw[at + i]?.kind === 'word' && raw[at + i]!.text === key),
  );
}

/** The words of a text, with generic phrases replaced by their kind or dropped. */
function tokensOf(text: string): Token[] {
  const raw = pieces(text);
  const tokens: Token[] = [];
  for (let at = 0; at < raw.length;) {
    const phrase = phraseAt(raw, at);
    if (!phrase) {
      tokens.push(raw[at]!);
      at++;
      continue;
    }
    at += phrase.keys.length;
    if (phrase.effect === 'part') {
      if (raw[at]?.kind === 'number') at++;
    } else if (phrase.effect !== 'filler') {
      tokens.push({ kind: 'kind', text: phrase.effect });
    }
  }
  return tokens;
}

function formOf(text: string): Form {
  const tokens = tokensOf(text);
  return {
    folded: splitWords(foldText(text)).join(' '),
    tokens,
    weight: tokens.reduce((sum, token) => sum + WEIGHTS[token.kind], 0),
    generic: tokens.every((token) => token.kind === 'kind'),
  };
}

function stemSimilarity(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  let common = 0;
  while (common < shorter && a[common] === b[common]) common++;
  const abbreviation = common === shorter && common >= MIN_ABBREVIATION;
  if (!abbreviation && (common < MIN_STEM || common < STEM_SHARE * shorter)) return 0;
  return 0.7 + (0.2 * common) / Math.max(a.length, b.length);
}

/** Edits (insert, delete, replace, swap two neighbours) from `a` to `b`, or more than `bound`. */
function editDistance(a: string, b: string, bound: number): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      best = Math.min(best, d);
    }
    if (best > bound) return bound + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * A near spelling: few edits for its length. A shared ending (the `-ская` of adjectives) is no
 * sign that the words before it are alike, so the edits allowed are a share of the part that
 * differs, or of half the word if that is more: `Гомельская`/`Гродзенская` are not alike, nor
 * are `Pinsk`/`Minsk`, but `Mogilevskaya`/`Mogliewskaja` are.
 */
function editSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (Math.min(a.length, b.length) < MIN_STEM) return 0;
  let end = 0;
  while (end < a.length && end < b.length && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const restA = a.slice(0, a.length - end);
  const restB = b.slice(0, b.length - end);
  const bound = Math.floor(Math.max(restA.length, restB.length, longer / 2) * MAX_EDITS);
  if (Math.abs(restA.length - restB.length) > bound) return 0;
  const edits = editDistance(restA, restB, bound);
  return edits > bound ? 0 : 0.7 * (1 - edits / longer);
}

/** Numbers and kinds of place match only when equal: ИК-1 is not ИК-15. */
function similarity(a: Token, b: Token): number {
  if (a.kind !== b.kind) return 0;
  if (a.text === b.text) return 1;
  if (a.kind !== 'word') return 0;
  return stemSimilarity(a.text, b.text) || editSimilarity(a.text, b.text);
}

function formScore({ value, rows, named }: Comparison, label: LabelForm): number {
  if (value.folded === label.folded) return 1;
  if (value.tokens.length === 0 || label.tokens.length === 0) return 0;
  const { ids, tokens } = label;
  // A kind of place alone ("region", "ИК") names no term, unless it is all the label says:
  // "ЦИП Окрестина" is police custody by its variant "ЦИП", "СИЗО" is no one remand prison.
  let namesIt = label.generic;
  for (let j = 0; j < ids.length && !namesIt; j++) namesIt = named[ids[j]!] === 1;
  if (!namesIt) return 0;
  const bestForLabel = new Float64Array(ids.length);
  let valueCovered = 0;
  for (let i = 0; i < value.tokens.length; i++) {
    const row = rows[i]!;
    let best = 0;
    for (let j = 0; j < ids.length; j++) {
      const s = row[ids[j]!]!;
      if (s > best) best = s;
      if (s > bestForLabel[j]!) bestForLabel[j] = s;
    }
    valueCovered += WEIGHTS[value.tokens[i]!.kind] * best;
  }
  let labelCovered = 0;
  for (let j = 0; j < ids.length; j++) labelCovered += WEIGHTS[tokens[j]!.kind] * bestForLabel[j]!;
  return (KEY_MATCH * (valueCovered / value.weight + labelCovered / label.weight)) / 2;
}

function compare(value: Form, vocabulary: readonly Token[]): Comparison {
  const rows = value.tokens.map((token) =>
    Float64Array.from(vocabulary, (word) => similarity(token, word)),
  );
  const named = new Uint8Array(vocabulary.length);
  value.tokens.forEach((token, i) => {
    if (token.kind !== 'kind') rows[i]!.forEach((s, id) => s > 0 && (named[id] = 1));
  });
  return { value, rows, named };
}

/** Candidates are prepared once per list: the dry run asks about many values against one list. */
const prepared = new WeakMap<readonly Candidate[], Prepared>();

function prepare(candidates: readonly Candidate[]): Prepared {
  const known = prepared.get(candidates);
  if (known) return known;
  const ids = new Map<string, number>();
  const vocabulary: Token[] = [];
  const idOf = (token: Token) => {
    const key = `${token.kind} ${token.text}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = vocabulary.push(token) - 1;
      ids.set(key, id);
    }
    return id;
  };
  const terms = candidates.map((candidate) => {
    const forms = new Map<string, LabelForm>();
    for (const label of candidate.labels) {
      const form = formOf(label);
      if (form.folded !== '' && !forms.has(form.folded))
        forms.set(form.folded, { ...form, ids: form.tokens.map(idOf) });
    }
    return { candidate, forms: [...forms.values()] };
  });
  const list = { terms, vocabulary };
  prepared.set(candidates, list);
  return list;
}

/**
 * The terms `value` might mean, best first: by score, then live before deprecated, then by code.
 * Terms scoring below MIN_SCORE are left out. Pass the same `candidates` array, unchanged, for
 * every value of a column: its labels are worked out once, on the first call.
 */
export function suggestTerms(
  value: string,
  candidates: readonly Candidate[],
  limit = 5,
): Suggestion[] {
  const form = formOf(value);
  if (form.folded === '' || limit <= 0) return [];
  const { terms, vocabulary } = prepare(candidates);
  const comparison = compare(form, vocabulary);
  const scored: Array<Suggestion & { deprecated: boolean }> = [];
  for (const { candidate, forms } of terms) {
    const best = forms.reduce((max, label) => Math.max(max, formScore(comparison, label)), 0);
    // Rounded, so that equal matches compare equal whatever the order of the sums.
    const score = Math.round(best * 1000) / 1000;
    if (score >= MIN_SCORE)
      scored.push({ code: candidate.code, score, deprecated: candidate.deprecated });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      Number(a.deprecated) - Number(b.deprecated) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  return scored.slice(0, limit).map(({ code, score }) => ({ code, score }));
}

/**
 * The terms of one thesaurus of the vault, deprecated ones included, each with its labels, its
 * code (`minsk_city`, `cc-361-1` read as words) and the known variants of a seed term.
 */
export function thesaurusCandidates(db: ReadDb, thesaurus: ThesaurusName): Candidate[] {
  const variants = TERM_VARIANTS[thesaurus] ?? {};
  return readRecords(db, 'thesaurusTerm', 'thesaurus = ?', [thesaurus]).map((term) => {
    const code = String(term.code);
    const known = Object.hasOwn(variants, code) ? variants[code]! : [];
    const labels = [term.labelEn, term.labelBe, term.labelRu, code, ...known].map(String);
    return { code, labels, deprecated: term.deprecated === true };
  });
}
