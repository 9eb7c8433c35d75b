/**
 * The shipped lexicon's file (`/lexicon.json`, lib/lexicon/shipped-lexicon.ts), fetched by the loader
 * the moment it finds a page Arabic, while the background injects the reader: by the time the reader
 * runs, the file is read and parsed (issue #16). Both scripts run in the same isolated world, which the
 * page cannot read; the hand-over is a promise left there. No polyfill here: the loader stays small.
 */
export const SHIPPED_LEXICON_PATH = '/lexicon.json';

const PREFETCHED = Symbol.for('rasid.shipped-lexicon');
const PHASES = Symbol.for('rasid.shipped-lexicon-phases');
type World = { [PREFETCHED]?: Promise<unknown>; [PHASES]?: ShippedLexiconPhases };

/** When the file's fetch began, its response came, its body was read and parsed (the page's clock; bench:page). */
export interface ShippedLexiconPhases {
  lexiconFetchAt?: number;
  lexiconResponseAt?: number;
  lexiconTextAt?: number;
  lexiconParsedAt?: number;
}

const fetchJson = async (url: string): Promise<unknown> => {
  const phases: ShippedLexiconPhases = { lexiconFetchAt: performance.now() };
  (globalThis as World)[PHASES] = phases;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${SHIPPED_LEXICON_PATH}: ${response.status}`);
  phases.lexiconResponseAt = performance.now();
  const text = await response.text();
  phases.lexiconTextAt = performance.now();
  const parsed: unknown = JSON.parse(text);
  phases.lexiconParsedAt = performance.now();
  return parsed;
};

/** The phases of the last fetch of the file in this world. */
export const shippedLexiconPhases = (): ShippedLexiconPhases => (globalThis as World)[PHASES] ?? {};

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
