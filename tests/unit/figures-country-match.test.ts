import { describe, expect, it } from 'vitest';
import { matchCountries, resolveCountry } from '../../renderer/src/figures/countryMatch';
import { defaultDraft, parseDraft } from '../../renderer/src/figures/params';

describe('the citizenship filter finds countries by name', () => {
  it('offers Ukraine for its name typed in part, in the interface language', () => {
    expect(matchCountries('Ukr', 'en')[0]).toEqual({ code: 'UA', name: 'Ukraine' });
    expect(matchCountries('укр', 'be')[0]).toEqual({ code: 'UA', name: 'Украіна' });
    // A name in another of the languages finds it too, named in the interface's.
    expect(matchCountries('Украина', 'en')[0]).toEqual({ code: 'UA', name: 'Ukraine' });
  });

  it('puts a typed code first, then names that begin with it, then names with such a word', () => {
    const codes = matchCountries('by', 'en').map((option) => option.code);
    expect(codes[0]).toBe('BY');
    const kingdom = matchCountries('kingdom', 'en').map((option) => option.name);
    expect(kingdom).toContain('United Kingdom');
    expect(matchCountries('   ', 'en')).toEqual([]);
  });

  it('takes a whole name or code as the code, and nothing else', () => {
    expect(resolveCountry('ukraine')).toBe('UA');
    expect(resolveCountry('Беларусь')).toBe('BY');
    expect(resolveCountry('ua')).toBe('UA');
    expect(resolveCountry('Ukr')).toBeNull();
  });

  it('never cuts a name down to a code: text that names no country is an error', () => {
    const draft = defaultDraft('2024-06-01');
    expect(parseDraft({ ...draft, citizenship: 'Ukraine' })).toEqual({
      ok: false,
      errors: ['citizenship'],
    });
    expect(parseDraft({ ...draft, citizenship: 'QQ' })).toEqual({
      ok: false,
      errors: ['citizenship'],
    });
    const chosen = parseDraft({ ...draft, citizenship: 'UA' });
    expect(chosen.ok && chosen.params.filters).toEqual({ citizenship: 'UA' });
  });
});
