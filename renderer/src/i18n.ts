import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../core/api/schemas';
import { request } from './api';
import en from '../../resources/locales/en/translation.json';
import be from '../../resources/locales/be/translation.json';
import ru from '../../resources/locales/ru/translation.json';

// Locales are bundled, not fetched: the CSP allows no requests, and a missing locale file must
// break the build rather than the app. To add one, import its file and list it here.
const resources = {
  en: { translation: en },
  be: { translation: be },
  ru: { translation: ru },
} as const satisfies Record<Language, { translation: object }>;

/**
 * Each language named in itself, the same in every interface language, so that someone who
 * cannot read the current one still finds their own.
 */
const NATIVE_NAMES: Record<Language, string> = {
  en: 'English',
  be: 'Беларуская',
  ru: 'Русский',
};

export const LANGUAGES = (Object.keys(resources) as Language[]).map((code) => ({
  code,
  name: NATIVE_NAMES[code],
}));

function isLanguage(code: string | null): code is Language {
  return code !== null && Object.hasOwn(resources, code);
}

/** The first of the system's preferred languages the interface is written in, else English. */
function systemLanguage(): Language {
  for (const tag of navigator.languages) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/**
 * Shows the whole interface in the user's choice, or the system language when there is none
 * (or it names a language this build does not carry). Components re-render through
 * react-i18next; the page's own language and title are set here for screen readers and hyphens.
 */
export async function applyLanguage(choice: string | null): Promise<void> {
  const language = isLanguage(choice) ? choice : systemLanguage();
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  document.title = i18n.t('app.name');
  // The host's menus and file dialogs follow; if it cannot hear, they stay as they were.
  await request((api) => api.showInterfaceLanguage({ language }));
}

/** The language the interface shows now. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

void i18n.use(initReactI18next).init({
  resources,
  lng: systemLanguage(),
  fallbackLng: 'en',
  initAsync: false,
  // React escapes text already; escaping twice would show entities to the user.
  interpolation: { escapeValue: false },
});

document.documentElement.lang = i18n.language;
document.title = i18n.t('app.name');

export default i18n;
