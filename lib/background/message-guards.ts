import * as z from 'zod';
import { MAX_QUOTE_CHARS } from '../anchoring/quote-limits.ts';
import { ANNOTATION_COLORS } from '../model/annotation.ts';

/** Context kept on each side of a quote (the matcher reads 64 characters of it). */
const MAX_CONTEXT_CHARS = 1000;
import { READER_COMMANDS, type MessageType, type ReaderCommand, type Sender } from '../messages/protocol.ts';

/**
 * The background trusts no message (issue #12). Every message is checked twice before its handler
 * runs: its shape (below, one schema per message type) and its sender (`SENDERS`): a content script
 * speaks only for the page its tab shows; what concerns the reader's whole profile — import, forget,
 * settings, the lexicon page, the dashboard — comes only from Rasid's own extension pages.
 */

/** The longest note: a long memo, far below what would strain the store. */
export const MAX_NOTE_CHARS = 100_000;
const MAX_TAGS = 100;
const MAX_NAME_CHARS = 200;
const MAX_URL_CHARS = 8192;
const MAX_IDS = 5000;

const text = (max: number) => z.string().max(max);
const name = z.string().trim().min(1).max(MAX_NAME_CHARS);
const id = z.string().min(1).max(200);
const url = z
  .string()
  .max(MAX_URL_CHARS)
  .refine((value) => {
    try {
      return /^(?:https?|file):$/u.test(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'an http(s) or file address');
const canonical = z.string().max(MAX_URL_CHARS).nullable();
const empty = z.object({}).strict();
const entityType = z.enum(['actor', 'place']);

const quote = z
  .object({
    exact: text(MAX_QUOTE_CHARS).min(1),
    prefix: text(MAX_CONTEXT_CHARS),
    suffix: text(MAX_CONTEXT_CHARS),
  })
  .partial({ prefix: true, suffix: true });
const position = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((p) => p.end >= p.start, 'end before start');
const body = z.object({
  note: text(MAX_NOTE_CHARS),
  tags: z.array(text(MAX_NAME_CHARS)).max(MAX_TAGS),
  color: z.enum(ANNOTATION_COLORS),
  entity: id.optional(),
});
const annotationRow = z.object({
  id,
  page: url,
  target: z.object({ source: url, selector: z.object({ quote, position }) }),
  body,
  created: z.number(),
  modified: z.number(),
});
const readerEntity = z.object({
  id,
  type: entityType,
  name,
  subtype: z.string().max(50).optional(),
  en: text(MAX_NAME_CHARS).optional(),
  aliases: z.array(name).max(MAX_TAGS).optional(),
  created: z.number(),
  modified: z.number().optional(),
});
const readerAlias = z.object({
  id,
  entity: id,
  text: name,
  action: z.enum(['add', 'off']),
  created: z.number(),
});
const rejected = z.object({
  index: z.number(),
  id: z.string().nullable(),
  rejected: z.object({ code: z.string() }).loose(),
});
const lexiconItem = <T extends z.ZodType>(row: T) =>
  z.union([z.object({ index: z.number(), id: z.string().nullable(), row }), rejected]);
const entityLabel = z.object({
  id,
  type: entityType,
  subtype: z.string().max(50).optional(),
  ar: text(MAX_NAME_CHARS),
  en: text(MAX_NAME_CHARS),
});
const parsedItem = z.union([
  z.object({
    index: z.number(),
    id: z.string().nullable(),
    annotation: annotationRow,
    warnings: z.array(z.object({ code: z.literal('unknown-entity'), uri: z.string() })),
  }),
  rejected,
  z.object({ index: z.number(), id: z.string().nullable(), skipped: z.literal('mention') }),
]);
const article = z.object({
  title: text(2000),
  byline: text(2000).nullable(),
  siteName: text(2000).nullable(),
  publishedTime: text(100).nullable(),
  lang: text(50).nullable(),
  dir: text(10).nullable(),
  excerpt: text(5000).nullable(),
  wordCount: z.number().int().nonnegative(),
});
const settingsPatch = z
  .object({
    siteEnabled: z.boolean(),
    private: z.boolean(),
    shareWithTeam: z.boolean(),
    actors: z.boolean(),
    places: z.boolean(),
    wholePage: z.boolean(),
    history: z.boolean(),
    suggestions: z.boolean(),
    hoverCards: z.boolean(),
    colorNames: z
      .object(Object.fromEntries(ANNOTATION_COLORS.map((c) => [c, text(40)])))
      .partial()
      .strict(),
  })
  .partial()
  .strict();

/** The notebook's search and filters (issue 14), as its address says them. */
const notebookFilters = z
  .object({
    q: text(500),
    tag: text(MAX_NAME_CHARS),
    color: z.enum(ANNOTATION_COLORS),
    entity: id,
    site: text(500),
    from: z.number(),
    to: z.number(),
    orphans: z.boolean(),
    dates: z.enum(['published', 'read']),
  })
  .partial()
  .strict();
const notebookQuery = notebookFilters
  .extend({
    order: z.enum(['newest', 'page']),
    offset: z.number().int().nonnegative().max(1_000_000),
    limit: z.number().int().positive().max(200),
  })
  .partial()
  .strict();

/** One schema per message type: a message added to the protocol and forgotten here does not compile. */
export const REQUESTS: Record<MessageType, z.ZodType> = {
  'page/report': z.object({
    url,
    canonical,
    article,
    entities: z.number().int().nonnegative(),
    visit: z.boolean(),
    mentions: z
      .array(z.object({ entity: id, count: z.number().int().positive(), sentence: text(2000) }))
      .max(MAX_IDS),
    suggested: z
      .array(
        z.object({
          key: name,
          text: name,
          type: entityType,
          kind: z.enum(['person', 'place', 'organization']),
          count: z.number().int().positive(),
          sentence: text(2000),
        }),
      )
      .max(MAX_IDS)
      .optional(),
  }),
  'page/get': z.object({ tabId: z.number().int() }),
  // `running`: the reader started by itself (its site is registered), nothing to inject.
  'reader/load': z.object({ running: z.literal(true).optional() }).strict(),
  // The snapshot's own shape is checked by its handler, in one pass (snapshotProblem): a schema of
  // every item would cost more than Readability.
  'article/extract': z
    .object({
      url: text(10_000),
      items: z.array(z.unknown()),
      parts: z.number().int().min(1).max(1_000).optional(),
    })
    .strict(),
  'article/part': z.object({ url: text(10_000), items: z.array(z.unknown()), first: z.boolean() }).strict(),
  'settings/get': z.object({ site: text(500) }),
  'settings/set': z.object({ site: text(500), patch: settingsPatch }),
  'annotation/list': z.object({ url, canonical }),
  'annotation/save': z.object({
    draft: z.object({
      id: id.optional(),
      selector: z.object({ quote, position }),
      body,
      base: z.number().optional(),
      shared: z.boolean().optional(),
    }),
    url,
    canonical,
  }),
  'annotation/delete': z.object({ id }),
  'annotation/restore': z.object({ id }),
  'entity/create': z.object({ name, type: entityType }),
  'entity/list': empty,
  'lexicon/get': empty,
  'lexicon/alias': z.object({ entity: id, text: name, action: z.enum(['add', 'off']) }),
  'lexicon/delete-alias': z.object({ id }),
  'lexicon/undo-alias': z.object({ id }),
  'lexicon/save-entity': z.object({ entity: readerEntity }),
  'lexicon/delete-entity': z.object({ id }),
  'lexicon/import': z.object({
    file: z.object({
      entities: z.array(lexiconItem(readerEntity)),
      aliases: z.array(lexiconItem(readerAlias)),
    }),
  }),
  'exchange/export': z.object({
    scope: z.union([
      z.object({ page: url }),
      // Before the dashboard's (whose fields are all optional): a notebook scope is never read as one.
      z.object({ notebook: notebookFilters }).strict(),
      // Strict: a scope with anything else (a malformed notebook scope) must not pass as "everything".
      z
        .object({
          site: text(500).optional(),
          from: z.number().optional(),
          to: z.number().optional(),
          entity: id.optional(),
        })
        .strict(),
    ]),
    format: z.enum(['jsonld', 'csv', 'markdown']),
    mentions: z.boolean(),
    lang: z.enum(['ar', 'en']),
  }),
  'exchange/import': z.object({ items: z.array(parsedItem).max(50_000), entities: z.array(entityLabel) }),
  'panel/state': z.object({
    tabId: z.number().int(),
    url: url.nullable(),
    canonical,
    entities: z.array(id).max(MAX_IDS),
  }),
  'history/forget': z.union([
    z.object({ scope: z.literal('page'), url, canonical }),
    z.object({ scope: z.literal('site'), site: text(500) }),
    z.object({ scope: z.literal('all') }),
  ]),
  'dashboard/ranking': z
    .object({
      type: entityType.optional(),
      subtype: z.string().max(50).optional(),
      site: text(500).optional(),
      from: z.number().optional(),
      to: z.number().optional(),
      dates: z.enum(['published', 'read']).optional(),
      query: text(500).optional(),
    })
    .strict(),
  'dashboard/entity': z.object({ entity: id }),
  'dashboard/sites': empty,
  'history/count': z.object({ site: text(500).nullable() }),
  'annotations/count': z.object({}).strict(),
  'entity/history': z.object({ url, canonical, entities: z.array(id).max(MAX_IDS) }),
  'names/suggest': z.object({
    chunks: z
      .array(
        z.object({
          // A page's article is read in chunks of ~30,000 characters; a 5 MB page is far beyond news.
          text: text(200_000),
          known: z
            .array(z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }))
            .max(50_000),
        }),
      )
      .max(100),
  }),
  'lexicon/spot': z.object({
    // A page's article goes in messages of ~100,000 characters (`REMOTE_SPOT_CHARS`), in chunks of a
    // few thousand; a chunk is whole blocks, so one long paragraph may make one longer.
    texts: z
      .array(text(2_000_000))
      .max(1000)
      .refine(
        (texts) => texts.reduce((n, t) => n + t.length, 0) <= 2_000_000,
        'at most 2,000,000 characters',
      ),
    context: z.array(id).max(MAX_IDS),
    reading: z.enum(['page', 'in-order', 'apart']),
  }),
  'names/dismissed': empty,
  'names/dismiss': z.object({ key: name, text: name }),
  'names/undismiss': z.object({ key: name }),
  'dashboard/candidates': empty,
  'notebook/query': notebookQuery,
  'notebook/rename-tag': z.object({ from: text(MAX_NAME_CHARS).min(1), to: name }).strict(),
  'annotation/anchors': z.object({
    url,
    canonical,
    found: z.array(id).max(MAX_IDS),
    orphans: z.array(id).max(MAX_IDS),
  }),
  'team/state': empty,
  'team/join': z.object({
    config: z
      .object({
        url: text(2000).min(1),
        user: name,
        password: z.string().min(1).max(1000),
        name,
        shareAnnotations: z.boolean(),
        shareSightings: z.boolean(),
        shareNames: z.boolean().optional(),
      })
      .strict(),
  }),
  'team/leave': empty,
  'team/resolve': z.object({ id, rev: id }),
  'team/joined': empty,
};

/**
 * Who may send each message. `content`: a content script (for its own page) or an extension page;
 * `extension`: only Rasid's extension pages (panel, dashboard, options).
 */
export const SENDERS: Record<MessageType, 'content' | 'extension'> = {
  'page/report': 'content',
  // The loader asks for the reader on an Arabic page; it is injected into the sender's own tab only.
  'reader/load': 'content',
  // Readability for the sender's own page; nothing is stored.
  'article/extract': 'content',
  'article/part': 'content',
  'settings/get': 'content',
  'annotation/list': 'content',
  'annotation/save': 'content',
  'annotation/delete': 'content',
  'annotation/restore': 'content',
  // Made from the annotation toolbar (a trusted click: lib/session checks `isTrusted`).
  'entity/create': 'content',
  // Pages highlight the reader's own names; the lexicon is the reader's, not a page's, and only its
  // names reach the page's content script (isolated from the page's scripts).
  'lexicon/get': 'content',
  // The page's own text, spotted off its thread; nothing is stored.
  'lexicon/spot': 'content',
  // A spelling added or switched off from the card or the toolbar (trusted clicks only).
  'lexicon/alias': 'content',
  // Its undo, from the same notice, for a few minutes only (`ALIAS_UNDO_MS`).
  'lexicon/undo-alias': 'content',
  // A page's reader leaves out what the reader dismissed; the list is the reader's, like the lexicon.
  'names/dismissed': 'content',
  // The page's own text, recognised off its thread; nothing is stored.
  'names/suggest': 'content',
  // Where the tab found its own page's annotations; the handler records only those of its site.
  'annotation/anchors': 'content',
  'page/get': 'extension',
  'settings/set': 'extension',
  'entity/list': 'extension',
  'lexicon/delete-alias': 'extension',
  'lexicon/save-entity': 'extension',
  'lexicon/delete-entity': 'extension',
  'lexicon/import': 'extension',
  'exchange/export': 'extension',
  'exchange/import': 'extension',
  'panel/state': 'extension',
  'history/forget': 'extension',
  'dashboard/ranking': 'extension',
  'dashboard/entity': 'extension',
  'dashboard/sites': 'extension',
  'history/count': 'extension',
  'annotations/count': 'extension',
  // From the panel and the dashboard only (were the in-page card to offer it, it would need the
  // trusted-click rule of `lexicon/alias`).
  'names/dismiss': 'extension',
  'names/undismiss': 'extension',
  'dashboard/candidates': 'extension',
  // The reader's history is shown in the side panel only, never in the page (issue #12): a content
  // script has no use for it.
  'entity/history': 'extension',
  // The reader's whole notebook: Rasid's pages only, never a page's content script.
  'notebook/query': 'extension',
  'notebook/rename-tag': 'extension',
  // The team's address and the reader's password: the options page only, never a page.
  'team/state': 'extension',
  'team/join': 'extension',
  'team/leave': 'extension',
  'team/resolve': 'extension',
  // Whether the reader is in a team, and nothing of it: the card makes room for its frame (issue #17).
  'team/joined': 'content',
};

/** The origin of an address (`null` for file pages: each saved file is its own). */
function originOf(address: string): string {
  const u = new URL(address);
  return u.protocol === 'file:'
    ? `file:${u.pathname}`
    : `${u.protocol === 'http:' ? 'https:' : u.protocol}//${u.host}`;
}

/**
 * Is a content script, whose tab shows `sender.url`, speaking about an address of its own origin?
 * Page identity may fold http into https and drop `www.`: both sides are compared through the same
 * folding as the page's key.
 */
export function sameOrigin(sender: Sender, address: string): boolean {
  if (sender.kind === 'extension') return true;
  try {
    return originOf(sender.url) === originOf(address);
  } catch {
    return false;
  }
}

/**
 * A browser command's name as `commands.onCommand` gives it: one of the page's commands (issue 15), or
 * null for any other (the browser's own, which it handles itself).
 */
export function readerCommandOf(name: unknown): ReaderCommand | null {
  const parsed = z.enum(READER_COMMANDS).safeParse(name);
  return parsed.success ? parsed.data : null;
}

/** Checks a message before its handler runs: why it is refused, or null. */
export function refusal(type: MessageType, payload: unknown, sender: Sender): string | null {
  if (sender.kind === 'content' && SENDERS[type] !== 'content') return `${type} is not for content scripts`;
  const parsed = REQUESTS[type].safeParse(payload);
  if (!parsed.success) return `${type}: ${parsed.error.issues[0]?.path.join('.') || 'payload'} is not valid`;
  const fields = payload as { url?: unknown };
  if (typeof fields.url === 'string' && !sameOrigin(sender, fields.url))
    return `${type}: a content script speaks only for its own page`;
  return null;
}
