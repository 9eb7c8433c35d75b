/**
 * Time, injected: the content script passes its context's timers (cleared when the extension goes
 * away), tests a fake they move by hand (`tests/support/fake-clock.ts`).
 */
export interface Clock {
  now(): number;
  /** Runs `run` after `ms`; returns a function that cancels it. */
  setTimeout(run: () => void, ms: number): () => void;
}

/** The page's own timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(run, ms) {
    const id = setTimeout(run, ms);
    return () => clearTimeout(id);
  },
};
