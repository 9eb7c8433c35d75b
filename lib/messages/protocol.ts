import type { ArticleSummary } from '../model/article.ts';
import type { SpotAnswerJson, SpotAsked } from '../lexicon/spot-texts.ts';
import type { ArticleIndices } from '../dom/article-nodes.ts';
import type { SnapshotItem } from '../dom/page-snapshot.ts';
import type { AnnotationDraft, AnnotationRow } from '../model/annotation.ts';
import type { EntityDetail, RankedEntity, RankingFilters } from '../model/dashboard.ts';
import type { EntityHistory, MentionReport } from '../model/mention.ts';
import type { ReaderAliasRow, ReaderEntityRow, ReaderLexicon } from '../model/reader-entity.ts';
import type { ImportReport } from '../model/import-report.ts';
import type { PageRow } from '../model/page.ts';
import type { ReaderUi } from '../model/reader-ui.ts';
import type { Settings } from '../model/settings.ts';
import type { TeamConfig, TeamState } from '../model/team.ts';
import type { PanelData } from '../model/panel.ts';
import type { ReaderState } from '../model/page.ts';

export type { ReaderState };
import type { Result } from '../model/result.ts';
import type { EntityLabel, ExportFormat, ExportScope, FileToSave, ParsedItem } from '../model/exchange.ts';
import type { ParsedLexicon } from '../model/reader-entity.ts';
import type { Language } from '../i18n/i18n.ts';
import type { NotebookPage, NotebookQuery } from '../model/notebook.ts';
import type {
  NameCandidate,
  RecognisedName,
  SuggestionReport,
  TextToRecognise,
} from '../model/suggestion.ts';

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
      /**
       * The names Rasid does not know yet that the page names (issue 13), by folded spelling, with
       * counts and first sentences: recorded beside the mentions, so that candidates surface.
       */
      suggested?: SuggestionReport[];
    };
    response: PageRow;
  };
  /**
   * The loader (entrypoints/loader) → background, on an Arabic page only (issue #16): inject the reader
   * into the sender's tab. Every other page runs the few-KB loader and nothing else. Answered, without
   * waiting for the injection, with what the reader's first reading waits for — the sender's site's
   * settings and the spellings the reader dismissed — read while it is injected: the loader hands them
   * to the reader. On a site where a page was read as Arabic the reader then starts by itself
   * (`lib/background/reader-sites.ts`) and asks with `running`: the answer, nothing injected.
   */
  'reader/load': { request: { running?: true }; response: ReaderStart };
  /**
   * Content script → background (issue #16): Readability on a snapshot of the page (`lib/dom/
   * page-snapshot.ts`), off the page's main thread; the article's text nodes by index, null for none.
   */
  'article/extract': {
    /** `parts`: how many `article/part` messages carried the snapshot's first items. */
    request: { url: string; items: SnapshotItem[]; parts?: number };
    response: ArticleIndices | null;
  };
  /**
   * Content script → background (issue #16): a large snapshot's items, in order, before its
   * `article/extract` (each message a task of the page's: a megabyte at once took 40–60 ms). `first`
   * begins a new snapshot.
   */
  'article/part': { request: { url: string; items: SnapshotItem[]; first: boolean }; response: null };
  /** Extension page → background: what Rasid knows about the page in a tab (null: nothing, not Arabic). */
  'page/get': { request: { tabId: number }; response: TabPage | null };
  /** Content script or panel → background: the settings that apply on a site. */
  'settings/get': { request: { site: string }; response: Settings };
  /** Panel → background: changes settings (global ones, and whether this site is on). */
  'settings/set': { request: { site: string; patch: Partial<Settings> }; response: Settings };
  /** The annotations of the page at `url`, in reading order. */
  'annotation/list': { request: { url: string; canonical: string | null }; response: AnnotationRow[] };
  /**
   * Creates an annotation, or edits one, from a draft: the background sets its page (from `url` and
   * `canonical`), `created` and `modified`. An edit names the `modified` it started from (`base`): a save
   * over a newer version is refused with `stale`, and the tab shows the newer one (issue #12).
   */
  'annotation/save': {
    request: { draft: AnnotationDraft; url: string; canonical: string | null };
    response: { saved: AnnotationRow } | { stale: AnnotationRow };
  };
  /** Deletes an annotation and returns it (`annotation/restore` undoes it); null if there was none. */
  'annotation/delete': { request: { id: string }; response: AnnotationRow | null };
  /** Puts back an annotation deleted in this browser session (undo), as it was; null when it is gone. */
  'annotation/restore': { request: { id: string }; response: AnnotationRow | null };
  /** Makes an actor or place of the reader's own, to link annotations to. */
  'entity/create': { request: { name: string; type: ReaderEntityRow['type'] }; response: ReaderEntityRow };
  /** The reader's own entities. */
  'entity/list': { request: Record<string, never>; response: ReaderEntityRow[] };
  /** The reader's lexicon — their entities, spellings added and switched off — to merge over the bundled one. */
  'lexicon/get': { request: Record<string, never>; response: ReaderLexicon };
  /**
   * Content script → background: the lexicon's names in a page's texts (issue #16), read as
   * `spotTexts` reads them, with the bundled lexicon and the reader's and the team's names merged over
   * it, decoded and compiled once in the background (`spotAnswer`). The answer is its JSON text: Firefox
   * clones a reply's objects one by one across processes, and a megabyte's names came back 90–190 ms
   * after the background sent them as objects, 3–14 ms as one string (`npm run bench:page`, part 6).
   */
  'lexicon/spot': { request: SpotAsked; response: SpotAnswerJson };
  /** Adds a spelling to an entity (`add`) or switches a bundled one off (`off`); every tab re-highlights. */
  'lexicon/alias': { request: Pick<ReaderAliasRow, 'entity' | 'text' | 'action'>; response: ReaderAliasRow };
  /** Deletes one of the reader's spellings; every tab re-highlights. */
  'lexicon/delete-alias': { request: { id: string }; response: null };
  /**
   * Content script → background: undoes a spelling just added or switched off from the page (the undo
   * notice of “Not a name”, issue 15 §5) — only one made in the last `ALIAS_UNDO_MS`.
   */
  'lexicon/undo-alias': { request: { id: string }; response: null };
  /** Creates or edits one of the reader's entities (options page); every tab re-highlights. */
  'lexicon/save-entity': { request: { entity: ReaderEntityRow }; response: ReaderEntityRow };
  /** Deletes one of the reader's entities and its spellings; annotations keep their link. */
  'lexicon/delete-entity': { request: { id: string }; response: null };
  /**
   * Imports a lexicon file that the options page has read and checked whole (`parseReaderLexicon`):
   * the background checks each row again and reports per item.
   */
  'lexicon/import': { request: { file: ParsedLexicon }; response: ImportReport };
  /**
   * Builds an export (the panel: one page; the dashboard: what its filters select) and returns the file
   * for the page to offer through the save dialog.
   */
  'exchange/export': {
    request: { scope: ExportScope; format: ExportFormat; mentions: boolean; lang: Language };
    response: FileToSave;
  };
  /**
   * Writes one chunk of an annotation file that the page has read and checked whole
   * (`parseWebAnnotation`); large files come in chunks, so the store and the pages stay responsive.
   */
  'exchange/import': { request: { items: ParsedItem[]; entities: EntityLabel[] }; response: ImportReport };
  /**
   * Panel: what the background knows around the page a tab shows — its record, the site's settings,
   * the reader's entity names and what it remembers of the page's entities — in one answer.
   */
  'panel/state': {
    request: { tabId: number; url: string | null; canonical: string | null; entities: string[] };
    response: PanelData;
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
  'annotations/count': { request: Record<string, never>; response: { annotations: number } };
  /**
   * Content script → background: the names the lexicon does not know in stretches of the page's text
   * (issue 13's second tier). The background runs the recogniser — its model decoded once, its code
   * warm — so that a page pays only for a message, not for a cold recogniser on its own thread.
   */
  'names/suggest': { request: { chunks: TextToRecognise[] }; response: RecognisedName[][] };
  /** Content script → background: the folded spellings the reader said are not names (never suggested). */
  'names/dismissed': { request: Record<string, never>; response: string[] };
  /**
   * Panel or dashboard → background: a suggested name is not a name. Remembered by its folded spelling
   * (`key`); every tab reads its page again without it, and the dashboard drops it from its candidates.
   */
  'names/dismiss': { request: { key: string; text: string }; response: null };
  'names/undismiss': { request: { key: string }; response: null };
  /** Dashboard: names Rasid does not know that the reader met on two pages or more, ranked by pages and sites. */
  'dashboard/candidates': { request: Record<string, never>; response: NameCandidate[] };
  /** For each entity on a page: on how many other pages and sites it was seen, since when, and whether this site is new to it. */
  'entity/history': {
    request: { url: string; canonical: string | null; entities: string[] };
    response: EntityHistory[];
  };
  /**
   * Notebook (issue 14): one screen of the reader's annotations across pages, searched (folded as the
   * matcher folds) and filtered, with the number selected and the filters' choices.
   */
  'notebook/query': { request: NotebookQuery; response: NotebookPage };
  /** Notebook: renames a tag on every annotation (merging it into another of that name); how many changed. */
  'notebook/rename-tag': { request: { from: string; to: string }; response: { changed: number } };
  /**
   * Content script → background: where the page's annotations were found, and which were not
   * (orphans), after the tab anchored them; the notebook lists orphans across pages.
   */
  'annotation/anchors': {
    request: { url: string; canonical: string | null; found: string[]; orphans: string[] };
    response: null;
  };
  /** Options page (issue #17): the team — its address and the reader's name, how replication stands, conflicts. */
  'team/state': { request: Record<string, never>; response: TeamState };
  /** Options page: checks the address and credentials with the server, and joins; the state says what went wrong. */
  'team/join': { request: { config: TeamConfig }; response: TeamState };
  /** Options page: leaves the team; what came from it is forgotten, the reader's own work stays. */
  'team/leave': { request: Record<string, never>; response: TeamState };
  /** Options page: resolves a conflict by keeping one version (keep mine / keep theirs). */
  'team/resolve': { request: { id: string; rev: string }; response: TeamState };
  /**
   * Content script (issue #17): is the reader in a team? One bit, so that a name's card makes room for
   * the team's line; what the team read is shown by an extension frame in the card
   * (`entrypoints/card-team`), never put in the page.
   */
  'team/joined': { request: Record<string, never>; response: boolean };
}

/**
 * The browser commands that act on the page (issue 15): declared in the manifest (`wxt.config.ts`),
 * remappable in the browser's shortcut settings, forwarded by the background to the active tab. The
 * command that opens the panel is the browser's own (`_execute_action`, `_execute_sidebar_action`).
 */
export const READER_COMMANDS = ['annotate-selection', 'next-mention', 'previous-mention'] as const;
export type ReaderCommand = (typeof READER_COMMANDS)[number];

/**
 * Messages to the content script of one tab (`tabs.sendMessage`), from the panel.
 * Handlers: `lib/session/tab-handlers.ts`.
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
  /**
   * Background → content script: a browser command (a keyboard shortcut) for this tab. True when it
   * did something (a selection to annotate, a name at the caret to step from).
   */
  'reader/command': { request: { command: ReaderCommand }; response: boolean };
  /**
   * Extension pages only: what Rasid's in-page UI (card or toolbar) shows, with its controls' boxes in
   * the tab's viewport. The UI lives in closed shadow roots the page cannot read (issue #12); this is
   * how Rasid's own pages — the panel, the browser tests, which then click with a real mouse — see it
   * without opening it to the page. The content script answers it only when the sender's address is
   * one of Rasid's pages.
   */
  'reader/ui': { request: Record<string, never>; response: ReaderUi };
}

/** What changed, for the pages that show it. */
export type ChangeTopic = 'pages' | 'annotations' | 'history' | 'lexicon' | 'settings' | 'reader' | 'team';

/**
 * Background or content script → extension pages: the one change signal. No reply. Pages re-read what
 * they show when a topic they show is named (coalesced: one re-render per burst of changes).
 */
export interface Notifications {
  /** `tabId`: the tab whose page or reader changed, when the change is about one tab. */
  changed: { topics: ChangeTopic[]; tabId?: number | undefined };
}

/** What the panel shows for a tab. */
export interface TabPage {
  tabId: number;
  page: PageRow;
}

export type MessageOf<P extends ProtocolMap<P>> = {
  [K in keyof P & string]: { type: K; payload: P[K]['request'] };
}[keyof P & string];
/**
 * Who sent a message, as the browser says (never as the message says): a content script speaks for one
 * tab and the page it shows; an extension page (panel, dashboard, options) speaks for the reader.
 */
export type Sender =
  | { kind: 'content'; tabId: number; url: string }
  | { kind: 'extension'; tabId?: undefined; url?: string | undefined };
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

/** What a page's first reading waits for (`reader/load`'s answer): `site`, the site they are for. */
export interface ReaderStart {
  site: string;
  settings: Settings;
  dismissed: string[];
}

// Records keyed by every message type: a message added to a protocol and forgotten here does not compile.
const MESSAGE_TYPES: Record<MessageType, true> = {
  'page/report': true,
  'page/get': true,
  'reader/load': true,
  'article/extract': true,
  'article/part': true,
  'settings/get': true,
  'settings/set': true,
  'annotation/list': true,
  'annotation/save': true,
  'annotation/delete': true,
  'annotation/restore': true,
  'entity/create': true,
  'entity/list': true,
  'entity/history': true,
  'history/forget': true,
  'dashboard/ranking': true,
  'dashboard/entity': true,
  'dashboard/sites': true,
  'history/count': true,
  'annotations/count': true,
  'lexicon/get': true,
  'lexicon/spot': true,
  'lexicon/alias': true,
  'lexicon/delete-alias': true,
  'lexicon/undo-alias': true,
  'lexicon/save-entity': true,
  'lexicon/delete-entity': true,
  'lexicon/import': true,
  'exchange/export': true,
  'exchange/import': true,
  'panel/state': true,
  'names/suggest': true,
  'names/dismissed': true,
  'names/dismiss': true,
  'names/undismiss': true,
  'dashboard/candidates': true,
  'notebook/query': true,
  'notebook/rename-tag': true,
  'annotation/anchors': true,
  'team/state': true,
  'team/join': true,
  'team/leave': true,
  'team/resolve': true,
  'team/joined': true,
};
const TAB_MESSAGE_TYPES: Record<TabMessageType, true> = {
  'reader/state': true,
  'reader/reveal': true,
  'reader/hide': true,
  'reader/refresh': true,
  'annotations/refresh': true,
  'annotations/reveal': true,
  'annotations/annotate-selection': true,
  'reader/command': true,
  'lexicon/changed': true,
  'reader/ui': true,
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
