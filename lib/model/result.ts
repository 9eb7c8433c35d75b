/**
 * Replies that cross a context boundary (content script ⇄ background ⇄ extension page) are data,
 * not thrown errors: an exception does not survive structured cloning with its meaning intact.
 */
export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E = string>(error: E): Result<never, E> => ({ ok: false, error });

/** The message of anything thrown, for a `Result` error. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
