import type { Clock } from '../../lib/clock.ts';

/** A clock whose time moves only when a test says so: `tick(ms)` runs the timers that fall due. */
export class FakeClock implements Clock {
  #now = 0;
  #timers: { at: number; run: () => void; id: number }[] = [];
  #next = 0;

  now(): number {
    return this.#now;
  }

  setTimeout(run: () => void, ms: number): () => void {
    const id = this.#next++;
    this.#timers.push({ at: this.#now + ms, run, id });
    return () => {
      this.#timers = this.#timers.filter((t) => t.id !== id);
    };
  }

  /** Timers waiting to run, with when they fall due. */
  get pending(): readonly number[] {
    return this.#timers.map((t) => t.at - this.#now);
  }

  /** Moves time on by `ms`, running the timers due, in order. */
  tick(ms: number): void {
    const end = this.#now + ms;
    for (;;) {
      const due = this.#timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.#timers = this.#timers.filter((t) => t !== due);
      this.#now = due.at;
      due.run();
    }
    this.#now = end;
  }
}
