import { dispatch } from '../messages/dispatch.ts';
import { isMessage, type Sender } from '../messages/protocol.ts';
import { err, type Result } from '../model/result.ts';
import type { Handlers } from './handlers.ts';
import { refusal } from './message-guards.ts';

/** What the browser says of a message's sender (`runtime.MessageSender`), the fields Rasid reads. */
export interface BrowserSender {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined } | undefined;
  frameId?: number | undefined;
}

/**
 * Who sent a message, from what the browser says: another extension is nobody; a sender with a tab
 * whose address is not one of Rasid's pages is a content script, speaking for that address; the rest
 * are Rasid's extension pages (panel, dashboard, options).
 */
export function senderOf(sender: BrowserSender, extensionId: string, extensionOrigin: string): Sender | null {
  if (sender.id !== extensionId) return null;
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) return { kind: 'extension', url };
  if (sender.tab?.id === undefined || !url || sender.frameId !== 0) return null;
  return { kind: 'content', tabId: sender.tab.id, url };
}

/**
 * The background's `runtime.onMessage`: undefined for what is not one of its messages (another
 * listener may answer it), else the reply — a refusal as a `Result` error when the message's shape or
 * sender is wrong. Nothing is written for a refused message.
 */
export function handleMessage(
  handlers: Handlers,
  message: unknown,
  sender: Sender | null,
): Promise<Result<unknown>> | undefined {
  if (!isMessage(message)) return undefined;
  if (!sender) return Promise.resolve(err('unknown sender'));
  const refused = refusal(message.type, message.payload, sender);
  if (refused) return Promise.resolve(err(refused));
  return dispatch(handlers, message, sender);
}
