import type { RasidDB } from '../db/schema.ts';
import { recordPage } from '../db/record-page.ts';
import { pageKey } from '../pages/page-key.ts';
import { err, errorMessage, ok } from '../result.ts';
import type { Message, MessageType, Notification, Reply, Request, Response } from './protocol.ts';

/** Who sent a message: a tab for content scripts, nothing for extension pages. */
export interface Sender {
  tabId?: number | undefined;
}

/** What the handlers need from the browser, injected so that tests run them on fake-indexeddb. */
export interface HandlerDeps {
  db: RasidDB;
  /** The URL of the page shown in a tab, if the extension may know it. */
  tabUrl(tabId: number): Promise<string | undefined>;
  now(): number;
  /** Tells open extension pages that something changed. Must not throw. */
  notify(notification: Notification): void;
}

export type Handlers = { [K in MessageType]: (payload: Request<K>, sender: Sender) => Promise<Response<K>> };

export function createHandlers({ db, tabUrl, now, notify }: HandlerDeps): Handlers {
  return {
    async 'page/report'({ url, article }, { tabId }) {
      const page = await recordPage(db, url, article, now());
      if (tabId !== undefined) notify({ type: 'page/changed', payload: { tabId } });
      return page;
    },

    // Stateless on purpose: an MV3 service worker may have been restarted since the report,
    // so the tab's current URL, not a map in memory, says which page it shows.
    async 'page/get'({ tabId }) {
      const url = await tabUrl(tabId);
      if (!url || !/^https?:/u.test(url)) return null;
      const page = await db.pages.get(pageKey(url));
      return page ? { tabId, page } : null;
    },
  };
}

/** Runs the handler for `message`; failures come back as `{ ok: false }`, never as a rejected promise. */
export async function dispatch(
  handlers: Handlers,
  message: Message,
  sender: Sender,
): Promise<Reply<MessageType>> {
  try {
    // The union of handlers cannot be called with the union of payloads without this narrowing cast;
    // `Message` pairs each type with its own payload, so the call is sound.
    const handler = handlers[message.type] as (
      payload: Message['payload'],
      sender: Sender,
    ) => Promise<unknown>;
    return ok((await handler(message.payload, sender)) as Response<MessageType>);
  } catch (e) {
    return err(errorMessage(e));
  }
}
