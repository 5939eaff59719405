import { createInstance, type TFunction } from 'i18next';
import { beforeAll } from 'vitest';
import type { Language } from '../../core/api/language';
import be from '../../resources/locales/be/translation.json';
import en from '../../resources/locales/en/translation.json';
import ru from '../../resources/locales/ru/translation.json';

/**
 * Call at the top of a test file: the interface's translation function for each language, from
 * the shipped locale files, set up before the file's tests run.
 */
export function useTranslators(): Readonly<Record<Language, TFunction>> {
  const translators = {} as Record<Language, TFunction>;
  beforeAll(async () => {
    for (const lng of ['en', 'be', 'ru'] as const) {
      const i18n = createInstance();
      await i18n.init({
        lng,
        resources: { en: { translation: en }, be: { translation: be }, ru: { translation: ru } },
        fallbackLng: 'en',
        interpolation: { escapeValue: false },
      });
      translators[lng] = i18n.t;
    }
  });
  return translators;
}
