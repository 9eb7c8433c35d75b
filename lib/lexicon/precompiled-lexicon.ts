import serialized from 'virtual:rasid-precompiled-lexicon';
import { bundledLexicon } from './bundled-lexicon.ts';
import type { CompiledLexicon } from './compile-lexicon.ts';
import { deserializeLexicon, type SerializedLexicon } from './serialize-lexicon.ts';
import type { EntitySource } from './slim-lexicon.ts';

let loaded: CompiledLexicon | undefined;

/**
 * The bundled lexicon as compiled at build time (extension code only: the module is made by the
 * build's `precompiledLexicon` plugin). Decoding it is a few typed-array copies, whatever its size.
 */
export function precompiledBundledLexicon(): CompiledLexicon {
  // The shipped entities (scripts/precompiled-lexicon-plugin.ts) are made one by one, when a page names them.
  const shipped = bundledLexicon as typeof bundledLexicon & { source?: () => EntitySource };
  return (loaded ??= deserializeLexicon(
    JSON.parse(serialized) as SerializedLexicon,
    shipped.source?.() ?? bundledLexicon,
  ));
}
