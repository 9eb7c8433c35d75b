import type { TestPage } from '../e2e/support/test-browser.ts';

/**
 * What the history and notebook benches share: a database shaped as Rasid's version 4, seeded with
 * raw IndexedDB before the background first opens it (the background then upgrades it, as in a
 * reader's profile), and messages timed from an extension page, as the views send them.
 */

export interface StoreShape {
  keyPath: string | string[];
  indexes: Record<string, string | string[]>;
}

/** Rasid's object stores at version 4 (Dexie numbers it 40: `indexedDB.open('rasid', 40)`). */
export const VERSION_4_STORES: Record<string, StoreShape> = {
  pages: { keyPath: 'url', indexes: { site: 'site', lastVisit: 'lastVisit' } },
  settings: { keyPath: 'key', indexes: {} },
  annotations: { keyPath: 'id', indexes: { page: 'page', modified: 'modified' } },
  entities: { keyPath: 'id', indexes: {} },
  mentions: {
    keyPath: ['page', 'entity'],
    indexes: {
      entity: 'entity',
      page: 'page',
      site: 'site',
      '[entity+site]': ['entity', 'site'],
      '[entity+firstSeen]': ['entity', 'firstSeen'],
    },
  },
};

type Send = (m: unknown) => Promise<{ ok: boolean; value?: unknown; error?: string }>;

/** Sends `message` `runs` times in a row from the extension page `page`; the time of each reply, in ms. */
export function timesOf(page: TestPage, message: unknown, runs: number): Promise<number[]> {
  return page.evaluate(
    async ({ m, n }) => {
      const send = (globalThis as unknown as { browser: { runtime: { sendMessage: Send } } }).browser.runtime
        .sendMessage;
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        const reply = await send(m);
        if (!reply.ok) throw new Error(reply.error);
        out.push(performance.now() - t0);
      }
      return out;
    },
    { m: message, n: runs },
  );
}
