import { bundledLexicon } from '../lib/lexicon/bundled-lexicon.ts';
import { shipLexicon } from '../lib/lexicon/shipped-lexicon.ts';
import { SHIPPED_LEXICON_PATH } from '../lib/browser/fetch-shipped-lexicon.ts';

/**
 * `/lexicon.json` in the built extension (wxt.config.ts's `build:publicAssets` hook): the bundled
 * lexicon compiled and packed at build time, fetched by the reader on Arabic pages (issue #16).
 */
export function shippedLexiconFile(): { relativeDest: string; contents: string } {
  return {
    relativeDest: SHIPPED_LEXICON_PATH.slice(1),
    contents: JSON.stringify(shipLexicon(bundledLexicon)),
  };
}
