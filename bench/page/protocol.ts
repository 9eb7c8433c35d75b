/**
 * What the benchmark asks a page to do and what the page answers: shared by the Node side
 * (bench/page.bench.ts) and the bundle that runs in the page (rasid-entry.ts). Types only.
 */
import type { ReaderTimings } from '../../lib/model/page.ts';

/** The four ways of getting the names on a page highlighted (or, for `walk`, merely read). */
export type Method = 'rasid' | 'mark' | 'markRegExp' | 'walk';

/** mark.js `accuracy`: whole words between spaces, or anywhere inside words. */
export type MarkAccuracy = 'exactly' | 'partially';

export interface RunRequest {
  method: Method;
  /** Rasid: aliases in its lexicon (the bundled ones first, then synthetic names); all bundled when absent. */
  aliases?: number;
  /** mark.js `mark()`: how keywords must sit in the text. */
  accuracy?: MarkAccuracy;
  /**
   * Rasid: suggest names the lexicon does not know too (issue 13), with the bundled recogniser run on
   * the page's thread from cold (`page`), or in a worker standing for the extension's background:
   * warmed before t0 (`background`: Firefox's background page, or Chromium's service worker while it
   * lives), or started before t0 and given its first text at t0 (`cold-background`: Chromium's
   * service worker woken up, the model decoded on first use).
   */
  suggestions?: 'page' | 'background' | 'cold-background';
  /**
   * Rasid: decode the lexicon after t0, as the content script does on every Arabic page, from the
   * strings the build ships (packed entities, serialised trie): the bundled lexicon, or the 158 seed
   * entities alone (the lexicon before issue 13). Without it, the lexicon is compiled before t0.
   */
  decode?: 'bundled' | 'seeds';
  /**
   * Rasid: where the names are spotted. `background`, as the extension spots them (issue #16): the
   * page's `remoteSpotter` asks a worker standing for the background, its lexicon compiled and its code
   * warmed before t0. Without it, on the page's thread from cold: the reader's fallback, should the
   * background not answer.
   */
  spotting?: 'background';
}

export interface RunResult {
  method: Method;
  /** Preparation before t0, once per session in a real extension: compiling the lexicon, building the regex. */
  setupMs: number;
  /** t0 → the work done and style and layout forced. */
  syncMs: number;
  /** t0 → the next animation frame after that: "time until painted". */
  paintedMs: number;
  /** t0 → the end of that frame's rendering (its style, layout and paint, highlights included). */
  renderedMs: number;
  /** Highlighted matches; for mark.js the outermost `<mark>`s. */
  matches: number;
  /** Rasid with suggestions: the names suggested (painted as `rasid-suggested`). */
  suggested?: number;
  /** mark.js: `<mark>`s inside another one (a shorter alias found again inside a longer one's mark). */
  nested: number;
  /** UTF-16 units of text the method read (Rasid: the article; the others: the whole body). */
  chars: number;
  /** Distinct aliases the method searched for. */
  aliases: number;
  /** Rasid: the reader's own timings of this read. */
  timings: ReaderTimings | null;
}

export interface RasidBench {
  run(request: RunRequest): Promise<RunResult>;
}

/** The subset of mark.js 8.11 the benchmark uses (the package ships no types). */
export interface MarkOptions {
  separateWordSearch?: boolean;
  accuracy?: MarkAccuracy;
  diacritics?: boolean;
}
export interface MarkInstance {
  mark(keywords: string[], options: MarkOptions): void;
  markRegExp(regexp: RegExp, options: MarkOptions): void;
}
export type MarkConstructor = new (context: Element) => MarkInstance;

declare global {
  interface Window {
    rasidBench: RasidBench;
    /** mark.js's UMD build, loaded as a plain script. */
    Mark?: MarkConstructor;
  }
}
