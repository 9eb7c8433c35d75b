import type { ArticleSummary } from '../article/extract-article.ts';
import { articleNodes, readable, textNodesUnder, type ArticleSource } from '../dom/article-nodes.ts';
import { blockOf, joinTextNodes, pointAt, rangeOf } from '../dom/text-blocks.ts';
import type { CompiledLexicon } from '../lexicon/compile-lexicon.ts';
import type { Entity, EntityType } from '../lexicon/schema.ts';
import { spot } from '../lexicon/spot.ts';
import type { MentionReport } from '../db/mention.ts';
import { createFlash } from '../paint/flash.ts';
import type { Painter } from '../paint/painter.ts';

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

/** What the reader shows. */
export interface ReaderSettings {
  actors: boolean;
  places: boolean;
  /** Highlight the whole page, not only the article. */
  wholePage: boolean;
}

export interface EntityOnPage {
  id: string;
  type: EntityType;
  subtype: string;
  ar: string;
  en: string;
  count: number;
  hidden: boolean;
}

/** How long the last full read took, in milliseconds, and its longest stretch without yielding. */
export interface ReaderTimings {
  extractMs: number;
  spotMs: number;
  paintMs: number;
  /** The longest synchronous stretch of Rasid's work (a task the page could not interrupt). */
  longestTaskMs: number;
  /** How many such stretches the work was cut into. */
  tasks: number;
  chars: number;
}

export interface ReaderOptions {
  /** Yields to the browser between chunks of work; the default waits for a macrotask. */
  yieldToPage?: () => Promise<void>;
  /** Characters spotted between two yields: keeps each task well under 50 ms on a slow machine. */
  chunkChars?: number;
  /** Called after the mentions changed (content added, entity hidden…). */
  onChange?: () => void;
}

/**
 * Gives the page a turn: `scheduler.yield()` where the browser has it, else a message to ourselves.
 * Not `setTimeout(0)`: nested timers are clamped to 4 ms, which on a 1 MB page cost ~80 ms of waiting.
 */
function defaultYield(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Reads one page: finds the article's text nodes, spots the lexicon's entities in them, paints the
 * mentions and keeps them up to date as the page changes. Everything here runs on a DOM and a
 * painter given to it, so it is tested with happy-dom as well as in the browsers.
 */
export class PageReader {
  readonly #doc: Document;
  readonly #lexicon: CompiledLexicon;
  readonly #painter: Painter;
  readonly #yield: () => Promise<void>;
  readonly #chunkChars: number;
  readonly #onChange: () => void;
  #settings: ReaderSettings;
  #mentions: PageMention[] = [];
  #byNode = new Map<Text, PageMention[]>();
  #hidden = new Set<string>();
  #cursor = new Map<string, number>();
  #summary: ArticleSummary | null = null;
  #nodes: Text[] = [];
  #source: ArticleSource = 'readability';
  /** Where new content counts as article: the element holding all of it. */
  #scope: Element | null = null;
  #observer: MutationObserver | null = null;
  readonly #flash: ReturnType<typeof createFlash>;
  #timings: ReaderTimings = { extractMs: 0, spotMs: 0, paintMs: 0, longestTaskMs: 0, tasks: 0, chars: 0 };

  constructor(
    doc: Document,
    lexicon: CompiledLexicon,
    painter: Painter,
    settings: ReaderSettings,
    options: ReaderOptions = {},
  ) {
    this.#doc = doc;
    this.#lexicon = lexicon;
    this.#painter = painter;
    this.#flash = createFlash(painter);
    this.#settings = settings;
    this.#yield = options.yieldToPage ?? defaultYield;
    this.#chunkChars = options.chunkChars ?? 30_000;
    this.#onChange = options.onChange ?? (() => undefined);
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
  /** The article's text nodes, as read. */
  get nodes(): readonly Text[] {
    return this.#nodes;
  }
  get timings(): ReaderTimings {
    return this.#timings;
  }

  /** Finds the article and its mentions, and paints them. */
  async read(): Promise<void> {
    const t = this.#timings;
    let start = performance.now();
    const { nodes, summary, source } = articleNodes(this.#doc, { wholePage: this.#settings.wholePage });
    this.#summary = summary;
    this.#source = source;
    this.#nodes = nodes;
    this.#scope = source === 'readability' ? commonAncestor(nodes) : this.#doc.body;
    t.extractMs = performance.now() - start;
    t.longestTaskMs = t.extractMs;
    t.tasks = 1;
    t.spotMs = 0;
    t.chars = nodes.reduce((n, node) => n + node.data.length, 0);
    // Extraction, each chunk of spotting and painting are separate tasks: the page gets a turn between them.
    await this.#yield();
    this.#setMentions(await this.#spotInChunks(nodes));
    await this.#yield();
    start = performance.now();
    this.paint();
    t.paintMs = performance.now() - start;
    t.longestTaskMs = Math.max(t.longestTaskMs, t.paintMs);
  }

  /**
   * Spots text nodes in chunks of whole blocks, yielding between chunks. A conditional name early in
   * the page may rest on an entity named later (`cooccurs`): chunks read before the set of named
   * entities was complete are read again with the full set.
   */
  async #spotInChunks(
    nodes: readonly Text[],
    context: ReadonlySet<string> = new Set(),
  ): Promise<PageMention[]> {
    const chunks = chunkByBlocks(nodes, this.#chunkChars);
    const named = new Set<string>(context);
    const results: PageMention[][] = [];
    /** How many entities were named when chunk i had been read: later chunks may name more. */
    const namedAfter: number[] = [];
    for (const [i, chunk] of chunks.entries()) {
      if (i > 0) await this.#yield();
      results.push(this.#timed(() => this.#spotNodes(chunk, named)));
      for (const m of results[i]!) named.add(m.entity.id);
      namedAfter.push(named.size);
    }
    for (const [i, chunk] of chunks.entries()) {
      if (namedAfter[i] === named.size) continue;
      await this.#yield();
      results[i] = this.#timed(() => this.#spotNodes(chunk, named));
    }
    return results.flat();
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

  #spotNodes(nodes: readonly Text[], context: ReadonlySet<string>): PageMention[] {
    if (!nodes.length) return [];
    const joined = joinTextNodes(nodes);
    return spot(joined.text, this.#lexicon, context).map((m) => {
      const [startNode, , from] = pointAt(joined, m.start);
      const [, , to] = pointAt(joined, m.end, true);
      const range = rangeOf(joined, m.start, m.end);
      return {
        entity: m.alias.entity,
        alias: m.alias.alias.text,
        range,
        nodes: joined.nodes.slice(from, to + 1),
        block: blockOf(startNode),
      };
    });
  }

  #setMentions(mentions: PageMention[]): void {
    this.#mentions = mentions;
    this.#byNode = new Map();
    for (const m of mentions)
      for (const node of m.nodes) this.#byNode.set(node, [...(this.#byNode.get(node) ?? []), m]);
  }

  /** Paints the mentions the settings and hidden entities allow. */
  paint(): void {
    const show: Record<EntityType, boolean> = { actor: this.#settings.actors, place: this.#settings.places };
    const ranges: Record<'actor' | 'place', AbstractRange[]> = { actor: [], place: [] };
    for (const m of this.#mentions)
      if (show[m.entity.type] && !this.#hidden.has(m.entity.id)) ranges[m.entity.type].push(m.range);
    this.#painter.paint('actor', ranges.actor);
    this.#painter.paint('place', ranges.place);
  }

  setSettings(settings: ReaderSettings): void {
    const reread = settings.wholePage !== this.#settings.wholePage;
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

  /** The entities on the page with their mention counts, most mentioned first. */
  entities(): EntityOnPage[] {
    const counts = new Map<string, { entity: Entity; count: number }>();
    for (const { entity } of this.#mentions) {
      const c = counts.get(entity.id);
      if (c) c.count++;
      else counts.set(entity.id, { entity, count: 1 });
    }
    return [...counts.values()]
      .sort((a, b) => b.count - a.count || a.entity.ar.localeCompare(b.entity.ar, 'ar'))
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

  /** The mention at a caret position (from `caretPositionFromPoint`), if any. */
  mentionAt(node: Node, offset: number): PageMention | undefined {
    const candidates = this.#byNode.get(node as Text);
    return candidates?.find((m) => {
      const { startContainer, startOffset, endContainer, endOffset } = m.range;
      const lo = node === startContainer ? startOffset : 0;
      const hi = node === endContainer ? endOffset : (node as Text).length;
      return offset >= lo && offset <= hi && !this.#hidden.has(m.entity.id);
    });
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
    this.#flash.show(mention.range);
    return mention;
  }

  /**
   * Follows the page as it changes (live blogs, infinite scroll, edits): blocks whose text changed or
   * arrived are spotted again, debounced; mentions in removed text are dropped. Stops with `signal`.
   */
  observe(signal: AbortSignal, debounceMs = 250): void {
    const win = this.#doc.defaultView;
    if (!win?.MutationObserver || !this.#doc.body) return;
    const pending = new Set<Node>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    this.#observer = new win.MutationObserver((records) => {
      for (const r of records) {
        if (isOurs(r.target)) continue;
        if (r.type === 'characterData') pending.add(r.target);
        for (const n of r.addedNodes) if (!isOurs(n)) pending.add(n);
        if (r.removedNodes.length) pending.add(r.target);
      }
      if (!pending.size) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const batch = [...pending];
        pending.clear();
        void this.#update(batch);
      }, debounceMs);
    });
    this.#observer.observe(this.#doc.body, { childList: true, characterData: true, subtree: true });
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
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
    const kept = this.#mentions.filter(
      (m) => m.range.startContainer.isConnected && !(m.block && inScope.includes(m.block)),
    );
    const nodes = inScope.flatMap((b) => textNodesUnder(b).filter((t) => blockOf(t) === b && readable(t)));
    // What the rest of the page names counts for conditions in the new text.
    const fresh = nodes.length ? await this.#spotInChunks(nodes, new Set(kept.map((m) => m.entity.id))) : [];
    const all = [...kept, ...fresh].sort(documentOrder);
    if (fresh.length === 0 && kept.length === this.#mentions.length) return;
    this.#setMentions(all);
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

  /** Removes everything Rasid painted or observes. */
  destroy(): void {
    this.#observer?.disconnect();
    this.#flash.cancel();
    this.#painter.clear();
    this.#mentions = [];
    this.#byNode = new Map();
  }
}

/** The sentence a mention stands in, as written in its block. */
function sentenceOf({ range, block }: PageMention): string {
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
  const sentence = text.slice(start, end).replace(/\s+/gu, ' ').trim();
  return sentence.length > 300 ? `${sentence.slice(0, 299)}…` : sentence;
}

const isOurs = (node: Node) =>
  (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest(
    '[data-rasid-ui]',
  ) != null;

function documentOrder(a: PageMention, b: PageMention): number {
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
function chunkByBlocks(nodes: readonly Text[], size: number): Text[][] {
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
    if (length >= size && b !== block) {
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
