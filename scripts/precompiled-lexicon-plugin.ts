import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { bundledLexicon } from '../lib/lexicon/bundled-lexicon.ts';
import { packLexicon } from '../lib/lexicon/slim-lexicon.ts';

const ENTITIES = fileURLToPath(new URL('../lib/lexicon/entities.json', import.meta.url));
const SLIM = fileURLToPath(new URL('../lib/lexicon/slim-lexicon.ts', import.meta.url));
const SHIPPED_ENTITIES = '\0rasid-shipped-entities';

/**
 * Ships `lib/lexicon/entities.json` slimmed and packed (issue #13) to the code that imports it (the
 * background, the extension's pages): the same entities and aliases in the same order, without the
 * notes no page reads, each condition written once, as a JSON string parsed on first use (`JSON.parse`
 * is faster than a JavaScript literal of the same size). The reader imports no lexicon at all: it
 * fetches `/lexicon.json` (scripts/shipped-lexicon-file.ts, issue #16).
 */
export function precompiledLexicon(): Plugin {
  return {
    name: 'rasid-precompiled-lexicon',
    enforce: 'pre',
    async resolveId(id, importer, options) {
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
          // `source()` makes each entity when first asked for (slim-lexicon.ts); `entities`, all of them.
          'const entitySource = () => (source ??= packedEntitySource(JSON.parse(packed)));',
          `export default { schemaVersion: ${bundledLexicon.schemaVersion}, get entities() { return entitySource().all(); }, source: entitySource };`,
        ].join('\n');
      }
      return undefined;
    },
  };
}
