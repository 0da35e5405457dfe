// react-admin's i18nProvider: its own words (ra-language-*) with ours (en.ts, fr.ts) over them.
// The first visit follows the browser's language (fr-* reads French, anything else English); the
// app bar's language menu changes it, and react-admin keeps the choice in the browser's store.
// To add a language: a file typed `Catalogue` beside en.ts, react-admin's catalogue for it
// (ra-language-<name>), and an entry in CATALOGUES and LOCALES below.
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import frenchMessages from 'ra-language-french';
import { resolveBrowserLocale, useLocaleState, type I18nProvider, type TranslationMessages } from 'react-admin';
import { en, type MessageKey } from './en';
import { fr } from './fr';

const ENGLISH: TranslationMessages = { ...englishMessages, ...en };
const CATALOGUES: Record<string, TranslationMessages> = {
  en: ENGLISH,
  fr: { ...frenchMessages, ...fr },
};

export const LOCALES = [
  { locale: 'en', name: 'English' },
  { locale: 'fr', name: 'Français' },
];

/** The browser's language if we have it ("fr-CA" → "fr"), else English. */
export const browserLocale = (): string => {
  const language = resolveBrowserLocale('en');
  return language in CATALOGUES ? language : 'en';
};

/** Screen readers, spelling and hyphenation read the page in its language. */
const markPage = (locale: string) => {
  document.documentElement.lang = locale;
};

// allowMissing: a key with no message reads its default (`_`, react-admin's humanized field
// names) rather than throwing; our own keys are typed (useT), so none of ours is missing.
const polyglot = polyglotI18nProvider((locale) => CATALOGUES[locale] ?? ENGLISH, browserLocale(), LOCALES, { allowMissing: true });
markPage(polyglot.getLocale());

export const i18nProvider: I18nProvider = {
  ...polyglot,
  changeLocale: async (locale, options) => {
    await polyglot.changeLocale(locale, options);
    markPage(locale);
  },
};

/**
 * How to write numbers and dates in `language`: the browser's own variant of it when it has one
 * (English in Britain: "7 Dec 2026", "£3,000.00"), else the language's default.
 */
const formattingLocale = (language: string): string => navigator.languages?.find((tag) => tag.split('-')[0] === language) ?? language;

/**
 * The locale to format money and dates in, outside React: the UI's language. On a change of
 * language react-admin draws the whole tree again, so what is formatted while drawing follows.
 */
export const currentLocale = (): string => formattingLocale(i18nProvider.getLocale());

/** The locale to format money and dates in, in a component: the UI's language, as react-admin keeps it. */
export function useFormatLocale(): string {
  const [language] = useLocaleState();
  return formattingLocale(language);
}

/**
 * A message in the UI's language, outside React (a reading of an SLA clock, a label helper): as
 * with currentLocale, a change of language draws the tree again, so what is translated while
 * drawing follows. `_` is the words when the catalogue has no such key (a value the API added).
 */
export const translateNow = (key: MessageKey | (string & {}), options?: Record<string, unknown>): string => i18nProvider.translate(key, options);
