import type { PageRow } from '../../lib/model/page.ts';
import { pageKey } from '../../lib/pages/page-key.ts';
import type { TestBrowser, TestPage } from './test-browser.ts';

/** The id of the tab showing `url`, asked from an extension page. */
export async function tabIdOf(extensionPage: TestPage, url: string): Promise<number> {
  const id = await extensionPage.evaluate(async (target) => {
    // Runs in the extension page: Firefox has `browser`, Chromium both `browser` and `chrome`.
    type TabsApi = { tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> } };
    const api = (globalThis as unknown as { browser: TabsApi }).browser;
    const tabs = await api.tabs.query({});
    return tabs.find((t) => t.url === target)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Opens the side panel's page in a tab, pinned to the tab that shows `pageUrl`. */
export async function openPanelFor(browser: TestBrowser, pageUrl: string): Promise<TestPage> {
  const panel = await browser.newPage(`${browser.extensionOrigin}/sidepanel.html`);
  const tabId = await tabIdOf(panel, pageUrl);
  await panel.goto(`${browser.extensionOrigin}/sidepanel.html?tabId=${tabId}`);
  return panel;
}

/**
 * Every row of a table, read with the raw IndexedDB API from an extension page (the extension's
 * origin), independently of the code under test. Empty when the database or table does not exist yet.
 */
export function readStore<T>(extensionPage: TestPage, store: string): Promise<T[]> {
  return extensionPage.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('rasid');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) return void (db.close(), resolve([]));
          const all = db.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => (db.close(), resolve(all.result as T[]));
          all.onerror = () => (db.close(), reject(all.error));
        };
        // Never create the database from a test: let the background own its schema.
        open.onupgradeneeded = () => open.transaction?.abort();
      }),
    store,
  );
}

export const readPageRows = (extensionPage: TestPage) => readStore<PageRow>(extensionPage, 'pages');

/** Waits until the database has a row for `url`, and returns it. */
export async function waitForPageRow(
  extensionPage: TestPage,
  url: string,
  timeoutMs = 15_000,
): Promise<PageRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Rows are keyed by page identity, not by the address the page was loaded from.
    const row = (await readPageRows(extensionPage).catch(() => [])).find((r) => r.url === pageKey(url));
    if (row) return row;
    if (Date.now() > deadline) throw new Error(`no database row for ${url} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * Sets a field of one of Rasid's extension pages and fires the event Preact listens to (`input` for
 * text typed, `change` for a choice), in one turn. Extension pages are Rasid's own: no trusted input
 * is needed there, unlike the in-page UI (reader-ui.ts).
 */
export function setField(
  extensionPage: TestPage,
  selector: string,
  value: string,
  event: 'input' | 'change' = 'change',
): Promise<void> {
  return extensionPage.evaluate(
    ({ selector, value, event }) => {
      const field = document.querySelector(selector) as HTMLInputElement | HTMLSelectElement | null;
      if (!field) throw new Error(`no field ${selector}`);
      field.value = value;
      field.dispatchEvent(new Event(event, { bubbles: true }));
    },
    { selector, value, event },
  );
}

/** Clicks the first element matching `selector` on one of Rasid's extension pages. */
export const clickIn = (extensionPage: TestPage, selector: string): Promise<void> =>
  extensionPage.evaluate((s) => {
    const target = document.querySelector(s) as HTMLElement | null;
    if (!target) throw new Error(`nothing to click at ${s}`);
    target.click();
  }, selector);
