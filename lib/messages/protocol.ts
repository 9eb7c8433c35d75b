import type { ArticleSummary } from '../article/extract-article.ts';
import type { PageRow } from '../db/schema.ts';
import type { Result } from '../result.ts';

/**
 * The one message protocol between Rasid's contexts. One entry per message: what is sent and what
 * comes back. Handlers live in the background (`lib/messages/handlers.ts`); everything else sends.
 */
export interface Protocol {
  /** Content script → background: the article found on an Arabic page. The page is recorded. */
  'page/report': { request: { url: string; article: ArticleSummary }; response: PageRow };
  /** Extension page → background: what Rasid knows about the page in a tab (null: nothing, not Arabic). */
  'page/get': { request: { tabId: number }; response: TabPage | null };
}

/** Background → extension pages: something they show has changed. No reply. */
export interface Notifications {
  /** The page in a tab was (re)recorded. */
  'page/changed': { tabId: number };
}

/** What the panel shows for a tab. */
export interface TabPage {
  tabId: number;
  page: PageRow;
}

export type MessageType = keyof Protocol;
export type Request<K extends MessageType> = Protocol[K]['request'];
export type Response<K extends MessageType> = Protocol[K]['response'];
export type Reply<K extends MessageType> = Result<Response<K>>;

/** A message on the wire. */
export type Message = { [K in MessageType]: { type: K; payload: Request<K> } }[MessageType];
export type Notification = {
  [K in keyof Notifications]: { type: K; payload: Notifications[K] };
}[keyof Notifications];

const MESSAGE_TYPES: readonly MessageType[] = ['page/report', 'page/get'];

/** Is this value one of our messages? Anything may arrive on `runtime.onMessage`. */
export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    MESSAGE_TYPES.includes((value as { type?: unknown }).type as MessageType) &&
    'payload' in value
  );
}
