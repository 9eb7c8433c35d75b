/**
 * Change signals, coalesced (issue #17): a team's first sync writes tens of thousands of documents in
 * batches, and telling every tab after each batch would make each one reload its annotations or
 * re-read its page hundreds of times. The first change of a burst is told at once; what follows within
 * `windowMs` is told once, at the window's end, each topic once.
 */
export function coalesceChanges<T>(tell: (what: T) => void, windowMs: number): (what: T) => void {
  let pending = new Set<T>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    const told = pending;
    pending = new Set();
    if (!told.size) {
      timer = undefined;
      return;
    }
    for (const what of told) tell(what);
    // Told: the next changes wait for another window.
    timer = setTimeout(flush, windowMs);
  };
  return (what) => {
    if (timer) return void pending.add(what);
    tell(what);
    timer = setTimeout(flush, windowMs);
  };
}
