import type { CompiledLexicon } from '../lexicon/compile-lexicon.ts';
import { spotPage, type SpottedText } from '../lexicon/spot-texts.ts';

/** What a reader asks a spotter: a page's texts in order, to be read as `spotPage` reads them. */
export interface SpotRequest {
  texts: readonly string[];
  /** The entities named elsewhere on the page. */
  context: ReadonlySet<string>;
}

/** The page's side of spotting: its turns between stretches of work, and the count of its own work. */
export interface SpotTurns {
  /** Gives the page a turn. */
  between(): Promise<void>;
  /** Runs one synchronous stretch of the page's own work and counts it. */
  timed<T>(work: () => T): T;
}

/**
 * Spots a page's texts as `spotPage` does: calls `each` with every text's names, in order, in one of
 * the page's stretches of work (`turns.timed`), so that what the reader makes of them is counted with
 * them; a text read again comes again, with its final names. In the
 * extension the background spots (`remoteSpotter`, lib/session/reading.ts: its lexicon is decoded once
 * and its code warm, where a page would fetch and decode the whole lexicon first; issue #16); tests and
 * the fallback spot here (`localSpotter`).
 */
export type Spotter = (
  request: SpotRequest,
  each: (index: number, spotted: SpottedText) => void,
  turns: SpotTurns,
) => Promise<void>;

/** Spots on the page's thread, one text per task (a page's texts are chunks of a few thousand characters). */
export const localSpotter =
  (lexicon: CompiledLexicon): Spotter =>
  async ({ texts, context }, each, { between, timed }) => {
    const reading = spotPage(texts, lexicon, context);
    /** Reads the next text and makes it the page's, in one stretch: false when none was left. */
    const step = () => {
      const next = reading.next();
      if (!next.done) each(...next.value);
      return !next.done;
    };
    while (timed(step)) await between();
  };
