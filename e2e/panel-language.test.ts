import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTranslator } from '../lib/i18n/i18n.ts';
import { openPanelFor, waitForPageRow } from './support/extension.ts';
import { serveFolder, type FixtureServer } from './support/fixture-server.ts';
import { loadFixture } from './support/fixtures.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { launchFirefox } from './support/launch-firefox.ts';
import { PAGES } from './support/paths.ts';
import type { TestBrowser } from './support/test-browser.ts';

const ar = createTranslator('ar');
const SLUG = 'baladi-isis-south-syria';

for (const launch of [launchChromium, launchFirefox]) {
  describe(`${launch.name.replace('launch', '')} in Arabic: the panel follows the browser's language`, () => {
    let server: FixtureServer;
    let browser: TestBrowser;
    before(async () => {
      server = await serveFolder(PAGES);
      browser = await launch({ lang: 'ar' });
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it('is right-to-left and speaks Arabic', async () => {
      const { meta } = loadFixture(SLUG);
      const page = await browser.newPage(`${server.origin}/${SLUG}/`);
      const panel = await openPanelFor(browser, page.url());
      await panel.waitFor(
        (title) => document.querySelector('#rasid-title')?.textContent === title,
        meta.title,
      );
      const row = await waitForPageRow(panel, page.url());
      const root = await panel.evaluate(() => ({
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
        computed: getComputedStyle(document.body).direction,
      }));
      assert.deepEqual(root, { lang: 'ar', dir: 'rtl', computed: 'rtl' });
      assert.equal(await panel.text('h1'), ar.t('appName'));
      assert.equal(await panel.text('[data-testid=word-count]'), ar.t('words', { n: row.wordCount }));
      assert.deepEqual(browser.errors, []);
    });
  });
}
