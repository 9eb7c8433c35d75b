import type { CompiledLexicon } from '../lexicon/compile-lexicon.ts';
import { spotTexts, type SpottedText } from '../lexicon/spot-texts.ts';

export type { SpottedName, SpottedText } from '../lexicon/spot-texts.ts';

/** What a reader asks a spotter: a page's texts in order, read as `spotTexts` reads them. */
export interface SpotRequest {
  texts: readonly string[];
  /** The entities named elsewhere on the page. */
  context: ReadonlySet<string>;
  /** Each text read with the names of the texts before it as well (see `spotTexts`). */
  accumulate: boolean;
}

/** The page's side of spotting: its turns between stretches of work, and the count of its own work. */
export interface SpotTurns {
  /** Gives the page a turn. */
  between(): Promise<void>;
  /** Runs one synchronous stretch of the page's own work and counts it. */
  timed<T>(work: () => T): T;
}

/**
 * Spots a page's texts: calls `each` with every text's names, in order, in one of the page's stretches
 * of work (`turns.timed`), so that what the reader makes of them is counted with them. In the
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
  async ({ texts, context, accumulate }, each, { between, timed }) => {
    const reading = spotTexts(texts, lexicon, context, accumulate);
    for (let i = 0; i < texts.length; i++) {
      if (i > 0) await between();
      timed(() => each(i, reading.next().value as SpottedText));
    }
  };
