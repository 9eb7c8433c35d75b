import { browser } from 'wxt/browser';
import { pickLanguage, type Language } from '../i18n/translator.ts';

/** The language Rasid speaks here: the browser's UI language first, then the reader's preferred ones. */
export const browserLanguage = (): Language =>
  pickLanguage([browser.i18n.getUILanguage(), ...navigator.languages]);
