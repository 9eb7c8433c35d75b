import { browser } from 'wxt/browser';
import { err, errorMessage } from '../result.ts';
import type { MessageType, Reply, Request } from './protocol.ts';

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
