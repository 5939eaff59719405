/**
 * Month names people type, in the three interface languages: English, and the nominative and
 * genitive of Russian and Belarusian ("май", "6 мая"; "травень", "6 траўня"; the
 * nominative is also read as "траўень", a spelling people use). Any case and any
 * abbreviation that is the start of one of these words is read too ("Sept", "февр.", "ліст.").
 */
const MONTH_WORDS: readonly (readonly string[])[] = [
  ['january', 'январь', 'января', 'студзень', 'студзеня'],
  ['february', 'февраль', 'февраля', 'люты', 'лютага'],
  ['march', 'март', 'марта', 'сакавік', 'сакавіка'],
  ['april', 'апрель', 'апреля', 'красавік', 'красавіка'],
  ['may', 'май', 'мая', 'травень', 'траўень', 'траўня'],
  ['june', 'июнь', 'июня', 'чэрвень', 'чэрвеня'],
  ['july', 'июль', 'июля', 'ліпень', 'ліпеня'],
  ['august', 'август', 'августа', 'жнівень', 'жніўня'],
  ['september', 'сентябрь', 'сентября', 'верасень', 'верасня'],
  ['october', 'октябрь', 'октября', 'кастрычнік', 'кастрычніка'],
  ['november', 'ноябрь', 'ноября', 'лістапад', 'лістапада'],
  ['december', 'декабрь', 'декабря', 'снежань', 'снежня'],
];

/**
 * Folds the letters people swap on Belarusian and Russian keyboards (і/и, ў/у, ё/е) and the
 * case, so "лiпеня" typed with a Latin i or "трауня" without the short u still match.
 */
export function foldWord(word: string): string {
  return word
    .normalize('NFC')
    .toLowerCase()
    .replace(/[іi]/gu, 'и')
    .replace(/ў/gu, 'у')
    .replace(/ё/gu, 'е');
}

/**
 * Words that may stand next to a date without changing it: "г." and "года" after a Russian or
 * Belarusian year, "of" and ordinal endings in English ("6th of May").
 */
const FILLER_WORDS = new Set(['г', 'гг', 'год', 'года', 'of', 'the', 'st', 'nd', 'rd', 'th']);

export function isFillerWord(word: string): boolean {
  return FILLER_WORDS.has(foldWord(word));
}

/**
 * The month (1–12) a word names, or null when it names none or could be more than one ("ma" is
 * March or May; "ию" June or July). `extra` holds the names the interface shows for each month,
 * January first, so that whatever the field shows back is always read back.
 */
export function monthOfWord(
  word: string,
  extra: readonly (readonly string[])[] = [],
): number | null {
  const folded = foldWord(word);
  if (folded.length < 2) return null;
  let found: number | null = null;
  for (let month = 1; month <= 12; month++) {
    const forms = [...MONTH_WORDS[month - 1]!, ...(extra[month - 1] ?? [])];
    const matches = forms.some((form) => {
      const name = foldWord(form).replace(/\.$/u, '');
      return name.startsWith(folded);
    });
    if (!matches) continue;
    if (found !== null) return null;
    found = month;
  }
  return found;
}
