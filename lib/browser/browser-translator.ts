import type { MessageKey } from '../i18n/catalog.ts';
import { createTranslator, type Translator } from '../i18n/i18n.ts';
import { browserLanguage } from './browser-language.ts';

/** A translator of the extension pages' strings in the browser's language (`browserLanguage`). */
export function browserTranslator(): Translator {
  return createTranslator(browserLanguage());
}

/** For an extension page: the translator, with the page's language, direction and title set from it. */
export function pageTranslator(title: MessageKey): Translator {
  const i18n = browserTranslator();
  document.documentElement.lang = i18n.lang;
  document.documentElement.dir = i18n.dir;
  document.title = i18n.t(title);
  return i18n;
}
