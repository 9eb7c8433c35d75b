import type { ArticleSummary } from './article.ts';
import type { EntityType } from '../lexicon/schema.ts';
import type { AnnotationRow } from './annotation.ts';
import type { SuggestedName } from './suggestion.ts';

/** A page Rasid has read. */
export interface PageRow {
  /** The page's key, `pageKey(address, canonical)`: its identity (the field's name is from version 1). */
  url: string;
  /** The address it was last read at. */
  address?: string;
  /** Host without `www.`: what "site" means in Rasid. */
  site: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  wordCount: number;
  /** Epoch milliseconds. */
  firstVisit: number;
  lastVisit: number;
  visits: number;
}

/** What the panel shows of one entity on the open page. */
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
  /** The suggestions' share of `spotMs`: the recogniser's time (0 when suggestions are off). */
  suggestMs?: number;
  /** From the read's start: until the known names were painted, and until the suggestions were. */
  knownPaintedAt?: number;
  suggestionsPaintedAt?: number;
  /** Where Readability ran for this read: on the page, or in the background (issue #16). */
  extractedIn?: 'page' | 'background';
  /** When the read began, on the page's clock (`performance.now()`). */
  startedAt?: number;
  /**
   * When the loader, Rasid's content script, started on the page's clock (issue #16): with `startedAt`
   * and `knownPaintedAt`, the whole wait from the script's start to the names painted.
   */
  loaderStartedAt?: number;
  /** When the reader's bundle began to run (the background injected it), on the page's clock. */
  readerStartedAt?: number;
  /**
   * The reader started by itself, its site registered (`lib/background/reader-sites.ts`): no loader
   * before it, and `loaderStartedAt` is its own start.
   */
  byItself?: boolean;
  /** When the site's settings, which the read waited for, answered, on the page's clock (issue #16). */
  settingsAt?: number;
  /** From the read's start: until the names were spotted (in the background: the round trip included). */
  spottedAt?: number;
  /**
   * From the read's start: until the read was over, its suggestions painted (or none asked). Written
   * last: a read with it is finished. Not `paintMs`, which a clock of whole milliseconds (Firefox's)
   * can leave at 0 once a read is over.
   */
  finishedAt?: number;
}

/** What the reader in a tab found on its page (`reader/state`). */
export interface ReaderState {
  url: string;
  /** False when the site is switched off. */
  enabled: boolean;
  article: ArticleSummary | null;
  entities: EntityOnPage[];
  /** How long reading the page took (for benchmarks and curious readers). */
  timings: ReaderTimings | null;
  /** The page's canonical link, if it has one (with `url`, its identity). */
  canonical: string | null;
  /** The reader's annotations on this page, in reading order; orphans (not found in the page as it is) last. */
  annotations: { row: AnnotationRow; orphan: boolean }[];
  /**
   * Names Rasid does not know yet, grouped by folded spelling, in order of first appearance (empty
   * when suggestions are off). Optional: added by the session around the tab's handlers.
   */
  suggestions?: SuggestedName[];
}
