import type { Plugin } from 'vite';
import { bundledLexicon } from '../lib/lexicon/bundled-lexicon.ts';
import { compileLexicon } from '../lib/lexicon/compile-lexicon.ts';
import { serializeLexicon } from '../lib/lexicon/serialize-lexicon.ts';

export const PRECOMPILED_LEXICON = 'virtual:rasid-precompiled-lexicon';

/**
 * Compiles the bundled lexicon once, at build time, into the module `virtual:rasid-precompiled-lexicon`:
 * pages only decode it (issue #4: the lexicon is never compiled per page).
 */
export function precompiledLexicon(): Plugin {
  const resolved = `\0${PRECOMPILED_LEXICON}`;
  return {
    name: 'rasid-precompiled-lexicon',
    resolveId: (id) => (id === PRECOMPILED_LEXICON ? resolved : undefined),
    load(id) {
      if (id !== resolved) return undefined;
      this.addWatchFile(new URL('../lib/lexicon/entities.json', import.meta.url).pathname);
      return `export default ${JSON.stringify(serializeLexicon(compileLexicon(bundledLexicon)))};`;
    },
  };
}
