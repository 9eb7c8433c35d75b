import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { bundledLexicon } from '../lib/lexicon/bundled-lexicon.ts';
import { compileLexicon } from '../lib/lexicon/compile-lexicon.ts';
import { serializeLexicon } from '../lib/lexicon/serialize-lexicon.ts';
import { packLexicon } from '../lib/lexicon/slim-lexicon.ts';

export const PRECOMPILED_LEXICON = 'virtual:rasid-precompiled-lexicon';
const ENTITIES = fileURLToPath(new URL('../lib/lexicon/entities.json', import.meta.url));
const SLIM = fileURLToPath(new URL('../lib/lexicon/slim-lexicon.ts', import.meta.url));
const SHIPPED_ENTITIES = '\0rasid-shipped-entities';

/**
 * Compiles the bundled lexicon once, at build time, into the module `virtual:rasid-precompiled-lexicon`:
 * pages only decode it (issue #4: the lexicon is never compiled per page). And ships
 * `lib/lexicon/entities.json` slimmed and packed (issue #13): the same entities and aliases in the same
 * order, without the notes no page reads, each condition written once. Both are JSON strings parsed on
 * first use (`JSON.parse` is faster than a JavaScript literal of the same size, and a page that never
 * reads the lexicon never parses it).
 */
export function precompiledLexicon(): Plugin {
  const resolved = `\0${PRECOMPILED_LEXICON}`;
  return {
    name: 'rasid-precompiled-lexicon',
    enforce: 'pre',
    async resolveId(id, importer, options) {
      if (id === PRECOMPILED_LEXICON) return resolved;
      if (!id.endsWith('entities.json') || !importer) return undefined;
      const file = await this.resolve(id, importer, { ...options, skipSelf: true });
      return file?.id.split('?')[0] === ENTITIES ? SHIPPED_ENTITIES : undefined;
    },
    load(id) {
      if (id === SHIPPED_ENTITIES) {
        this.addWatchFile(ENTITIES);
        // Parsed on first use: a page that never reads `entities` (not Arabic) never pays for it.
        const packed = JSON.stringify(JSON.stringify(packLexicon(bundledLexicon)));
        return [
          `import { packedEntitySource } from ${JSON.stringify(SLIM)};`,
          `const packed = ${packed};`,
          'let source;',
          // `source()` makes each entity when first asked for (precompiled-lexicon.ts); `entities`, all of them.
          'const entitySource = () => (source ??= packedEntitySource(JSON.parse(packed)));',
          `export default { schemaVersion: ${bundledLexicon.schemaVersion}, get entities() { return entitySource().all(); }, source: entitySource };`,
        ].join('\n');
      }
      if (id !== resolved) return undefined;
      this.addWatchFile(ENTITIES);
      // A string, parsed by precompiledBundledLexicon() on first use.
      return `export default ${JSON.stringify(JSON.stringify(serializeLexicon(compileLexicon(bundledLexicon))))};`;
    },
  };
}
