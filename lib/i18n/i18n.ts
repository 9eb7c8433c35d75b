import { ar, en, type MessageKey } from './catalog.ts';
import { translatorOf, type Language, type Translator as TranslatorOf } from './translator.ts';

export { pickLanguage, type Direction, type Language } from './translator.ts';

/** A translator of every string of the extension's pages (`catalog.ts`). */
export type Translator = TranslatorOf<MessageKey>;

export function createTranslator(lang: Language): Translator {
  return translatorOf(lang, { en, ar });
}
