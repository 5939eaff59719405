import type en from '../../resources/locales/en/translation.json';

// English is the source locale: typing keys against it makes a missing or misspelt key a
// compile error instead of a raw key shown to the user.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
