/**
 * The shipped lexicon's file (`/lexicon.json`, lib/lexicon/shipped-lexicon.ts), fetched by the loader
 * the moment it finds a page Arabic, while the background injects the reader: by the time the reader
 * runs, the file is read and parsed (issue #16). Both scripts run in the same isolated world, which the
 * page cannot read; the hand-over is a promise left there. No polyfill here: the loader stays small.
 */
export const SHIPPED_LEXICON_PATH = '/lexicon.json';

const PREFETCHED = Symbol.for('rasid.shipped-lexicon');
type World = { [PREFETCHED]?: Promise<unknown> };

const fetchJson = async (url: string): Promise<unknown> => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${SHIPPED_LEXICON_PATH}: ${response.status}`);
  return response.json();
};

/** The loader's side: starts the fetch, leaves its promise for the reader. */
export function prefetchShippedLexicon(getURL: (path: string) => string): void {
  const world = globalThis as World;
  const pending = fetchJson(getURL(SHIPPED_LEXICON_PATH));
  // Awaited by the reader; until then a failure is not an unhandled rejection.
  pending.catch(() => undefined);
  world[PREFETCHED] = pending;
}

/** The reader's side: the loader's fetch, else (the reader injected some other way) a fetch of its own. */
export function shippedLexiconFile(getURL: (path: string) => string): Promise<unknown> {
  const world = globalThis as World;
  const pending = world[PREFETCHED] ?? fetchJson(getURL(SHIPPED_LEXICON_PATH));
  // A second start in this world (an extension reload) fetches afresh.
  world[PREFETCHED] = undefined;
  return pending;
}
