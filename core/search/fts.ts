/**
 * Full-text search glue for sql.js, which has FTS4 but not FTS5. Each person has one document in an
 * FTS4 table, written by `indexText` from the person's searchable fields (names, notes, sources):
 * every word appears folded (`foldText`) and as its phonetic key (`searchKey`). A query matches, for
 * each word typed, its folded form or its key as a prefix, so `Prat`, `Drotasevich` and `Пратасевич`
 * all find `Дратасевіч`. See docs/search.md.
 */
import { foldText, splitWords } from './normalize';
import { searchKey, searchKeyPrefix } from './transliterate';

/**
 * Version of the rules that write documents (`foldText`, `searchKey`, `indexText`). An index built
 * under another version finds less than it should: whoever stores the table rebuilds it on a change.
 */
export const SEARCH_INDEX_VERSION = 1;

/**
 * The search table; its `docid` is the person's rowid. Not contentless: FTS4 refuses to DELETE from
 * a contentless table, and a person's document changes with every edit. The documents are already
 * folded, so unicode61 has only to split them; `remove_diacritics=2` folds whatever a future rule
 * might leave. The `prefix` indexes keep one- to three-letter prefix queries (`П`, `Pr`) from
 * scanning every term.
 */
export const SEARCH_TABLE_DDL = `CREATE VIRTUAL TABLE IF NOT EXISTS person_search USING fts4(
  doc, tokenize=unicode61 "remove_diacritics=2", prefix="1,2,3")`;

/**
 * Folded form and key of each word already seen. Documents repeat the same words (first names,
 * common surnames, the vocabulary of notes), and folding and keying cost a few microseconds a word:
 * the cache brings indexing 100k synthetic persons from about 4 s to 1 s. Cleared when full, to stay
 * bounded. It holds case data in plain text, like the database, and dies with the core worker when
 * the vault locks.
 */
const wordTokens = new Map<string, readonly [string, string]>();
const WORD_CACHE_SIZE = 50_000;

function tokensOf(word: string): readonly [string, string] {
  let tokens = wordTokens.get(word);
  if (tokens === undefined) {
    if (wordTokens.size >= WORD_CACHE_SIZE) wordTokens.clear();
    tokens = [foldText(word), searchKey(word)];
    wordTokens.set(word, tokens);
  }
  return tokens;
}

/** The FTS4 document for a person: the folded form and the key of every word, each once. */
export function indexText(fields: readonly string[]): string {
  const tokens = new Set(fields.flatMap(splitWords).flatMap(tokensOf));
  tokens.delete('');
  return [...tokens].join(' ');
}

/**
 * Words of a query beyond this are ignored: a name search needs a few, and each word costs a prefix
 * expansion. Fewer words only widen the result.
 */
const MAX_QUERY_WORDS = 12;

/**
 * `"term*"`, a prefix match that FTS4 reads as one quoted token, so that no operator (`OR`, `NEAR`,
 * `-`, `:`) can be spelt by a term. The terms come from `splitWords`: letters and digits, no quotes.
 */
function prefixTerm(term: string): string {
  return `"${term}*"`;
}

/** The prefixes one typed word is looked up by: its folded form and its key, each once. */
function wordTerms(word: string): string[] {
  return [...new Set([foldText(word), searchKeyPrefix(word)])].filter((t) => t !== '');
}

/**
 * What a query asks for: for each word typed, the prefixes of which a document must have one
 * (every word must match, each by its folded form or its key). Empty when the query has no word.
 */
export function queryTerms(userQuery: string): string[][] {
  const words = [...new Set(splitWords(userQuery))].slice(0, MAX_QUERY_WORDS);
  return words.map(wordTerms).filter((terms) => terms.length > 0);
}

/**
 * A safe FTS4 MATCH expression for what the user typed: every word must match (implicit AND), as
 * a prefix, in its folded form or by its phonetic key, `("fold*" OR "key*")` per word. Characters
 * that are FTS syntax are never passed through: only words (letters, digits) reach the
 * expression, each quoted. Returns null when the query has no word, so the caller lists without
 * searching.
 */
export function matchQuery(userQuery: string): string | null {
  return matchExpression(queryTerms(userQuery));
}

/** The MATCH expression for terms from `queryTerms` (or some of them), null for none. */
export function matchExpression(terms: readonly (readonly string[])[]): string | null {
  const parts = terms.map((word) => `(${word.map(prefixTerm).join(' OR ')})`);
  return parts.length === 0 ? null : parts.join(' ');
}
