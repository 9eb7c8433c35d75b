import { createTranslator } from '../../lib/i18n/i18n.ts';
import { bundledLexicon, compiledBundledLexicon } from '../../lib/lexicon/bundled-lexicon.ts';
import type { MessageType, Reply, Request, Response } from '../../lib/messages/protocol.ts';
import { DEFAULT_SETTINGS } from '../../lib/model/settings.ts';
import { err, ok } from '../../lib/model/result.ts';
import type { Caret } from '../../lib/dom/caret.ts';
import type { SessionSeams } from '../../lib/session/seams.ts';
import type { CardView, Surface, ToolbarView } from '../../lib/session/views.ts';
import { FakeClock } from './fake-clock.ts';
import { readabilityIndices } from '../../lib/dom/article-nodes.ts';
import { buildSnapshot } from '../../lib/dom/page-snapshot.ts';
import { parseHtmlDocument } from '../../lib/dom/parse-html.ts';
import { RecordingPainter } from './recording-painter.ts';
import type { CompiledLexicon } from '../../lib/lexicon/compile-lexicon.ts';
import { spotAnswer } from '../../lib/lexicon/spot-texts.ts';
import type { ReaderLexicon } from '../../lib/model/reader-entity.ts';
import { compileReaderLexicon } from '../../lib/reader-lexicon/compile-reader-lexicon.ts';

/** A surface that keeps what it was asked to show, for the test to read and to act on. */
export class FakeSurface<P> implements Surface<P> {
  props: P | null = null;
  focused = false;
  shows = 0;
  removed = false;
  show(props: P, _anchor: DOMRect, focus: boolean): void {
    this.props = props;
    this.focused = focus;
    this.shows++;
  }
  hide(): void {
    this.props = null;
  }
  isOpen(): boolean {
    return this.props !== null;
  }
  contains(): boolean {
    return false;
  }
  describe() {
    return this.props === null ? null : { text: 'fake', controls: [] };
  }
  remove(): void {
    this.props = null;
    this.removed = true;
  }
}

/** How the fake background answers a message: a value, or an `Error` for a failed reply. */
export type FakeReplies = {
  [K in MessageType]?: (payload: Request<K>) => Response<K> | Error;
};

const DEFAULT_REPLIES: FakeReplies = {
  'settings/get': () => DEFAULT_SETTINGS,
  // Readability as the background runs it, on a document of its own built from the page's snapshot.
  'article/extract': ({ items }) => {
    const doc = parseHtmlDocument('<!doctype html><html><head></head><body></body></html>');
    return readabilityIndices(doc, buildSnapshot(doc, items));
  },
  'lexicon/get': () => ({ entities: [], aliases: [] }),
  'annotation/list': () => [],
  'entity/history': () => [],
  'page/report': ({ url, article }) => ({
    url,
    site: 'example.org',
    title: article.title,
    byline: null,
    siteName: null,
    publishedTime: null,
    lang: 'ar',
    wordCount: 0,
    firstVisit: 0,
    lastVisit: 0,
    visits: 1,
  }),
};

const BUNDLED = { entities: bundledLexicon.entities, compiled: compiledBundledLexicon };

/** The lexicon the fake background spots with, compiled again only when the reader's names change. */
let spotting: { key: string; lexicon: CompiledLexicon } | undefined;
function spottingLexicon(reader: ReaderLexicon): CompiledLexicon {
  const key = JSON.stringify(reader);
  if (spotting?.key !== key) spotting = { key, lexicon: compileReaderLexicon(reader, BUNDLED) };
  return spotting.lexicon;
}

/**
 * A reader session's seams, all fake: a background that answers from `replies` (and records every
 * message), a recording painter, a fake clock, surfaces that keep their props, and a caret that the
 * test places (`caret.at`), since happy-dom has no layout.
 */
export function fakeSeams(replies: FakeReplies = {}) {
  /** The page's address: a test changes `href` for a same-document navigation. */
  const location = { href: 'https://example.org/news/1' };
  const sent: { type: MessageType; payload: unknown }[] = [];
  const answers: FakeReplies = {
    ...DEFAULT_REPLIES,
    // Spotted as the background spots, with the reader's lexicon as this fake background answers it.
    'lexicon/spot': (asked) => {
      const reader = answers['lexicon/get']?.({}) ?? new Error('no lexicon');
      return reader instanceof Error ? reader : JSON.stringify(spotAnswer(spottingLexicon(reader), asked));
    },
    ...replies,
  };
  const send = async <K extends MessageType>(type: K, payload: Request<K>): Promise<Reply<K>> => {
    sent.push({ type, payload });
    const answer = answers[type] as ((p: Request<K>) => Response<K> | Error) | undefined;
    if (!answer) return err(`no fake reply to ${type}`);
    const value = answer(payload);
    return value instanceof Error ? err(value.message) : ok(value);
  };
  const painter = new RecordingPainter();
  const clock = new FakeClock();
  const card = new FakeSurface<CardView>();
  const toolbar = new FakeSurface<ToolbarView>();
  const controller = new AbortController();
  const caret: { at: Caret | null } = { at: null };
  const warnings: string[] = [];
  const notified = { count: 0 };
  const seams: SessionSeams = {
    doc: document,
    url: () => location.href,
    send,
    notifyPanel: () => void notified.count++,
    painter,
    clock,
    i18n: createTranslator('en'),
    card,
    toolbar,
    lexicon: () => BUNDLED,
    signal: controller.signal,
    yieldToPage: async () => undefined,
    hitTesting: {
      caretAt: () => caret.at,
      // Every point is inside every box: the caret alone decides.
      rectsOf: () => [{ left: -Infinity, right: Infinity, top: -Infinity, bottom: Infinity } as DOMRect],
    },
    warn: (message) => void warnings.push(message),
  };
  /** The messages of one type sent so far, their payloads. */
  const sentOf = <K extends MessageType>(type: K) =>
    sent.filter((m) => m.type === type).map((m) => m.payload as Request<K>);
  return {
    location,
    seams,
    sent,
    sentOf,
    answers,
    painter,
    clock,
    card,
    toolbar,
    controller,
    caret,
    warnings,
    notified,
  };
}
