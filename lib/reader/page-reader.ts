import type { ArticleSummary } from '../model/article.ts';
import { systemClock, type Clock } from '../clock.ts';
import {
  articleNodes,
  readable,
  textNodesUnder,
  type ArticleNodes,
  type ArticleSource,
} from '../dom/article-nodes.ts';
import { outsideEditable } from '../dom/editable.ts';
import { withoutBidiControls } from '../arabic/bidi.ts';
import { blockOf, joinTextNodes, pointAt, rangeOf, type TextBlocks } from '../dom/text-blocks.ts';
import type { Entity, EntityType } from '../lexicon/schema.ts';
import type { SpottedText } from '../lexicon/spot-texts.ts';
import type { Spotter, SpotTurns } from './spotter.ts';
import { yieldToPage } from '../yield-to-page.ts';
import type { MentionReport } from '../model/mention.ts';
import type { EntityOnPage, ReaderTimings } from '../model/page.ts';
import type { RecognisedName, SuggestedName, SuggestionReport } from '../model/suggestion.ts';
import type { Highlight as Painted, HighlightLayer } from '../paint/page-highlights.ts';
import type { HighlightKind } from '../paint/painter.ts';

/** One mention on the page: a static range over the live text nodes it spans. */
export interface PageMention {
  entity: Entity;
  /** The lexicon spelling that matched (as the lexicon writes it, not as the page does). */
  alias: string;
  range: AbstractRange;
  /** The text nodes it spans (usually one; more when the name is split across inline elements). */
  nodes: Text[];
  block: Element | null;
}

/** The kinds of highlight mentions are painted as: one per entity type. */
export const MENTION_KINDS = ['actor', 'place'] as const satisfies readonly HighlightKind[];

/** Suggestions (names Rasid does not know yet) are painted as one kind of their own, whatever their type. */
export const SUGGESTION_KINDS = ['suggested'] as const satisfies readonly HighlightKind[];

export type { RecognisedName };

/**
 * Finds names the lexicon does not know in a text, never overlapping the `known` spans: the second
 * tier, injected so that this file never loads the model. In the extension it runs in the background
 * (`remoteRecogniser`, lib/session/reading.ts), off the page's thread; tests pass it directly.
 */
export type Recogniser = (
  text: string,
  known: readonly { start: number; end: number }[],
) => readonly RecognisedName[] | Promise<readonly RecognisedName[]>;

/** One suggested name on the page: a static range over the live text nodes, like a mention. */
export interface PageSuggestion {
  name: Omit<RecognisedName, 'start' | 'end'>;
  range: AbstractRange;
  nodes: Text[];
  block: Element | null;
}

/** Suggestions: where they are painted, who recognises them, and which spellings the reader dismissed. */
export interface SuggestionOptions {
  layer: HighlightLayer<PageSuggestion>;
  recognise: Recogniser;
  /** Folded spellings the reader said are not names (`nameKey`): never suggested. */
  dismissed?: ReadonlySet<string>;
}

/** A stretch of text nodes spotted at once: its joined text, the known names' spans in it, and their mentions. */
interface SpottedChunk {
  joined: TextBlocks;
  spans: { start: number; end: number }[];
  mentions: PageMention[];
}

/** What the reader shows. */
export interface ReaderSettings {
  actors: boolean;
  places: boolean;
  /** Highlight the whole page, not only the article. */
  wholePage: boolean;
  /** Suggest names the lexicon does not know (needs `ReaderOptions.suggestions`). */
  suggestions?: boolean;
}

export interface ReaderOptions {
  /** Yields to the browser between chunks of work; the default waits for a macrotask. */
  yieldToPage?: () => Promise<void>;
  /** Characters spotted between two yields: keeps each task well under 50 ms on a slow machine. */
  chunkChars?: number;
  /** Names painted between two yields in a read's first paint. */
  paintedPerTask?: number;
  /** Called after the mentions changed (content added, entity hidden…). */
  onChange?: () => void;
  /** The timers of the re-spotting debounce (the page's, by default). */
  clock?: Clock;
  /** The second tier; without it, no suggestions whatever the settings say. */
  suggestions?: SuggestionOptions;
  /**
   * Finds the article elsewhere than on the page's thread (issue #16: `remoteExtractor`, Readability in
   * the background); by default `articleNodes`, here.
   */
  extract?: Extractor;
}

/** The article found, with the page's own share of the work: each synchronous stretch, in ms. */
export interface Extracted {
  article: ArticleNodes;
  tasks: number[];
  /** Where Readability ran. */
  where: 'page' | 'background';
}
export type Extractor = (doc: Document, options: { wholePage: boolean }) => Promise<Extracted>;

/**
 * Characters spotted in one task (issue #16: none of Rasid's tasks over 50 ms on a 1 MB page, on a
 * loaded 2-core machine). Warm, `spot()` reads this many in a few milliseconds; the chunks are whole
 * blocks, so a chunk runs over by at most one block.
 */
const CHUNK_CHARS = 12_000;
/** The first chunk is smaller: it runs cold code (on a fresh page, ~10× slower per character). */
const FIRST_CHUNK_CHARS = 3_000;
/** Chunks joined into text in one task (~100,000 characters). */
const JOINED_PER_TASK = 8;
/**
 * Names painted in one task of a read's first paint (issue #16): adding a range to a `Highlight` costs
 * 1–4 µs, and a 1 MB page names ~13,000 (one task of 12–72 ms, painted at once).
 */
const PAINTED_PER_TASK = 2_000;

/**
 * Reads one page: finds the article's text nodes, spots the lexicon's entities in them, paints the
 * mentions and keeps them up to date as the page changes. Everything here runs on a DOM and a
 * highlight layer given to it (`PageHighlights`, which paints and hit-tests), so it is tested with
 * happy-dom as well as in the browsers.
 */
export class PageReader {
  readonly #doc: Document;
  readonly #spot: Spotter;
  readonly #layer: HighlightLayer<PageMention>;
  readonly #yield: () => Promise<void>;
  readonly #chunkChars: number;
  readonly #paintedPerTask: number;
  readonly #onChange: () => void;
  readonly #clock: Clock;
  #settings: ReaderSettings;
  #mentions: PageMention[] = [];
  readonly #suggest: SuggestionOptions | undefined;
  readonly #extract: Extractor | undefined;
  #suggestions: PageSuggestion[] = [];
  /** Suggestions were looked for in the last read (they were on): switching them on later reads again. */
  #suggestionsRead = false;
  #hidden = new Set<string>();
  #cursor = new Map<string, number>();
  #summary: ArticleSummary | null = null;
  #nodes: Text[] = [];
  #source: ArticleSource = 'readability';
  /** Where new content counts as article: the element holding all of it. */
  #scope: Element | null = null;
  #observer: MutationObserver | null = null;
  /**
   * The reading and the updates after it, one at a time: a change that arrives while the page is
   * being read waits for that reading, then is read on top of it (never lost, never overwritten).
   */
  #queue: Promise<unknown> = Promise.resolve();
  /** Destroyed: a reading still under way when it was replaced paints nothing when it ends. */
  #destroyed = false;
  /** Counts the paints begun: a read's paint in slices stops when a whole one began after it. */
  #painting = 0;
  #timings: ReaderTimings = {
    extractMs: 0,
    spotMs: 0,
    paintMs: 0,
    longestTaskMs: 0,
    tasks: 0,
    chars: 0,
    suggestMs: 0,
  };

  constructor(
    doc: Document,
    spot: Spotter,
    layer: HighlightLayer<PageMention>,
    settings: ReaderSettings,
    options: ReaderOptions = {},
  ) {
    this.#doc = doc;
    this.#spot = spot;
    this.#layer = layer;
    this.#settings = settings;
    this.#yield = options.yieldToPage ?? yieldToPage;
    this.#chunkChars = options.chunkChars ?? CHUNK_CHARS;
    this.#paintedPerTask = options.paintedPerTask ?? PAINTED_PER_TASK;
    this.#onChange = options.onChange ?? (() => undefined);
    this.#clock = options.clock ?? systemClock;
    this.#suggest = options.suggestions;
    this.#extract = options.extract;
  }

  get summary(): ArticleSummary | null {
    return this.#summary;
  }
  get source(): ArticleSource {
    return this.#source;
  }
  get mentions(): readonly PageMention[] {
    return this.#mentions;
  }
  /** The names suggested on the page, in document order (none when suggestions are off). */
  get suggestions(): readonly PageSuggestion[] {
    return this.#suggestions;
  }
  /** The article's text nodes, as read. */
  get nodes(): readonly Text[] {
    return this.#nodes;
  }
  get timings(): ReaderTimings {
    return this.#timings;
  }

  /** Finds the article and its mentions, and paints them (after any reading or update under way). */
  read(): Promise<void> {
    return this.#serial(() => this.#read());
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work, work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #read(): Promise<void> {
    const t = this.#timings;
    let start = performance.now();
    const began = start;
    t.startedAt = began;
    let article: ArticleNodes;
    let tasks: number[];
    let where: Extracted['where'] = 'page';
    if (this.#extract)
      ({ article, tasks, where } = await this.#extract(this.#doc, { wholePage: !!this.#settings.wholePage }));
    else {
      article = articleNodes(this.#doc, { wholePage: this.#settings.wholePage });
      tasks = [performance.now() - start];
    }
    if (this.#destroyed) return;
    t.extractedIn = where;
    const { summary, source } = article;
    // Never into an editable region, whatever its spelling of `contenteditable` (issue #12).
    const nodes = outsideEditable(article.nodes);
    this.#summary = summary;
    this.#source = source;
    this.#nodes = nodes;
    this.#scope = source === 'readability' ? commonAncestor(nodes) : this.#doc.body;
    // The wait for the article; of it, only `tasks` was the page's own work.
    t.extractMs = performance.now() - start;
    t.longestTaskMs = Math.max(0, ...tasks);
    t.tasks = tasks.length;
    t.spotMs = 0;
    t.suggestMs = 0;
    t.chars = nodes.reduce((n, node) => n + node.data.length, 0);
    // Extraction, each chunk of spotting and painting are separate tasks: the page gets a turn between them.
    await this.#yield();
    const chunks = await this.#spotInChunks(nodes);
    t.spottedAt = performance.now() - began;
    this.#setMentions(chunks.flatMap((c) => c.mentions));
    this.#suggestions = [];
    await this.#yield();
    if (this.#destroyed) return;
    // The known names are painted now, as they are without suggestions: they never wait for the
    // recogniser (in the extension, a round trip to the background). In slices, the first names first.
    t.paintMs = 0;
    if (!(await this.#paintInSlices())) return;
    t.knownPaintedAt = performance.now() - began;
    // The second tier reads the same article text, after the first: it must know where the known names are.
    const suggesting = this.#suggesting();
    if (suggesting) {
      const suggestions = await this.#suggestInChunks(chunks);
      if (this.#destroyed) return;
      this.#suggestions = suggestions;
      start = performance.now();
      this.#paintSuggestions();
      t.paintMs += performance.now() - start;
      t.suggestionsPaintedAt = performance.now() - began;
    }
    this.#suggestionsRead = suggesting;
    t.finishedAt = performance.now() - began;
  }

  /**
   * Spots text nodes in chunks of whole blocks, yielding between chunks, read as `spotPage` reads a
   * page: a conditional name early in the page may rest on an entity named later (`cooccurs`), and a
   * chunk read before it was named is read again. `context`: the entities named elsewhere on the page.
   */
  async #spotInChunks(
    nodes: readonly Text[],
    context: ReadonlySet<string> = new Set(),
  ): Promise<SpottedChunk[]> {
    const first = Math.min(this.#chunkChars, FIRST_CHUNK_CHARS);
    const chunks = this.#timed(() => chunkByBlocks(nodes, this.#chunkChars, first));
    // Joined a few chunks per task: a megabyte of article at once would hold the page for tens of ms.
    const joined: TextBlocks[] = [];
    for (let i = 0; i < chunks.length; i += JOINED_PER_TASK) {
      await this.#yield();
      this.#timed(() => {
        for (const chunk of chunks.slice(i, i + JOINED_PER_TASK)) joined.push(joinTextNodes(chunk));
      });
    }
    const turns: SpotTurns = { between: this.#yield, timed: (work) => this.#timed(work) };
    const results: SpottedChunk[] = [];
    await this.#spot(
      { texts: joined.map((j) => j.text), context },
      (i, spotted) => (results[i] = this.#chunkOf(joined[i]!, spotted)),
      turns,
    );
    // Holes where the spotting failed (the background gone, and the page's lexicon with it).
    return results.filter((r) => r !== undefined);
  }

  #suggesting(): boolean {
    return !!this.#settings.suggestions && !!this.#suggest;
  }

  /**
   * The second tier over chunks already spotted, one task per chunk: the names the recogniser finds
   * outside the known ones, less the spellings the reader dismissed.
   */
  async #suggestInChunks(chunks: readonly SpottedChunk[]): Promise<PageSuggestion[]> {
    const suggest = this.#suggest;
    if (!suggest) return [];
    const start = performance.now();
    const asked = chunks.filter(({ joined }) => joined.nodes.length);
    // Every chunk is asked at once: the round trips overlap, and the background answers other tabs
    // between chunks. Only a synchronous recogniser's time is the page's own work; `suggestMs` is the
    // wait either way.
    const replies = asked.map(({ joined, spans }) =>
      this.#timed(() => suggest.recognise(joined.text, spans)),
    );
    const out: PageSuggestion[] = [];
    for (const [i, { joined }] of asked.entries()) {
      // Awaited whatever it is: in a Firefox content script the browser's promises are not this
      // realm's `Promise`, so `instanceof` cannot tell them.
      const found = await replies[i]!;
      if (this.#destroyed) return [];
      for (const { start: from, end: to, ...name } of found) {
        if (suggest.dismissed?.has(name.key)) continue;
        const [startNode, , first] = pointAt(joined, from);
        const [, , last] = pointAt(joined, to, true);
        out.push({
          name,
          range: rangeOf(joined, from, to),
          nodes: joined.nodes.slice(first, last + 1),
          block: blockOf(startNode),
        });
      }
    }
    this.#timings.suggestMs = performance.now() - start;
    return out;
  }

  /** Runs one synchronous stretch of spotting and keeps its time. */
  #timed<T>(work: () => T): T {
    const start = performance.now();
    const result = work();
    const ms = performance.now() - start;
    this.#timings.spotMs += ms;
    this.#timings.longestTaskMs = Math.max(this.#timings.longestTaskMs, ms);
    this.#timings.tasks++;
    return result;
  }

  /** A chunk's names as the page's mentions: static ranges over its text nodes. */
  #chunkOf(joined: TextBlocks, { names }: SpottedText): SpottedChunk {
    const spans = names.map(({ start, end }) => ({ start, end }));
    // A paragraph names several entities: its block is found once.
    const blocks = new Map<Element | null, Element | null>();
    const mentions = names.map(({ start, end, entity, alias }) => {
      const [startNode, , from] = pointAt(joined, start);
      const [, , to] = pointAt(joined, end, true);
      const range = rangeOf(joined, start, end);
      const parent = startNode.parentElement;
      let block = blocks.get(parent);
      if (block === undefined) blocks.set(parent, (block = blockOf(startNode)));
      return { entity, alias, range, nodes: joined.nodes.slice(from, to + 1), block };
    });
    return { joined, spans, mentions };
  }

  #setMentions(mentions: PageMention[]): void {
    this.#mentions = mentions;
  }

  /**
   * Paints the mentions the settings and hidden entities allow; only those are on the page's model,
   * so a click on a name switched off opens nothing.
   */
  paint(): void {
    this.#painting++;
    this.#layer.set(this.#shown());
    this.#paintSuggestions();
  }

  /** The mentions shown with the settings as they are, as highlights. */
  #shown(): Painted<PageMention>[] {
    const show: Record<EntityType, boolean> = { actor: this.#settings.actors, place: this.#settings.places };
    return this.#mentions
      .filter((m) => show[m.entity.type] && !this.#hidden.has(m.entity.id))
      .map((m) => ({ range: m.range, kind: m.entity.type, item: m }));
  }

  /**
   * `paint()` a slice of names per task, the page's turn between. False when the reader was destroyed
   * meanwhile; a whole `paint()` meanwhile (the settings changed) has painted the rest.
   */
  async #paintInSlices(): Promise<boolean> {
    const t = this.#timings;
    const painting = ++this.#painting;
    const shown = this.#shown();
    const per = this.#paintedPerTask;
    for (let from = 0; from === 0 || from < shown.length; from += per) {
      if (from) {
        await this.#yield();
        if (this.#destroyed) return false;
        if (painting !== this.#painting) return true;
      }
      const start = performance.now();
      const slice = shown.slice(from, from + per);
      if (from) this.#layer.add(slice);
      else {
        this.#layer.set(slice);
        this.#paintSuggestions();
      }
      const ms = performance.now() - start;
      t.paintMs += ms;
      t.longestTaskMs = Math.max(t.longestTaskMs, ms);
    }
    return true;
  }

  #paintSuggestions(): void {
    this.#suggest?.layer.set(
      this.#settings.suggestions
        ? this.#suggestions.map((s) => ({ range: s.range, kind: 'suggested' as const, item: s }))
        : [],
    );
  }

  setSettings(settings: ReaderSettings): void {
    // Suggestions switched on after a read without them: the recogniser has not read the page yet.
    const reread =
      settings.wholePage !== this.#settings.wholePage ||
      (!!settings.suggestions && !!this.#suggest && !this.#suggestionsRead);
    this.#settings = settings;
    if (reread) void this.read().then(this.#onChange);
    else this.paint();
  }

  setHidden(entityId: string, hidden: boolean): void {
    if (hidden) this.#hidden.add(entityId);
    else this.#hidden.delete(entityId);
    this.paint();
    this.#onChange();
  }

  /**
   * The entities on the page with their mention counts, most mentioned first; those named as often, in
   * the order the page first names them (the sort is stable, the mentions in document order). Not in
   * alphabetical order: the page's first Arabic collator costs 25 ms of ICU data (issue #16).
   */
  entities(): EntityOnPage[] {
    const counts = new Map<string, { entity: Entity; count: number }>();
    for (const { entity } of this.#mentions) {
      const c = counts.get(entity.id);
      if (c) c.count++;
      else counts.set(entity.id, { entity, count: 1 });
    }
    return [...counts.values()]
      .sort((a, b) => b.count - a.count)
      .map(({ entity: e, count }) => ({
        id: e.id,
        type: e.type,
        subtype: e.subtype,
        ar: e.ar,
        en: e.en,
        count,
        hidden: this.#hidden.has(e.id),
      }));
  }

  /** The suggested names, grouped by folded spelling in order of first appearance, as first written. */
  suggestedNames(): SuggestedName[] {
    if (!this.#settings.suggestions) return [];
    return this.#groupSuggestions().map(({ first, count }) => ({ ...nameOf(first), count }));
  }

  /** The page's suggested names for the reader's history: as `suggestedNames`, with the first sentence. */
  suggestionReports(): SuggestionReport[] {
    if (!this.#settings.suggestions) return [];
    return this.#groupSuggestions().map(({ first, count }) => ({
      ...nameOf(first),
      count,
      sentence: sentenceOf(first),
    }));
  }

  #groupSuggestions(): { first: PageSuggestion; count: number }[] {
    const byKey = new Map<string, { first: PageSuggestion; count: number }>();
    for (const s of this.#suggestions) {
      const seen = byKey.get(s.name.key);
      if (seen) seen.count++;
      else byKey.set(s.name.key, { first: s, count: 1 });
    }
    return [...byKey.values()];
  }

  /**
   * The page's part of the reader's history: each entity, its count, and the sentence of its first
   * mention (cut from its paragraph at sentence ends, at most 300 characters).
   */
  mentionReports(): MentionReport[] {
    const first = new Map<string, { mention: PageMention; count: number }>();
    for (const m of this.#mentions) {
      const seen = first.get(m.entity.id);
      if (seen) seen.count++;
      else first.set(m.entity.id, { mention: m, count: 1 });
    }
    return [...first.values()].map(({ mention, count }) => ({
      entity: mention.entity.id,
      count,
      sentence: sentenceOf(mention),
    }));
  }

  /** The position (1-based) of a mention among its entity's mentions, and their number. */
  positionOf(mention: PageMention): { index: number; count: number } {
    const same = this.#mentions.filter((m) => m.entity.id === mention.entity.id);
    return { index: same.indexOf(mention) + 1, count: same.length };
  }

  /**
   * Scrolls to an entity's next (or previous) mention and flashes it. Starts after `from` when given,
   * else after the last one revealed. Returns the mention.
   */
  reveal(entityId: string, direction: 1 | -1 = 1, from?: PageMention): PageMention | undefined {
    const same = this.#mentions.filter((m) => m.entity.id === entityId && m.range.startContainer.isConnected);
    if (!same.length) return undefined;
    const current = from ? same.indexOf(from) : (this.#cursor.get(entityId) ?? -1);
    const index =
      current < 0 && direction < 0 ? same.length - 1 : (current + direction + same.length) % same.length;
    this.#cursor.set(entityId, index);
    const mention = same[index]!;
    this.#layer.flash(mention.range);
    return mention;
  }

  /**
   * Follows the page as it changes (live blogs, infinite scroll, edits): blocks whose text changed or
   * arrived are spotted again, debounced; mentions in removed text are dropped. A page that never
   * stops changing (a clock ticking every 200 ms) cannot hold new text back for ever: changes wait
   * at most `maxWaitMs` after the first of them (issue #12). Stops with `signal`. Called before
   * `read`, it also keeps what changes while the page is read (a live blog adding a paragraph while
   * the recogniser answers): those changes are read once the reading ends.
   */
  observe(signal: AbortSignal, debounceMs = 250, maxWaitMs = 2000): void {
    const win = this.#doc.defaultView;
    if (!win?.MutationObserver || !this.#doc.body) return;
    const clock = this.#clock;
    const pending = new Set<Node>();
    let cancel = () => {};
    /** When the oldest change still waiting arrived. */
    let since: number | null = null;
    const run = () => {
      since = null;
      const batch = [...pending];
      pending.clear();
      void this.#serial(() => this.#update(batch));
    };
    this.#observer = new win.MutationObserver((records) => {
      for (const r of records) {
        if (isOurs(r.target)) continue;
        if (r.type === 'characterData') pending.add(r.target);
        for (const n of r.addedNodes) if (!isOurs(n)) pending.add(n);
        if (r.removedNodes.length) pending.add(r.target);
      }
      if (!pending.size) return;
      since ??= clock.now();
      cancel();
      cancel = clock.setTimeout(run, Math.max(0, Math.min(debounceMs, since + maxWaitMs - clock.now())));
    });
    this.#observer.observe(this.#doc.body, { childList: true, characterData: true, subtree: true });
    signal.addEventListener('abort', () => {
      cancel();
      this.#observer?.disconnect();
    });
  }

  async #update(changed: Node[]): Promise<void> {
    const blocks = new Set<Element>();
    for (const node of changed) {
      if (!node.isConnected) continue;
      if (node.nodeType === Node.TEXT_NODE) {
        const b = blockOf(node);
        if (b) blocks.add(b);
      } else {
        for (const t of textNodesUnder(node)) {
          const b = blockOf(t);
          if (b) blocks.add(b);
        }
        const b = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : blockOf(node);
        if (b && b.nodeType === Node.ELEMENT_NODE) blocks.add(b);
      }
    }
    const inScope = [...blocks].filter((b) => this.#inScope(b));
    const untouched = (m: { range: AbstractRange; block: Element | null }) =>
      m.range.startContainer.isConnected && !(m.block && inScope.includes(m.block));
    const kept = this.#mentions.filter(untouched);
    const keptSuggestions = this.#suggestions.filter(untouched);
    const nodes = outsideEditable(
      inScope.flatMap((b) => textNodesUnder(b).filter((t) => blockOf(t) === b && readable(t))),
    );
    // What the rest of the page names counts for conditions in the new text.
    const chunks = nodes.length ? await this.#spotInChunks(nodes, new Set(kept.map((m) => m.entity.id))) : [];
    const fresh = chunks.flatMap((c) => c.mentions);
    // Suggestions follow the page block by block, as the known names do: the blocks spotted again are
    // the ones the recogniser reads again (a name never spans two blocks).
    const freshSuggestions = this.#suggestionsRead ? await this.#suggestInChunks(chunks) : [];
    if (
      this.#destroyed ||
      (fresh.length === 0 &&
        kept.length === this.#mentions.length &&
        freshSuggestions.length === 0 &&
        keptSuggestions.length === this.#suggestions.length)
    )
      return;
    this.#setMentions([...kept, ...fresh].sort(documentOrder));
    this.#suggestions = [...keptSuggestions, ...freshSuggestions].sort(documentOrder);
    this.paint();
    this.#onChange();
  }

  /** New content counts when it is inside the article (or, for infinite scroll, a new article beside it). */
  #inScope(block: Element): boolean {
    const scope = this.#scope;
    if (!scope || block.closest('[data-rasid-ui]')) return false;
    if (scope.contains(block)) return true;
    if (this.#source !== 'readability') return false;
    const next = block.closest('article');
    return !!next && next.parentElement === scope.parentElement;
  }

  /** Removes its highlights and stops observing the page. */
  destroy(): void {
    this.#destroyed = true;
    this.#observer?.disconnect();
    this.#layer.clear();
    this.#suggest?.layer.clear();
    this.#mentions = [];
    this.#suggestions = [];
  }
}

const nameOf = ({ name }: PageSuggestion): Omit<SuggestedName, 'count'> => ({
  key: name.key,
  text: name.text,
  type: name.type,
  kind: name.kind,
});

/** The sentence a mention (or a suggestion) stands in, as written in its block. */
function sentenceOf({ range, block }: { range: AbstractRange; block: Element | null }): string {
  const text = block?.textContent ?? '';
  // Where the mention starts in the block's text: the lengths of the text nodes before it, plus its offset.
  let at = range.startOffset;
  if (block) {
    const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n && n !== range.startContainer; n = walker.nextNode())
      at += n.textContent?.length ?? 0;
  }
  const ends = /[.!?؟\n]/gu;
  let start = 0;
  let end = text.length;
  for (let m = ends.exec(text); m; m = ends.exec(text)) {
    if (m.index < at) start = m.index + 1;
    else {
      end = m.index + 1;
      break;
    }
  }
  // Shown in the panel, the dashboard and exports: no override of the page's may reorder them.
  const sentence = withoutBidiControls(text.slice(start, end)).replace(/\s+/gu, ' ').trim();
  return sentence.length > 300 ? `${sentence.slice(0, 299)}…` : sentence;
}

const isOurs = (node: Node) =>
  (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest(
    '[data-rasid-ui]',
  ) != null;

function documentOrder(a: { range: AbstractRange }, b: { range: AbstractRange }): number {
  const x = a.range.startContainer;
  const y = b.range.startContainer;
  if (x === y) return a.range.startOffset - b.range.startOffset;
  return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** The nearest element that contains every node. */
function commonAncestor(nodes: readonly Node[]): Element | null {
  if (!nodes.length) return null;
  let ancestor: Element | null = nodes[0]!.parentElement;
  for (const n of nodes) while (ancestor && !ancestor.contains(n)) ancestor = ancestor.parentElement;
  return ancestor;
}

/** Text nodes in chunks of about `size` characters that never split a block. */
function chunkByBlocks(nodes: readonly Text[], size: number, first = size): Text[][] {
  const chunks: Text[][] = [];
  let chunk: Text[] = [];
  let length = 0;
  let block: Element | null | undefined;
  let parent: Element | null = null;
  let b: Element | null = null;
  for (const node of nodes) {
    if (node.parentElement !== parent) {
      parent = node.parentElement;
      b = blockOf(node);
    }
    if (length >= (chunks.length ? size : first) && b !== block) {
      chunks.push(chunk);
      chunk = [];
      length = 0;
    }
    block = b;
    chunk.push(node);
    length += node.data.length;
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}
