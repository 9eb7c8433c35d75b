import type { Clock } from '../clock.ts';
import type { HandlersOf, Reply, TabProtocol } from '../messages/protocol.ts';
import { articleFromIndices, articleNodes, READABILITY_LIMITS } from '../dom/article-nodes.ts';
import { snapshotPageInSlices, type SnapshotItem } from '../dom/page-snapshot.ts';
import { hasTextLength } from '../dom/text-length.ts';
import { yieldToPage } from '../yield-to-page.ts';
import type { ReaderTimings } from '../model/page.ts';
import type { HighlightLayer } from '../paint/page-highlights.ts';
import {
  PageReader,
  type PageMention,
  type PageSuggestion,
  type Extractor,
  type Recogniser,
  type ReaderSettings,
} from '../reader/page-reader.ts';
import type { Spotter } from '../reader/spotter.ts';
import { FirstReading, spottedOf, type SpotReading, type SpottedText } from '../lexicon/spot-texts.ts';
import type { Send } from './seams.ts';

/**
 * The second tier as the extension runs it: in the background (`names/suggest`), where the model is
 * decoded once and the recogniser's code is warm. Run on the page, a cold recogniser cost 2–3× the
 * whole reading (`npm run bench:page`, part 4); from here the page pays a message. A failed reply
 * (the extension reloading) suggests nothing.
 */
export const remoteRecogniser =
  (send: Send): Recogniser =>
  async (text, known) => {
    const reply = await send('names/suggest', { chunks: [{ text, known: [...known] }] });
    return reply.ok ? (reply.value[0] ?? []) : [];
  };

/** An extractor that can begin before the reading does (while the settings are on their way). */
export interface PrefetchingExtractor extends Extractor {
  prefetch(doc: Document): void;
}

/**
 * Text, in characters, from which a page's article is found in the background: below it Readability
 * on the page is quicker than the round trip (and its task short), above it one task would hold the
 * page for hundreds of milliseconds (~450 ms on a 1 MB article). Real news pages, boilerplate
 * included, hold 20,000–100,000.
 */
export const REMOTE_EXTRACTION_CHARS = 150_000;
/** Characters of text in one message of a snapshot sent in parts (`article/part`). */
export const SNAPSHOT_PART_CHARS = 100_000;
/** The page's main thread, in ms, that one slice of the snapshot's walk takes before it yields. */
const SNAPSHOT_SLICE_MS = 12;

/** `items` cut into runs of at most `chars` characters of text (a run holds one item at least). */
function partsOf(items: SnapshotItem[], chars: number): SnapshotItem[][] {
  const parts: SnapshotItem[][] = [];
  let from = 0;
  let size = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const length = typeof item === 'string' ? item.length : 0;
    if (size + length > chars && i > from) {
      parts.push(items.slice(from, i));
      from = i;
      size = 0;
    }
    size += length;
  }
  parts.push(items.slice(from));
  return parts;
}

/**
 * Readability as the extension runs it (issue #16): on a large page, in the background, on a snapshot
 * of the page (`lib/dom/page-snapshot.ts`), which answers the article's text nodes by index; the page
 * pays one walk to take the snapshot and one to map the answer back. On an ordinary page, and on a
 * page over Readability's limits (read by the fallback), here as before; a failed reply (the extension
 * reloading, an old background) falls back to Readability here too. `prefetch` starts the round trip
 * early (while the settings are on their way); the next extraction takes it.
 */
export function remoteExtractor(
  send: Send,
  url: () => string,
  fromChars = REMOTE_EXTRACTION_CHARS,
  partChars = SNAPSHOT_PART_CHARS,
): PrefetchingExtractor {
  let pending: Promise<{ texts: Text[]; found: Reply<'article/extract'>; tasks: number[] }> | null = null;
  const begin = (doc: Document) => {
    const start = performance.now();
    if (!doc.body || !hasTextLength(doc.body, fromChars)) return null;
    const checkMs = performance.now() - start;
    // The walk's first slice runs now, in this task, after the check. A page over Readability's limits
    // (the walk gives up) is read by the fallback, on the page.
    return snapshotPageInSlices(doc, yieldToPage, SNAPSHOT_SLICE_MS, READABILITY_LIMITS).then((snapshot) => {
      const { items, texts, tasks, over } = snapshot;
      tasks[0]! += checkMs;
      if (over)
        return { texts, found: { ok: false, error: `over Readability's limits (${over})` } as const, tasks };
      // Sending copies what it sends before it returns, a task of the page's: the snapshot goes in
      // parts of at most `partChars` of text, each after the page's turn (a megabyte in one
      // message took 40–60 ms), the last with the request.
      const parts = partsOf(items, partChars);
      const timed = <T>(sending: () => T): T => {
        const start = performance.now();
        const sent = sending();
        tasks.push(performance.now() - start);
        return sent;
      };
      const sendParts = async (): Promise<Reply<'article/extract'>> => {
        for (const [i, part] of parts.slice(0, -1).entries()) {
          await yieldToPage();
          const sent = await timed(() => send('article/part', { url: url(), items: part, first: i === 0 }));
          if (!sent.ok) return sent;
        }
        await yieldToPage();
        const before = parts.length - 1;
        return timed(() =>
          send('article/extract', {
            url: url(),
            items: parts[before]!,
            ...(before ? { parts: before } : {}),
          }),
        );
      };
      return sendParts().then((found) => ({ texts, found, tasks }));
    });
  };
  const extract: Extractor = async (doc, { wholePage }) => {
    const asked = pending ?? begin(doc);
    pending = null;
    const got = asked && (await asked);
    const start = performance.now();
    if (!got?.found.ok) {
      const article = articleNodes(doc, { wholePage });
      return { article, tasks: [...(got?.tasks ?? []), performance.now() - start], where: 'page' };
    }
    const article = articleFromIndices(doc, got.texts, got.found.value, { wholePage });
    return { article, tasks: [...got.tasks, performance.now() - start], where: 'background' };
  };
  return Object.assign(extract, {
    prefetch(doc: Document) {
      pending = begin(doc);
    },
  });
}

/**
 * Characters of text sent to the background in one `lexicon/spot` message. Sending copies the text
 * before it returns, a task of the page's: 300,000 characters in ~10 ms, where a megabyte takes
 * 30–50 ms. Each message is a round trip: a 1 MB page's article goes in three.
 */
export const REMOTE_SPOT_CHARS = 300_000;
/** The page's work on the names that came back, in ms, before it yields. */
const SLICE_MS = 8;

/**
 * Spotting as the extension runs it (issue #16): in the background (`lexicon/spot`), where the lexicon
 * — the bundled one with the reader's and the team's names merged over it — is decoded and compiled
 * once, and `spot()` is warm. On the page it waited for a megabyte of lexicon to be fetched and decoded
 * (~200 ms on an ordinary article) and ran cold. An article of up to `chars` characters goes in one
 * message and is read there as a page is (`spotPage`); a longer one in messages of at most `chars`,
 * read in order, then those of its texts to be read again with all the page's names. The names that
 * come back are made the page's mentions a slice of time per task. A failed reply (the extension
 * reloading, an old background) spots the page here instead, with the lexicon `local` fetches (none:
 * nothing more is spotted).
 */
export function remoteSpotter(
  send: Send,
  local: () => Promise<Spotter | null>,
  chars = REMOTE_SPOT_CHARS,
): Spotter {
  return async ({ texts, context }, each, turns) => {
    /**
     * Asks for the texts at `indices`, read `reading` with the entities in `named` (as it is when each
     * message is sent), in messages of at most `chars`; `got` has each text's names. False when the
     * background did not answer.
     */
    const ask = async (
      indices: readonly number[],
      reading: SpotReading,
      named: ReadonlySet<string>,
      got: (index: number, spotted: SpottedText) => void,
    ): Promise<boolean> => {
      for (let from = 0; from < indices.length;) {
        let to = from + 1;
        let size = texts[indices[from]!]!.length;
        for (; to < indices.length && size + texts[indices[to]!]!.length <= chars; to++)
          size += texts[indices[to]!]!.length;
        if (from > 0) await turns.between();
        const batch = indices.slice(from, to);
        const asked = { texts: batch.map((i) => texts[i]!), context: [...named], reading };
        const reply = await turns.timed(() => send('lexicon/spot', asked));
        if (!reply.ok) return false;
        const found = turns.timed(() => spottedOf(reply.value));
        // As many texts per task as fit in a slice of time: a turn per text cost a megabyte's page ~60
        // turns, each waiting behind the page's own work.
        for (let k = 0; k < found.length;) {
          await turns.between();
          turns.timed(() => {
            const began = performance.now();
            do got(batch[k]!, found[k]!);
            while (++k < found.length && performance.now() - began < SLICE_MS);
          });
        }
        from = to;
      }
      return true;
    };
    const all = texts.map((_, i) => i);
    let answered: boolean;
    if (texts.reduce((n, t) => n + t.length, 0) <= chars) answered = await ask(all, 'page', context, each);
    else {
      // As `spotPage` reads, across messages: in order, then again where more was named after.
      const first = new FirstReading(context);
      answered = await ask(all, 'in-order', first.named, (i, spotted) => {
        first.read(i, spotted);
        each(i, spotted);
      });
      const again = first.again();
      if (answered && again.length) answered = await ask(again, 'apart', first.named, each);
    }
    if (answered) return;
    const spotter = await local();
    return spotter?.({ texts, context }, each, turns);
  };
}

/**
 * Reading and re-spotting: one `PageReader` at a time over the page, started again whenever the
 * settings, the lexicon or the page's address change, and following the page's changes until stopped.
 */
export class Reading {
  readonly #doc: Document;
  readonly #layer: HighlightLayer<PageMention>;
  readonly #suggestionLayer: HighlightLayer<PageSuggestion> | undefined;
  readonly #recognise: Recogniser | undefined;
  readonly #onChange: () => void;
  readonly #yieldToPage: (() => Promise<void>) | undefined;
  readonly #extract: Extractor | PrefetchingExtractor | undefined;
  readonly #signal: AbortSignal;
  readonly #clock: Clock;
  #reader: PageReader | null = null;
  #run: AbortController | null = null;

  constructor(options: {
    doc: Document;
    layer: HighlightLayer<PageMention>;
    /** Where suggestions are painted; without it, none are looked for. */
    suggestionLayer?: HighlightLayer<PageSuggestion>;
    /** The second tier (`remoteRecogniser` in the extension); without it, no suggestions. */
    recognise?: Recogniser;
    /** The mentions changed after reading: content added, an entity hidden, the whole page read. */
    onChange(): void;
    /** Stops for good (the session's teardown). */
    signal: AbortSignal;
    /** The timers of the re-spotting debounce. */
    clock: Clock;
    yieldToPage?: (() => Promise<void>) | undefined;
    /** Finds the article (`remoteExtractor` in the extension); by default, on the page. */
    extract?: Extractor | undefined;
  }) {
    this.#extract = options.extract;
    this.#clock = options.clock;
    this.#doc = options.doc;
    this.#layer = options.layer;
    this.#suggestionLayer = options.suggestionLayer;
    this.#recognise = options.recognise;
    this.#onChange = options.onChange;
    this.#yieldToPage = options.yieldToPage;
    this.#signal = options.signal;
  }

  /** Begins finding the article before `start` (its settings are on their way). */
  prefetch(): void {
    const extract = this.#extract;
    if (extract && 'prefetch' in extract) extract.prefetch(this.#doc);
  }

  /** The reader of the page, once one was started (null when the site is off). */
  get reader(): PageReader | null {
    return this.#reader;
  }

  /**
   * Reads the page with a spotter and settings, in place of any reading before, and follows its
   * changes. False when this reading was replaced or stopped before it finished. `dismissed`: the
   * folded spellings the reader said are not names, never suggested.
   */
  async start(
    spot: Spotter,
    settings: ReaderSettings,
    dismissed: ReadonlySet<string> = new Set(),
    waited: Partial<ReaderTimings> = {},
  ): Promise<boolean> {
    this.stop();
    const run = new AbortController();
    this.#run = run;
    const suggestionLayer = this.#suggestionLayer;
    const recognise = this.#recognise;
    const reader = new PageReader(this.#doc, spot, this.#layer, settings, {
      onChange: this.#onChange,
      clock: this.#clock,
      ...(this.#yieldToPage ? { yieldToPage: this.#yieldToPage } : {}),
      ...(this.#extract ? { extract: this.#extract } : {}),
      ...(suggestionLayer && recognise
        ? { suggestions: { layer: suggestionLayer, recognise, dismissed } }
        : {}),
    });
    // What the start waited for, in the timings from the first moment the panel can ask for them.
    Object.assign(reader.timings, waited);
    this.#reader = reader;
    // Followed from the start: what the page adds while it is read is read after it, not lost.
    reader.observe(AbortSignal.any([run.signal, this.#signal]));
    await reader.read();
    if (run.signal.aborted || this.#signal.aborted) {
      // Replaced by a newer reading, which owns the layer now: clear it only if nobody took over.
      if (this.#reader === reader) this.stop();
      return false;
    }
    return true;
  }

  /** Stops reading: highlights removed, changes no longer followed. */
  stop(): void {
    this.#run?.abort();
    this.#run = null;
    this.#reader?.destroy();
    this.#reader = null;
  }
}

/**
 * The panel's `reader/state` with the page's suggested names added (issue 13): the tab's handlers
 * (`tab-handlers.ts`) answer the rest.
 */
export function withSuggestions(
  reading: Reading,
  handlers: HandlersOf<TabProtocol>,
): HandlersOf<TabProtocol> {
  return {
    ...handlers,
    'reader/state': async (payload, sender) => ({
      ...(await handlers['reader/state'](payload, sender)),
      suggestions: reading.reader?.suggestedNames() ?? [],
    }),
  };
}
