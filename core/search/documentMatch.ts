/**
 * Whether a stored search document matches a query, decided in JavaScript the way FTS4 decides
 * it, so that the person list can walk people in name order and stop at a full page instead of
 * asking FTS4 for every match of a short prefix (`П` matches almost everyone). See docs/search.md.
 */

/**
 * Words that `unicode61` (with `remove_diacritics=2`) indexes exactly as they are, each one token:
 * ASCII letters and digits and the basic lower-case Cyrillic letters, `й` included (it has no
 * decomposition that `unicode61` removes). Folded words and keys are nearly always made of these;
 * tests/unit/search-document-match.test.ts checks the claim against SQLite's own tokenizer.
 */
const PLAIN_WORD = /^[a-z0-9а-я]+$/;
const PLAIN_DOCUMENT = /^[a-z0-9а-я ]*$/;

/**
 * A test of one document, for the query's terms (`queryTerms`): true or false where the answer is
 * certain, null where the document has a word that only SQLite's tokenizer can split and fold, so
 * that the caller asks FTS4. Null as a whole when a term itself is such a word.
 */
export function documentMatcher(
  terms: readonly (readonly string[])[],
): ((doc: string) => boolean | null) | null {
  if (terms.length === 0 || !terms.every((word) => word.every((t) => PLAIN_WORD.test(t)))) {
    return null;
  }
  // `"term*"` matches a document with a token that starts with the term: in a document of plain
  // words, the term after a space. Every typed word needs one of its terms to match.
  const starts = terms.map((word) => word.map((term) => ` ${term}`));
  return (doc) => {
    if (!PLAIN_DOCUMENT.test(doc)) return null;
    const spaced = ` ${doc}`;
    return starts.every((word) => word.some((start) => spaced.includes(start)));
  };
}
