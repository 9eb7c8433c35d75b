import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openPanelFor, readPageRows, tabIdOf, waitForPageRow } from './support/extension.ts';
import { serveFolder, type FixtureServer } from './support/fixture-server.ts';
import { pointOfMention } from './support/highlights.ts';
import { readerAt } from './support/reader-ui.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { launchFirefox } from './support/launch-firefox.ts';
import { PAGES } from './support/paths.ts';
import { pageKey } from '../lib/pages/page-key.ts';
import type { TestBrowser, TestPage } from './support/test-browser.ts';

/** The panel's history badge for an entity: its flags and its full sentence (the badge's title). */
function historyOf(
  panel: TestPage,
  id: string,
): Promise<{ flag: string | null; text: string | null } | null> {
  return panel.evaluate((entity) => {
    const line = document.querySelector(`[data-entity="${entity}"] [data-testid=history]`);
    return line ? { flag: line.getAttribute('data-flag'), text: line.getAttribute('title') } : null;
  }, id);
}

for (const launch of [launchChromium, launchFirefox]) {
  describe(`${launch.name.replace('launch', '')}: recurring actors across sites`, () => {
    // Three local hosts are three sites (the port is part of a site).
    let hosts: FixtureServer[];
    let browser: TestBrowser;
    before(async () => {
      hosts = await Promise.all([serveFolder(PAGES), serveFolder(PAGES), serveFolder(PAGES)]);
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
      await Promise.all(hosts?.map((h) => h.close()) ?? []);
    });

    /** Reads a page on a host and waits until Rasid has recorded it. */
    async function read(host: FixtureServer, slug: string): Promise<TestPage> {
      const page = await browser.newPage(`${host.origin}/${slug}/`);
      const panel = await browser.newPage(`${browser.extensionOrigin}/sidepanel.html`);
      await waitForPageRow(panel, page.url());
      await panel.close();
      return page;
    }

    it('flags, on a third site, an actor seen on two others as recurring and new here, and gives none to one never seen', async () => {
      const [a, b, c] = hosts as [FixtureServer, FixtureServer, FixtureServer];
      await (await read(a, 'baladi-isis-south-syria')).close();
      await (await read(b, 'kitabat-isis-regroup-syria')).close();
      const page = await read(c, 'elnashra-deir-ezzor-suicide-bombers');
      const panel = await openPanelFor(browser, page.url());
      await panel.waitFor(() => !!document.querySelector('[data-entity=sdf] [data-testid=history]'), null);
      const sdf = await historyOf(panel, 'sdf');
      assert.equal(sdf?.flag, 'recurring new-on-site');
      assert.match(sdf?.text ?? '', /^Recurring, and new on this site: 2 other pages on 2 sites since /u);
      // Met for the first time: no badge (issue 15: on a first read every name would carry one).
      assert.equal(await historyOf(panel, 'ahmad-al-ramadan'), null);
      // The card, in the page, says nothing of it: the reader's history stays in the panel (issue #12).
      const isis = await historyOf(panel, 'isis');
      assert.equal(isis?.flag, 'recurring new-on-site');
      const point = await pointOfMention(page, 'داعش');
      assert.ok(point, 'a highlighted داعش outside links');
      await page.front();
      await page.click(point.x, point.y);
      const card = await readerAt(page, panel, await tabIdOf(panel, page.url())).waitForUi(
        (ui) => ui.surface === 'card',
      );
      assert.doesNotMatch(card.text, /other page|sites?\b|since|recurring/iu);
      await Promise.all([page.close(), panel.close()]);
    });

    it('shows in the dashboard an actor recurring across sites, with its pages, sites and first sighting; a spelling variant finds it', async () => {
      const dashboard = await browser.newPage(`${browser.extensionOrigin}/dashboard.html`);
      await dashboard.waitFor(() => !!document.querySelector('tr[data-entity=sdf]'), null);
      const row = await dashboard.evaluate(() => {
        const tr = document.querySelector('tr[data-entity=sdf]')!;
        const cell = (id: string) => tr.querySelector(`[data-testid=${id}]`)?.textContent;
        return { pages: cell('pages'), sites: cell('sites'), first: cell('first-seen') };
      });
      assert.deepEqual({ pages: row.pages, sites: row.sites }, { pages: '3', sites: '3' });
      assert.match(row.first ?? '', /\d{4}/u);
      // امريكا, without its hamza, finds أمريكا: the United States.
      await dashboard.evaluate(() => {
        const q = document.querySelector('input[name=q]') as HTMLInputElement;
        q.value = 'امريكا';
        q.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await dashboard.waitFor(
        () =>
          document.querySelectorAll('tbody tr').length === 1 &&
          !!document.querySelector('tr[data-entity=usa]'),
        null,
      );
      // One entity: where it appeared, with what, and when.
      await dashboard.evaluate(() => {
        const q = document.querySelector('input[name=q]') as HTMLInputElement;
        q.value = '';
        q.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await dashboard.waitFor(() => !!document.querySelector('tr[data-entity=sdf] button'), null);
      await dashboard.evaluate(() =>
        (document.querySelector('tr[data-entity=sdf] button') as HTMLButtonElement).click(),
      );
      await dashboard.waitFor(
        () => document.querySelectorAll('[data-testid=detail] .pages li').length === 3,
        null,
      );
      assert.ok(await dashboard.evaluate(() => !!document.querySelector('[data-testid=cooccurring] li')));
      assert.ok(await dashboard.evaluate(() => !!document.querySelector('[data-testid=timeline] li')));
      await dashboard.close();
    });

    it('flags an actor already seen on this site as recurring', async () => {
      const c = hosts[2]!;
      await (await read(c, 'marsad-west-collusion-isis')).close();
      const page = await browser.newPage(`${c.origin}/elnashra-deir-ezzor-suicide-bombers/`);
      const panel = await openPanelFor(browser, page.url());
      await panel.waitFor(() => !!document.querySelector('[data-entity=sdf] [data-testid=history]'), null);
      const sdf = await historyOf(panel, 'sdf');
      assert.equal(sdf?.flag, 'recurring');
      assert.match(sdf?.text ?? '', /^Recurring: 3 other pages on 3 sites since /u);
      await Promise.all([page.close(), panel.close()]);
    });

    it('forgets a site after a confirmation, and the counts follow', async () => {
      const c = hosts[2]!;
      const page = await browser.newPage(`${c.origin}/elnashra-deir-ezzor-suicide-bombers/`);
      const panel = await openPanelFor(browser, page.url());
      // The page is read (its names listed with their history) before the site is forgotten: a reading
      // still under way would record the page again after the forgetting.
      await panel.waitFor(() => !!document.querySelector('[data-entity=sdf] [data-testid=history]'), null);
      await panel.waitFor(() => !!document.querySelector('[data-forget=site]'), null);
      await panel.evaluate(() => (document.querySelector('[data-forget=site]') as HTMLButtonElement).click());
      await panel.waitFor(
        (text) => document.querySelector('[role=alertdialog] p')?.textContent === text,
        'Forget 2 pages from your history? Your annotations are kept.',
      );
      await panel.evaluate(() =>
        (document.querySelector('button.confirm-forget') as HTMLButtonElement).click(),
      );
      await panel.waitFor(
        () =>
          document.querySelector('[data-entity=sdf] [data-testid=history]')?.getAttribute('data-flag') ===
          'recurring new-on-site',
        null,
      );
      assert.match((await historyOf(panel, 'sdf'))?.text ?? '', /: 2 other pages on 2 sites since /u);
      assert.deepEqual(
        (await readPageRows(panel)).filter((r) => r.site === new URL(c.origin).host),
        [],
      );
      await Promise.all([page.close(), panel.close()]);
    });

    it('remembers nothing while history is off, though the panel still describes the page', async () => {
      const a = hosts[0]!;
      const setHistory = async (on: boolean) => {
        const panel = await browser.newPage(`${browser.extensionOrigin}/sidepanel.html`);
        await panel.evaluate(async (value) => {
          const { runtime } = (
            globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
          ).browser;
          await runtime.sendMessage({
            type: 'settings/set',
            payload: { site: 'any', patch: { history: value } },
          });
        }, on);
        await panel.close();
      };
      await setHistory(false);
      const page = await browser.newPage(`${a.origin}/marsad-west-collusion-isis/`);
      const panel = await openPanelFor(browser, page.url());
      // The visit line comes from the background's answer about the page: its report has been handled.
      await panel.waitFor(
        () =>
          !!document.querySelector('[data-entity=isis]') && !!document.querySelector('[data-testid=visits]'),
        null,
      );
      assert.equal(
        await panel.evaluate(
          () => (document.querySelector('input[name=history]') as HTMLInputElement).checked,
        ),
        false,
      );
      assert.deepEqual(
        (await readPageRows(panel)).filter((r) => r.url === pageKey(page.url())),
        [],
      );
      await setHistory(true);
      await Promise.all([page.close(), panel.close()]);
    });

    it('logs no errors on pages and extension pages', () => {
      assert.deepEqual(browser.errors, []);
    });
  });
}
