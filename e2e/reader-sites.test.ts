import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { finishedReaderState } from '../bench/page/extension-timings.ts';
import type { ReaderState } from '../lib/model/page.ts';
import type { Result } from '../lib/model/result.ts';
import { tabIdOf } from './support/extension.ts';
import { serveFolder, type FixtureServer } from './support/fixture-server.ts';
import { ARABIC_PAGES } from './support/fixtures.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { launchFirefox } from './support/launch-firefox.ts';
import { PAGES } from './support/paths.ts';
import type { TestBrowser, TestPage } from './support/test-browser.ts';

// Issue #16: on a site where a page was read as Arabic, the reader starts by itself on the next pages
// (a registered content script at document_end, lib/background/reader-sites.ts) instead of waiting for
// the loader's round trip through the background; the list of such sites follows the reader's history.

type Api = {
  runtime: { sendMessage(m: unknown): Promise<Result<unknown>> };
  tabs: { sendMessage(id: number, m: unknown): Promise<unknown> };
  scripting: { getRegisteredContentScripts(filter: object): Promise<{ id: string; matches?: string[] }[]> };
};

/** The patterns of the reader's registration, as the browser keeps them. */
const registered = (panel: TestPage) =>
  panel.evaluate(async () => {
    const api = (globalThis as unknown as { browser: Api }).browser;
    const scripts = await api.scripting.getRegisteredContentScripts({ ids: ['rasid-reader'] });
    return scripts[0]?.matches ?? [];
  });

/** Polls the registration until `test` holds. */
async function waitForPatterns(panel: TestPage, test: (patterns: string[]) => boolean): Promise<string[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const patterns = await registered(panel);
    if (test(patterns)) return patterns;
    if (Date.now() > deadline) throw new Error(`the reader's sites stayed ${JSON.stringify(patterns)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** A message to the background, from an extension page. */
const ask = (panel: TestPage, type: string, payload: unknown) =>
  panel.evaluate(
    async ({ type, payload }) => {
      const api = (globalThis as unknown as { browser: Api }).browser;
      const reply = await api.runtime.sendMessage({ type, payload });
      if (!reply.ok) throw new Error(reply.error);
    },
    { type, payload },
  );

/** In the page: how many ranges Rasid's highlights of known names hold (suggestions come later). */
const rangesPainted = () =>
  ['rasid-actor', 'rasid-place'].reduce((n, name) => n + (CSS.highlights.get(name)?.size ?? 0), 0);

/** How the reader of the tab showing `page` started, once its first read is over. */
async function readIn(panel: TestPage, page: TestPage): Promise<ReaderState> {
  return finishedReaderState(panel, await tabIdOf(panel, page.url()), 30_000);
}

for (const launch of [launchChromium, launchFirefox]) {
  describe(`${launch.name.replace('launch', '')}: the sites the reader starts on by itself`, () => {
    let server: FixtureServer;
    let browser: TestBrowser;
    let panel: TestPage;
    const arabic = (n: number, query: string) => `${server.origin}/${ARABIC_PAGES[n]}/?${query}`;

    before(async () => {
      server = await serveFolder(PAGES);
      browser = await launch();
      panel = await browser.newPage(`${browser.extensionOrigin}/sidepanel.html`);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it('starts by itself on the next page of a site where a page was read as Arabic', async () => {
      assert.deepEqual(await registered(panel), []);
      const first = await browser.newPage(arabic(0, 'first'));
      const before = await readIn(panel, first);
      assert.equal(before.timings?.byItself, false, 'the first page is the loader’s');
      const firstRanges = await first.evaluate(rangesPainted);
      assert.ok(firstRanges > 0);
      await waitForPatterns(panel, (p) => p.includes('*://127.0.0.1/*'));
      await first.close();

      const next = await browser.newPage(arabic(0, 'next'));
      const state = await readIn(panel, next);
      assert.equal(state.timings?.byItself, true, 'the next page’s reader started by itself');
      assert.ok(state.timings!.knownPaintedAt! > 0, 'and painted the names');
      const names = (s: ReaderState) => s.entities.map((e) => `${e.id} ${e.count}`).sort();
      assert.deepEqual(names(state), names(before), 'the same names as the loader’s reader');
      assert.equal(await next.evaluate(rangesPainted), firstRanges, 'the same highlights');
      await next.close();
    });

    it('leaves a page of that site that is not Arabic as the loader would', async () => {
      const english = await browser.newPage(`${server.origin}/english-control/`);
      const tabId = await tabIdOf(panel, english.url());
      // Started by itself at document_end, the reader found no Arabic and stopped: nothing answers.
      await new Promise((r) => setTimeout(r, 1000));
      const reply = await panel.evaluate(async (id) => {
        const api = (globalThis as unknown as { browser: Api }).browser;
        return (
          (await api.tabs.sendMessage(id, { type: 'reader/state', payload: {} }).catch(() => null)) ?? null
        );
      }, tabId);
      assert.equal(reply, null);
      await english.close();
    });

    it('does not on another site, and forgets a site with its history', async () => {
      const other = `http://localhost:${new URL(server.origin).port}/${ARABIC_PAGES[1]}/`;
      const page = await browser.newPage(other);
      assert.equal((await readIn(panel, page)).timings?.byItself, false);
      await waitForPatterns(panel, (p) => p.includes('*://localhost/*'));
      await page.close();

      await ask(panel, 'history/forget', { scope: 'site', site: new URL(server.origin).host });
      assert.deepEqual(await waitForPatterns(panel, (p) => !p.includes('*://127.0.0.1/*')), [
        '*://localhost/*',
      ]);
      const again = await browser.newPage(arabic(0, 'forgotten'));
      assert.equal((await readIn(panel, again)).timings?.byItself, false, 'the loader’s again');
      await again.close();
    });

    it('keeps no site while the reader keeps no history', async () => {
      await waitForPatterns(panel, (p) => p.includes('*://127.0.0.1/*'));
      await ask(panel, 'settings/set', { site: '', patch: { history: false } });
      await waitForPatterns(panel, (p) => p.length === 0);
      const page = await browser.newPage(arabic(1, 'no-history'));
      assert.equal((await readIn(panel, page)).timings?.byItself, false);
      await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual(await registered(panel), [], 'nothing added while history is off');
      await page.close();
      await ask(panel, 'settings/set', { site: '', patch: { history: true } });
    });

    it('logs no errors on pages and extension pages', () => {
      assert.deepEqual(browser.errors, []);
    });
  });
}
