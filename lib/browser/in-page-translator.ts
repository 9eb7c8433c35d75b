import { pageAr, pageEn, type PageKey } from '../i18n/page-catalog.ts';
import { translatorOf, type Translator } from '../i18n/translator.ts';
import { browserLanguage } from './browser-language.ts';

/**
 * The reader's translator, in the browser's language: the strings Rasid shows inside web pages only
 * (`page-catalog.ts`), so that the reader injected into every Arabic page does not carry the whole
 * catalogue of the extension's pages (issue #16).
 */
export function inPageTranslator(): Translator<PageKey> {
  return translatorOf(browserLanguage(), { en: pageEn, ar: pageAr });
}
