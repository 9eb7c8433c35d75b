import type { Clock } from '../clock.ts';

/**
 * Calls `onChange` when the page's address changes (a same-document navigation), polling it on the
 * clock. Rasid's own, in place of WXT's `wxt:locationchange`: that one is an event on the page's
 * `window`, which the page can dispatch too — 200 forged ones made 156 full re-reads (issue #12). A
 * forged event cannot change `location.href`.
 */
export function watchLocation(
  url: () => string,
  { clock, signal, everyMs = 1000 }: { clock: Clock; signal: AbortSignal; everyMs?: number },
  onChange: (url: string) => void,
): void {
  let last = url();
  let cancel = () => {};
  const check = () => {
    if (signal.aborted) return;
    const now = url();
    if (now !== last) {
      last = now;
      onChange(now);
    }
    cancel = clock.setTimeout(check, everyMs);
  };
  cancel = clock.setTimeout(check, everyMs);
  signal.addEventListener('abort', () => cancel(), { once: true });
}
