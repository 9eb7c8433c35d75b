import data from './entities.json' with { type: 'json' };
import { compileLexicon, type CompiledLexicon } from './compile-lexicon.ts';
import type { Lexicon } from './schema.ts';

/** The lexicon shipped with Rasid (validated by `lexicon.test.ts`). */
export const bundledLexicon = data as Lexicon;

let compiled: CompiledLexicon | undefined;

/** The bundled lexicon, compiled on first use and kept for the life of the process or page. */
export function compiledBundledLexicon(): CompiledLexicon {
  return (compiled ??= compileLexicon(bundledLexicon));
}
