import { browser } from 'wxt/browser';
import type { MessageKey } from '../i18n/catalog.ts';
import { createTranslator, pickLanguage, type Translator } from '../i18n/i18n.ts';

/** A translator in the browser's language: its UI language first, then the reader's preferred ones. */
export function browserTranslator(): Translator {
  return createTranslator(pickLanguage([browser.i18n.getUILanguage(), ...navigator.languages]));
}

/** For an extension page: the translator, with the page's language, direction and title set from it. */
export function pageTranslator(title: MessageKey): Translator {
  const i18n = browserTranslator();
  document.documentElement.lang = i18n.lang;
  document.documentElement.dir = i18n.dir;
  document.title = i18n.t(title);
  return i18n;
}
