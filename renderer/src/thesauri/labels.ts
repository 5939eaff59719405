import type { ThesaurusTerm } from '../../../core/api/records';

/**
 * A term's label in the UI language, else English, else any label it has, else its code:
 * terms added in one language must still show up in the others. Import suggestions have the
 * same four fields.
 */
export function termLabel(
  term: Pick<ThesaurusTerm, 'code' | 'labelEn' | 'labelBe' | 'labelRu'>,
  language: string,
): string {
  const own = language === 'be' ? term.labelBe : language === 'ru' ? term.labelRu : term.labelEn;
  return [own, term.labelEn, term.labelBe, term.labelRu].find((label) => label.trim()) ?? term.code;
}

/**
 * What a term is found by in a filter: its code and its labels in all three languages, since
 * an article may be known by its Russian name to someone working in the Belarusian interface.
 */
export function termSearchText(
  term: Pick<ThesaurusTerm, 'code' | 'labelEn' | 'labelBe' | 'labelRu'>,
): string {
  return [term.code, term.labelEn, term.labelBe, term.labelRu].join(' ').toLocaleLowerCase();
}
