/**
 * Where the loader (`entrypoints/loader`) leaves the time it started, on the page's clock, for the
 * reader it brings in: both run in the same isolated world, which the page cannot read. The reader
 * reports it in its timings (`npm run bench:page`, issue #16: from the script's start to the names
 * painted).
 */
const LOADER_STARTED = Symbol.for('rasid.loader-started');

type World = { [LOADER_STARTED]?: number };

export const markLoaderStart = (): void => {
  (globalThis as World)[LOADER_STARTED] = performance.now();
};

export const loaderStartedAt = (): number | undefined => (globalThis as World)[LOADER_STARTED];
