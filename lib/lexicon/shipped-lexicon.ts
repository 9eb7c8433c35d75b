import { foldingTables, loadFoldingTables, type FoldingTables } from '../arabic/normalize.ts';
import type { CompiledLexicon } from './compile-lexicon.ts';
import type { Entity, Lexicon } from './schema.ts';
import { deserializeLexicon, serializeLexicon, type SerializedLexicon } from './serialize-lexicon.ts';
import { packedEntitySource, packLexicon, type PackedLexicon } from './slim-lexicon.ts';
import { compileLexicon } from './compile-lexicon.ts';

/**
 * The bundled lexicon as the extension ships it (issue #16): one JSON file beside the scripts
 * (`/lexicon.json`, written by the build, see wxt.config.ts), not code in the reader's bundle. A
 * script of a megabyte is compiled before it runs a line; data is parsed by the platform's JSON
 * parser. The background decodes it once and spots pages with it; a page, once read, for its toolbar. It holds the trie as compiled at build time
 * (serialize-lexicon.ts), the entities slimmed and packed (slim-lexicon.ts) and the folding tables.
 */
export interface ShippedLexicon {
  /** `ShippedLexicon`'s own version: a reader never decodes a file of another shape. */
  shipped: 1;
  compiled: SerializedLexicon;
  entities: PackedLexicon;
  /** The folding tables, built here rather than on every page (lib/arabic/normalize.ts). */
  folding: FoldingTables;
}

/** At build time: the lexicon compiled, serialised and packed. */
export function shipLexicon(lexicon: Lexicon): ShippedLexicon {
  return {
    shipped: 1,
    compiled: serializeLexicon(compileLexicon(lexicon)),
    entities: packLexicon(lexicon),
    folding: foldingTables(),
  };
}

/** The bundled lexicon as a page holds it: its entities (made on first read) and its compiled trie. */
export interface DecodedLexicon {
  readonly entities: readonly Entity[];
  compiled(): CompiledLexicon;
}

/**
 * A page's side: the shipped file, parsed, decoded. The trie's arrays are copied out of base64 (the
 * platform's decoder); every entity is made when a page first names it.
 */
export function decodeShippedLexicon(asset: unknown): DecodedLexicon {
  const shipped = asset as Partial<ShippedLexicon> | null;
  if (shipped?.shipped !== 1 || !shipped.compiled || !shipped.entities || !shipped.folding)
    throw new Error('the shipped lexicon is not in the shape this reader reads');
  loadFoldingTables(shipped.folding);
  const source = packedEntitySource(shipped.entities);
  const compiled = deserializeLexicon(shipped.compiled, source);
  return {
    get entities() {
      return source.all();
    },
    compiled: () => compiled,
  };
}
