import { browser } from 'wxt/browser';
import { saveWithRetry } from '../annotate/save-with-retry.ts';
import { systemClock } from '../clock.ts';
import { err, errorMessage } from '../model/result.ts';
import type {
  MessageType,
  Notification,
  Reply,
  Request,
  TabMessageType,
  TabProtocol,
} from '../messages/protocol.ts';
import type { Result } from '../model/result.ts';

/**
 * Sends one protocol message to the background and returns its reply. Never throws: a background
 * that is gone (extension reloaded, service worker starting) comes back as `{ ok: false }`.
 */
export async function sendMessage<K extends MessageType>(type: K, payload: Request<K>): Promise<Reply<K>> {
  try {
    const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<K> | undefined;
    return reply ?? err(`no reply to ${type}`);
  } catch (e) {
    return err(errorMessage(e));
  }
}

/**
 * Asks the background a question, and again when it is not answered (a background still starting, an
 * MV3 service worker woken by this very message): up to five times over about four seconds. For
 * questions a page asks once and keeps the answer of; asking twice must do no harm.
 */
export const askBackground = <K extends MessageType>(type: K, payload: Request<K>): Promise<Reply<K>> =>
  saveWithRetry(() => sendMessage(type, payload), {
    clock: systemClock,
    signal: new AbortController().signal,
    onError: () => undefined,
    retries: 4,
    firstDelayMs: 250,
  });

/**
 * Sends one message to the content script of a tab. Never throws: a tab without Rasid's reader (not
 * an Arabic page, a browser page, a page loaded before the extension) comes back as `{ ok: false }`.
 */
export async function sendToTab<K extends TabMessageType>(
  tabId: number,
  type: K,
  payload: TabProtocol[K]['request'],
): Promise<Result<TabProtocol[K]['response']>> {
  try {
    const reply = (await browser.tabs.sendMessage(tabId, { type, payload })) as
      Result<TabProtocol[K]['response']> | undefined;
    return reply ?? err(`no reply to ${type}`);
  } catch (e) {
    return err(errorMessage(e));
  }
}

/** Sends one message to the content script of every tab (those without Rasid's reader ignore it). */
export async function sendToAllTabs<K extends TabMessageType>(
  type: K,
  payload: TabProtocol[K]['request'],
): Promise<void> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? null : sendToTab(tab.id, type, payload))));
}

/** Tells Rasid's open extension pages something (the change signal). Nobody listening is normal. */
export function notifyPages(notification: Notification): void {
  void browser.runtime.sendMessage(notification).catch(() => undefined);
}
