import { describe, expect, it } from 'vitest';
import { generateDemoCases } from '../../core/demo/cases';
import { belarusianSpelling, inventName, REAL_SURNAMES } from '../../core/demo/names';
import { DemoRandom } from '../../core/demo/random';
import { romanise } from '../../core/demo/romanise';

/** Every person named in the source article, in the spellings a register would hold. */
const ARTICLE_NAMES = [
  'Natalia Hersche',
  'Roman Protasevich',
  'Raman Pratasevich',
  'Sofia Sapega',
  'Sofya Sapega',
  'Наталья Херше',
  'Роман Протасевич',
  'Раман Пратасевіч',
  'Софья Сапега',
  'Сафія Сапега',
];

function words(text: string): string[] {
  return text.toLowerCase().split(/\s+/);
}

describe('invented names', () => {
  it('derives the Belarusian spelling of a stem from its Russian spelling', () => {
    // Akanye, and и -> і; the example of the issue (stress on the third vowel).
    expect(belarusianSpelling('дротасевич', 2)).toBe('дратасевіч');
    // Yakanye before the stress, ў after a vowel at the end.
    expect(belarusianSpelling('петров', 1)).toBe('пятроў');
    // Hard ш and ч: е -> э, unstressed э -> а; в -> ў before a consonant.
    expect(belarusianSpelling('шевченко', 1)).toBe('шаўчэнка');
    // Tsekanye and dzekanye: т, д before a soft vowel.
    expect(belarusianSpelling('тихонов', 0)).toBe('ціханаў');
    expect(belarusianSpelling('дедов', 1)).toBe('дзядоў');
    // The Russian adjective ending.
    expect(belarusianSpelling('вишневский', 1)).toBe('вішнеўскі');
  });

  it('romanises in the passport, Russian and national styles', () => {
    expect(romanise('Дратасевіч Сяргей', 'passport')).toBe('Dratasevich Siarhei');
    expect(romanise('Таццяна Дзмітрый Юрый', 'passport')).toBe('Tatsiana Dzmitry Yury');
    expect(romanise('Дротасевич Сергей', 'russian')).toBe('Drotasevich Sergey');
    expect(romanise('Дратасевіч Сяргей', 'national')).toBe('Dratasievič Siarhiej');
    expect(romanise('Яўген Арцём', 'national')).toBe('Jaŭhien Arciom');
  });

  it('is deterministic for a seed', () => {
    const a = new DemoRandom(5, 'names');
    const b = new DemoRandom(5, 'names');
    for (let i = 0; i < 50; i++) expect(inventName(a, 'male')).toEqual(inventName(b, 'male'));
  });

  it('keeps the sex of the given name, patronymic and surname in agreement', () => {
    const rng = new DemoRandom(11);
    for (let i = 0; i < 2000; i++) {
      const sex = i % 2 === 0 ? 'female' : 'male';
      const name = inventName(rng, sex);
      const [surname, , patronymic] = name.russian.split(' ') as [string, string, string];
      const [, , patronymicBe] = name.belarusian.split(' ') as [string, string, string];
      if (sex === 'female') {
        expect(patronymic).toMatch(/на$/);
        expect(patronymicBe).toMatch(/на$/);
        expect(surname).not.toMatch(/(ов|ев|ин|ский)$/);
      } else {
        expect(patronymic).toMatch(/ич$/);
        expect(patronymicBe).toMatch(/іч$/);
        expect(surname).not.toMatch(/(ова|ева|ина|ская)$/);
      }
    }
  });

  it('gives a Russian variant that mostly differs, and Latin spellings of both', () => {
    const rng = new DemoRandom(12);
    const names = Array.from({ length: 1000 }, () => inventName(rng, 'male'));
    const differing = names.filter((n) => n.russian !== n.belarusian).length;
    expect(differing).toBeGreaterThan(900);
    for (const name of names) {
      expect(name.latin).toMatch(/^[A-Za-z -]+$/);
      expect(name.latinVariants).not.toContain(name.latin);
    }
    // Only a name spelt alike in both languages (Антон Бук) has a single Latin spelling.
    expect(names.filter((n) => n.latinVariants.length > 0).length).toBeGreaterThan(900);
  });

  it('never produces a name of a person from the source article', () => {
    const article = new Set(ARTICLE_NAMES.map((n) => n.toLowerCase()));
    const articleSurnames = new Set(ARTICLE_NAMES.map((n) => words(n)[1]!));
    for (const surname of articleSurnames) {
      if (/[а-яіў]/.test(surname)) expect(REAL_SURNAMES.has(surname)).toBe(true);
    }
    const { cases } = generateDemoCases(10_000, 1);
    for (const { person } of cases) {
      const { name, nameLatin, nameVariants } = person.fields;
      for (const spelling of [name, nameLatin, ...nameVariants]) {
        const parts = words(spelling);
        expect(article.has(parts.slice(0, 2).join(' '))).toBe(false);
        expect(article.has(`${parts[1]} ${parts[0]}`)).toBe(false);
        expect(articleSurnames.has(parts[0]!)).toBe(false);
      }
    }
  });
});
