import { err, errorMessage, ok, type Result } from '../model/result.ts';
import type { HandlersOf, MessageOf, ProtocolMap, Sender } from './protocol.ts';

// Apart from the background's handlers on purpose: the content script dispatches its own messages
// with this, and must not pull the database code (Dexie) into every page it runs on.
/**
 * Runs the handler for `message` (of either protocol); failures come back as `{ ok: false }`, never
 * as a rejected promise.
 */
export async function dispatch<P extends ProtocolMap<P>>(
  handlers: HandlersOf<P>,
  message: MessageOf<P>,
  sender: Sender,
): Promise<Result<unknown>> {
  try {
    // The union of handlers cannot be called with the union of payloads without this narrowing cast;
    // `MessageOf` pairs each type with its own payload, so the call is sound.
    const handler = handlers[message.type as keyof P] as (
      payload: unknown,
      sender: Sender,
    ) => Promise<unknown>;
    return ok(await handler(message.payload, sender));
  } catch (e) {
    return err(errorMessage(e));
  }
}
