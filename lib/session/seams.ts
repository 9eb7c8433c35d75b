import type { Clock } from '../clock.ts';
import type { PageKey } from '../i18n/page-catalog.ts';
import type { Translator } from '../i18n/translator.ts';
import type { MessageType, Reply, Request } from '../messages/protocol.ts';
import type { HitTesting } from '../paint/page-highlights.ts';
import type { Painter } from '../paint/painter.ts';
import type { BundledLexicon } from '../reader-lexicon/compile-reader-lexicon.ts';
import type { CardView, Surface, ToolbarView } from './views.ts';

export type { Clock } from '../clock.ts';

/** Sends one message to the background and returns its reply, never throwing (`lib/browser/send-message.ts`). */
export type Send = <K extends MessageType>(type: K, payload: Request<K>) => Promise<Reply<K>>;

/**
 * Everything a reader session takes from the browser, injected: the content script passes the real
 * ones (`entrypoints/reader/index.ts`), tests pass fakes (`lib/session/testing.ts`).
 */
export interface SessionSeams {
  doc: Document;
  /** The page's address now: same-document navigations change it. */
  url(): string;
  send: Send;
  /** Tells the panel the reader's findings changed (the `changed` notification, topic `reader`). */
  notifyPanel(): void;
  /** The one painter of the page: every highlight goes through it. */
  painter: Painter;
  clock: Clock;
  /** The strings Rasid shows inside the page only (`page-catalog.ts`, issue #16). */
  i18n: Translator<PageKey>;
  card: Surface<CardView>;
  toolbar: Surface<ToolbarView>;
  /**
   * Fetches the bundled lexicon for the page's own copy (the toolbar's links; spotting if the background
   * fails): called once, when first needed, never for the reading (issue #16).
   */
  lexicon: () => BundledLexicon | Promise<BundledLexicon>;
  /**
   * The background's answer to the loader's `reader/load` (issue #16): the settings and dismissed
   * spellings read while the reader was injected, for the first reading (if for this page's site).
   */
  readerStart?: Promise<Reply<'reader/load'>> | undefined;
  /** Stops everything: listeners, observers, retries. Aborted by the content script's teardown. */
  signal: AbortSignal;
  /** Gives the page a turn between chunks of reading (the default: a macrotask). */
  yieldToPage?: () => Promise<void>;
  /** Caret and boxes under a point (the default: the browser's; happy-dom has no layout). */
  hitTesting?: Partial<HitTesting>;
  /**
   * Text, in characters, from which the article is found in the background (`REMOTE_EXTRACTION_CHARS`
   * by default; tests set 0 to take that road on a small page).
   */
  remoteExtractionChars?: number;
  /** Where problems nobody needs to act on are said (the page's console). */
  warn(message: string): void;
}
