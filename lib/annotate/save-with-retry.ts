import type { Clock } from '../clock.ts';
import { err, type Result } from '../model/result.ts';

export interface RetryOptions {
  clock: Clock;
  /** Gives up (quietly) once aborted: the page was left, the extension reloaded. */
  signal: AbortSignal;
  /** Each failure, as it happens: the toolbar shows it and stays open. */
  onError(error: string): void;
  /** Tries after the first: 5, waiting 1, 2, 4, 8 and 16 s. */
  retries?: number;
  firstDelayMs?: number;
}

/**
 * Tries a write (or a question that must be answered) until it succeeds: a failed one (a full disk, a
 * background restarting) is reported
 * and tried again with doubling delays, never silently dropped. Resolves with the write's reply once
 * it succeeded, or with the last error once it gave up (or `aborted`).
 */
export async function saveWithRetry<T>(
  write: () => Promise<Result<T>>,
  { clock, signal, onError, retries = 5, firstDelayMs = 1000 }: RetryOptions,
): Promise<Result<T>> {
  for (let attempt = 0; !signal.aborted; attempt++) {
    const reply = await write();
    if (reply.ok || signal.aborted) return reply;
    onError(reply.error);
    if (attempt >= retries) return reply;
    await sleep(clock, firstDelayMs * 2 ** attempt, signal);
  }
  return err('aborted');
}

/** Waits `ms` on the clock; ends early when `signal` aborts. */
function sleep(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      cancel();
      signal.removeEventListener('abort', done);
      resolve();
    };
    const cancel = clock.setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}
