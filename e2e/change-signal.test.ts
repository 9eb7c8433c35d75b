import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { serveFolder, type FixtureServer } from './support/fixture-server.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { launchFirefox } from './support/launch-firefox.ts';
import { PAGES } from './support/paths.ts';
import type { TestBrowser } from './support/test-browser.ts';

// Issue #11: the background is the only writer, and one change signal reaches every open page.
for (const launch of [launchChromium, launchFirefox]) {
  describe(`${launch.name.replace('launch', '')}: one route to the data`, () => {
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

    it('shows in an open dashboard, without a reload, what the background records from a page read meanwhile', async () => {
      const dashboard = await browser.newPage(`${browser.extensionOrigin}/dashboard.html`);
      await dashboard.waitFor(() => !!document.querySelector('main.dashboard'), null);
      assert.equal(await dashboard.evaluate(() => document.querySelectorAll('tr[data-entity]').length), 0);
      // Marks the document: a reload would lose the mark.
      await dashboard.evaluate(() => void document.documentElement.setAttribute('data-kept', 'yes'));
      const page = await browser.newPage(`${server.origin}/baladi-isis-south-syria/`);
      await dashboard.waitFor(() => !!document.querySelector('tr[data-entity=isis]'), null);
      assert.equal(await dashboard.evaluate(() => document.documentElement.getAttribute('data-kept')), 'yes');
      await page.close();
    });
  });
}
