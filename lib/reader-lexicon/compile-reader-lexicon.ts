import { compileLexicon, type CompiledLexicon } from '../lexicon/compile-lexicon.ts';
import type { Entity } from '../lexicon/schema.ts';
import type { ReaderLexicon } from '../model/reader-entity.ts';
import { mergeLexicon } from './merge-reader-lexicon.ts';

/** The bundled lexicon, as its entities and as compiled (at build time, in the extension). */
export interface BundledLexicon {
  entities: readonly Entity[];
  compiled(): CompiledLexicon;
}

/**
 * The lexicon a page is read with: the reader's merged over the bundled one and compiled, or the
 * bundled one as compiled at build time when the reader has nothing of their own (compiling takes a
 * few hundred milliseconds that most readers never need to spend).
 */
export function compileReaderLexicon(reader: ReaderLexicon, bundled: BundledLexicon): CompiledLexicon {
  const team = reader.team;
  if (!reader.entities.length && !reader.aliases.length && !team?.entities.length && !team?.aliases.length)
    return bundled.compiled();
  return compileLexicon({ entities: mergeLexicon(bundled.entities, reader) });
}
