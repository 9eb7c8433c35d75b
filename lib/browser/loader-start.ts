/**
 * What the loader (`entrypoints/loader`) leaves for the reader it brings in: both run in the same
 * isolated world, which the page cannot read. The time it started, on the page's clock, which the
 * reader reports in its timings (`npm run bench:page`, issue #16: from the script's start to the
 * names painted); and the background's answer to its `reader/load`, which holds what the reader's
 * first reading waits for (the site's settings, read while the reader was injected).
 */
const LOADER_STARTED = Symbol.for('rasid.loader-started');
/** Set once a reader runs in this world: a second injection, or the loader after it, stops at once. */
const RUNNING = Symbol.for('rasid.reader');
const READER_START = Symbol.for('rasid.reader-start');

type World = { [LOADER_STARTED]?: number; [READER_START]?: Promise<unknown>; [RUNNING]?: boolean };

export const readerRunning = (): boolean => (globalThis as World)[RUNNING] === true;

export const setReaderRunning = (running: boolean): void => {
  (globalThis as World)[RUNNING] = running;
};

/** When the loader started, or the reader did where it starts by itself (`at`). */
export const markLoaderStart = (at = performance.now()): void => {
  (globalThis as World)[LOADER_STARTED] = at;
};

export const loaderStartedAt = (): number | undefined => (globalThis as World)[LOADER_STARTED];

/** The loader's side: the reply to its `reader/load`. */
export const leaveReaderStart = (reply: Promise<unknown>): void => {
  (globalThis as World)[READER_START] = reply;
};

/** The reader's side, once: a reader started again in this world (an extension reload) asks itself. */
export const takeReaderStart = (): Promise<unknown> | undefined => {
  const world = globalThis as World;
  const reply = world[READER_START];
  world[READER_START] = undefined;
  return reply;
};
