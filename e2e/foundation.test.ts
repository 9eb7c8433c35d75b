import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTranslator } from '../lib/i18n/i18n.ts';
import { pageKey } from '../lib/pages/page-key.ts';
import { openPanelFor, readPageRows, waitForPageRow } from './support/extension.ts';
import { serveFolder, type FixtureServer } from './support/fixture-server.ts';
import { ARABIC_PAGES, loadFixture } from './support/fixtures.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { launchFirefox } from './support/launch-firefox.ts';
import { PAGES } from './support/paths.ts';
import type { TestBrowser } from './support/test-browser.ts';

const en = createTranslator('en');

for (const launch of [launchChromium, launchFirefox]) {
  describe(`${launch.name.replace('launch', '')}: reading Arabic pages`, () => {
    let server: FixtureServer;
    let browser: TestBrowser;

    before(async () => {
      server = await serveFolder(PAGES);
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    for (const slug of ARABIC_PAGES) {
      it(`records ${slug} and shows its title and word count in the panel`, async () => {
        const { meta, articleWords } = loadFixture(slug);
        const page = await browser.newPage(`${server.origin}/${slug}/`);
        const panel = await openPanelFor(browser, page.url());

        await panel.waitFor(
          (title) => document.querySelector('#rasid-title')?.textContent === title,
          meta.title,
        );
        const row = await waitForPageRow(panel, page.url());
        assert.equal(row.title, meta.title);
        assert.equal(row.site, new URL(server.origin).host);
        if (meta.siteName) assert.equal(row.siteName, meta.siteName);
        // Readability's text and ours differ by a caption or a stray token at most.
        assert.ok(
          Math.abs(row.wordCount - articleWords) <= Math.max(5, articleWords * 0.05),
          `word count ${row.wordCount}, article has ${articleWords}`,
        );
        assert.equal(await panel.text('[data-testid=word-count]'), en.t('words', { n: row.wordCount }));
        await page.close();
        await panel.close();
      });
    }

    it('does nothing on an English page', async () => {
      const english = await browser.newPage(`${server.origin}/english-control/`);
      // An Arabic page opened after it: once its row exists, the English page's content script has long run.
      const arabic = await browser.newPage(`${server.origin}/${ARABIC_PAGES[0]}/?after-english`);
      const panel = await openPanelFor(browser, english.url());
      await waitForPageRow(panel, arabic.url());
      const rows = await readPageRows(panel);
      assert.equal(
        rows.find((r) => r.url === pageKey(english.url())),
        undefined,
      );
      await panel.waitFor(
        (text) => document.querySelector('[role=status]')?.textContent === text,
        en.t('noArticle'),
      );
      await Promise.all([english.close(), arabic.close(), panel.close()]);
    });

    it('counts a revisit on the same row', async () => {
      const url = `${server.origin}/${ARABIC_PAGES[1]}/`;
      const page = await browser.newPage(url);
      const panel = await browser.newPage(`${browser.extensionOrigin}/sidepanel.html`);
      const first = await waitForPageRow(panel, url);
      await page.goto(`${url}#comments-reload`);
      await page.goto(url);
      const deadline = Date.now() + 15_000;
      let row = first;
      while (row.visits <= first.visits && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 150));
        row = await waitForPageRow(panel, url);
      }
      assert.ok(row.visits > first.visits, `visits ${row.visits} after ${first.visits}`);
      assert.equal(row.firstVisit, first.firstVisit);
      assert.equal((await readPageRows(panel)).filter((r) => r.url === pageKey(url)).length, 1);
      await Promise.all([page.close(), panel.close()]);
    });

    it('logs no errors on pages and extension pages', () => {
      assert.deepEqual(browser.errors, []);
    });
  });
}
