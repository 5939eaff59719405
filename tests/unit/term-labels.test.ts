import { describe, expect, it } from 'vitest';
import { termLabel, termSearchText } from '../../renderer/src/thesauri/labels';

// Thesaurus terms carry a label per language; the interface shows the one of its language and
// the article finder matches any of them.

const ARTICLE = {
  code: 'cc-342',
  labelEn: 'Art. 342: organising actions that grossly violate public order',
  labelBe: 'Арт. 342: арганізацыя дзеянняў, якія груба парушаюць грамадскі парадак',
  labelRu: 'Ст. 342: организация действий, грубо нарушающих общественный порядок',
};

describe('thesaurus labels', () => {
  it('shows the label of the interface language', () => {
    expect(termLabel(ARTICLE, 'ru')).toBe(ARTICLE.labelRu);
    expect(termLabel(ARTICLE, 'be')).toBe(ARTICLE.labelBe);
    expect(termLabel(ARTICLE, 'en')).toBe(ARTICLE.labelEn);
  });

  it('falls back to English, then any label, then the code', () => {
    expect(termLabel({ ...ARTICLE, labelRu: ' ' }, 'ru')).toBe(ARTICLE.labelEn);
    expect(termLabel({ ...ARTICLE, labelRu: '', labelEn: '' }, 'ru')).toBe(ARTICLE.labelBe);
    expect(termLabel({ code: 'x-1', labelEn: '', labelBe: '', labelRu: '' }, 'be')).toBe('x-1');
  });

  it('finds a term by its label in any of the three languages, or by its code', () => {
    const text = termSearchText(ARTICLE);
    for (const needle of ['грубо нарушающих', 'груба парушаюць', 'grossly violate', 'cc-342']) {
      expect(text).toContain(needle);
    }
    expect(text).toContain('ст. 342');
    expect(text).not.toContain('экстремизм');
  });
});
