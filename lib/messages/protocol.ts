import type { ArticleSummary } from '../article/extract-article.ts';
import type { AnnotationRow } from '../db/annotation.ts';
import type { EntityDetail, RankedEntity, RankingFilters } from '../db/dashboard.ts';
import type { EntityHistory, MentionReport } from '../db/mention.ts';
import type { ReaderAliasRow, ReaderEntityRow, ReaderLexicon } from '../db/reader-entity.ts';
import type { ImportReport } from '../exchange/import-report.ts';
import type { FileProblem } from '../exchange/types.ts';
import type { PageRow } from '../db/schema.ts';
import type { Settings } from '../db/settings.ts';
import type { EntityOnPage, ReaderTimings } from '../reader/page-reader.ts';
import type { Result } from '../result.ts';

/** A protocol: one entry per message, with what is sent and what comes back. */
export type ProtocolMap<P> = { [K in keyof P]: { request: unknown; response: unknown } };

/**
 * Messages to the background (`runtime.sendMessage`), from content scripts and extension pages.
 * Handlers: `lib/messages/handlers.ts`.
 */
export interface Protocol {
  /**
   * Content script → background: the article found on an Arabic page and how many entities it names.
   * Records the page (a new visit, or an update within the same visit) and sets the badge.
   */
  'page/report': {
    request: {
      url: string;
      canonical: string | null;
      article: ArticleSummary;
      entities: number;
      visit: boolean;
      /** The entities the page names, with counts and first sentences: its part of the reader's history. */
      mentions: MentionReport[];
    };
    response: PageRow;
  };
  /** Extension page → background: what Rasid knows about the page in a tab (null: nothing, not Arabic). */
  'page/get': { request: { tabId: number }; response: TabPage | null };
  /** Content script or panel → background: the settings that apply on a site. */
  'settings/get': { request: { site: string }; response: Settings };
  /** Panel → background: changes settings (global ones, and whether this site is on). */
  'settings/set': { request: { site: string; patch: Partial<Settings> }; response: Settings };
  /** The annotations of the page at `url`, in reading order. */
  'annotation/list': { request: { url: string; canonical: string | null }; response: AnnotationRow[] };
  /** Creates or updates an annotation; `modified` is set here, `created` kept. */
  'annotation/save': {
    request: { annotation: AnnotationRow; canonical: string | null };
    response: AnnotationRow;
  };
  /** Deletes an annotation and returns it (saving it again undoes the deletion); null if there was none. */
  'annotation/delete': { request: { id: string }; response: AnnotationRow | null };
  /** Makes an actor or place of the reader's own, to link annotations to. */
  'entity/create': { request: { name: string; type: ReaderEntityRow['type'] }; response: ReaderEntityRow };
  /** The reader's own entities. */
  'entity/list': { request: Record<string, never>; response: ReaderEntityRow[] };
  /** The reader's lexicon — their entities, spellings added and switched off — to merge over the bundled one. */
  'lexicon/get': { request: Record<string, never>; response: ReaderLexicon };
  /** Adds a spelling to an entity (`add`) or switches a bundled one off (`off`); every tab re-highlights. */
  'lexicon/alias': { request: Pick<ReaderAliasRow, 'entity' | 'text' | 'action'>; response: ReaderAliasRow };
  /** Deletes one of the reader's spellings; every tab re-highlights. */
  'lexicon/delete-alias': { request: { id: string }; response: null };
  /** Creates or edits one of the reader's entities (options page); every tab re-highlights. */
  'lexicon/save-entity': { request: { entity: ReaderEntityRow }; response: ReaderEntityRow };
  /** Deletes one of the reader's entities and its spellings; annotations keep their link. */
  'lexicon/delete-entity': { request: { id: string }; response: null };
  /** Imports a lexicon file: checked whole first, then a report per item, or why the file was refused. */
  'lexicon/import': {
    request: { text: string };
    response: { ok: true; report: ImportReport } | { ok: false; problem: FileProblem };
  };
  /**
   * Forgets reading history — pages and what they named — for one page, one site or everything, and
   * says how many pages went. The reader's annotations are their own work and are kept.
   */
  'history/forget': {
    request:
      | { scope: 'page'; url: string; canonical: string | null }
      | { scope: 'site'; site: string }
      | { scope: 'all' };
    response: { pages: number };
  };
  /** Dashboard: entities ranked by pages, sites and recency, filtered. */
  'dashboard/ranking': { request: RankingFilters; response: RankedEntity[] };
  /** Dashboard: one entity's pages, sites, co-occurring entities and timeline. */
  'dashboard/entity': { request: { entity: string }; response: EntityDetail };
  /** Dashboard: the sites Rasid remembers, for the site filter. */
  'dashboard/sites': { request: Record<string, never>; response: string[] };
  /** How many pages Rasid remembers on a site, or in all (for the confirmation before forgetting them). */
  'history/count': { request: { site: string | null }; response: { pages: number } };
  /** For each entity on a page: on how many other pages and sites it was seen, since when, and whether this site is new to it. */
  'entity/history': {
    request: { url: string; canonical: string | null; entities: string[] };
    response: EntityHistory[];
  };
}

/**
 * Messages to the content script of one tab (`tabs.sendMessage`), from the panel.
 * Handlers: `entrypoints/reader.content/tab-handlers.ts`.
 */
export interface TabProtocol {
  /** What the reader found on the page. */
  'reader/state': { request: Record<string, never>; response: ReaderState };
  /** Scrolls to the entity's next (1) or previous (-1) mention and flashes it. False when it has none. */
  'reader/reveal': { request: { entityId: string; direction: 1 | -1 }; response: boolean };
  /** Hides (or shows again) one entity's highlights on this page. */
  'reader/hide': { request: { entityId: string; hidden: boolean }; response: null };
  /** Settings changed: the reader fetches them again and repaints (or reads the page, if it was off). */
  'reader/refresh': { request: Record<string, never>; response: null };
  /** The page's annotations changed elsewhere (the panel deleted or restored one): load and paint them again. */
  'annotations/refresh': { request: Record<string, never>; response: null };
  /** Scrolls to an annotation and flashes it. False when it is an orphan. */
  'annotations/reveal': { request: { id: string }; response: boolean };
  /** The reader's lexicon changed: fetch it again and re-highlight the page, without a reload. */
  'lexicon/changed': { request: Record<string, never>; response: null };
  /** Background (context menu) → content script: open the annotation toolbar for the selection. */
  'annotations/annotate-selection': { request: Record<string, never>; response: boolean };
}

/** Background or content script → extension pages: something they show has changed. No reply. */
export interface Notifications {
  /** The page in a tab was (re)recorded. */
  'page/changed': { tabId: number };
  /** The reader of the sending tab found new mentions or hid some. */
  'reader/changed': Record<string, never>;
  /** The annotations of a page changed. */
  'annotations/changed': { page: string };
  /** Reading history was forgotten. */
  'history/changed': Record<string, never>;
  /** The reader's lexicon changed. */
  'lexicon/changed': Record<string, never>;
}

/** What the panel shows for a tab. */
export interface TabPage {
  tabId: number;
  page: PageRow;
}

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
}

export type MessageOf<P extends ProtocolMap<P>> = {
  [K in keyof P & string]: { type: K; payload: P[K]['request'] };
}[keyof P & string];
/** Who sent a message: a tab for content scripts, nothing for extension pages. */
export interface Sender {
  tabId?: number | undefined;
}
export type HandlersOf<P extends ProtocolMap<P>> = {
  [K in keyof P]: (payload: P[K]['request'], sender: Sender) => Promise<P[K]['response']>;
};

export type MessageType = keyof Protocol & string;
export type Request<K extends MessageType> = Protocol[K]['request'];
export type Response<K extends MessageType> = Protocol[K]['response'];
export type Reply<K extends MessageType> = Result<Response<K>>;
export type Message = MessageOf<Protocol>;
export type TabMessageType = keyof TabProtocol & string;
export type TabMessage = MessageOf<TabProtocol>;
export type Notification = {
  [K in keyof Notifications]: { type: K; payload: Notifications[K] };
}[keyof Notifications];

// Records keyed by every message type: a message added to a protocol and forgotten here does not compile.
const MESSAGE_TYPES: Record<MessageType, true> = {
  'page/report': true,
  'page/get': true,
  'settings/get': true,
  'settings/set': true,
  'annotation/list': true,
  'annotation/save': true,
  'annotation/delete': true,
  'entity/create': true,
  'entity/list': true,
  'entity/history': true,
  'history/forget': true,
  'dashboard/ranking': true,
  'dashboard/entity': true,
  'dashboard/sites': true,
  'history/count': true,
  'lexicon/get': true,
  'lexicon/alias': true,
  'lexicon/delete-alias': true,
  'lexicon/save-entity': true,
  'lexicon/delete-entity': true,
  'lexicon/import': true,
};
const TAB_MESSAGE_TYPES: Record<TabMessageType, true> = {
  'reader/state': true,
  'reader/reveal': true,
  'reader/hide': true,
  'reader/refresh': true,
  'annotations/refresh': true,
  'annotations/reveal': true,
  'annotations/annotate-selection': true,
  'lexicon/changed': true,
};

const hasType = (types: Record<string, true>, value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  Object.hasOwn(types, (value as { type?: unknown }).type as string) &&
  'payload' in value;

/** Is this value one of the background's messages? Anything may arrive on `runtime.onMessage`. */
export const isMessage = (value: unknown): value is Message => hasType(MESSAGE_TYPES, value);
/** Is this value one of the content script's messages? */
export const isTabMessage = (value: unknown): value is TabMessage => hasType(TAB_MESSAGE_TYPES, value);
