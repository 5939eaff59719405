import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../resources/locales/en/translation.json';
import be from '../../resources/locales/be/translation.json';

// Locales are bundled, not fetched: the CSP allows no requests, and a missing locale file must
// break the build rather than the app. To add one, import its file and list it here.
const resources = {
  en: { translation: en },
  be: { translation: be },
} as const;

type Language = keyof typeof resources;

function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (Object.hasOwn(resources, base)) return base as Language;
  }
  return 'en';
}

void i18n.use(initReactI18next).init({
  resources,
  lng: pickLanguage(navigator.languages),
  fallbackLng: 'en',
  initAsync: false,
  // React escapes text already; escaping twice would show entities to the user.
  interpolation: { escapeValue: false },
});

document.documentElement.lang = i18n.language;
document.title = i18n.t('app.name');

export default i18n;
