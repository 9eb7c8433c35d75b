import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AnnotationRow } from '../lib/model/annotation.ts';
import { clickIn, openPanelFor, readStore, tabIdOf } from './support/extension.ts';
import { serveFolder, type FixtureServer } from './support/fixture-server.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { launchFirefox } from './support/launch-firefox.ts';
import { PAGES } from './support/paths.ts';
import { readerAt, selectWithMouse } from './support/reader-ui.ts';
import type { TestBrowser, TestPage } from './support/test-browser.ts';

/**
 * The dashboard, navigable (issue 14): an entity opened has an address of its own and is shown in
 * view with the reader's annotations linked to it; Back returns to the ranking, at its address; the
 * ranking's columns sort, and the sort is in the address too. And the page's publication date, read
 * from the page, is what the timeline goes by unless the reader asks for reading dates.
 */

const PAGE = 'kitabat-isis-regroup-syria';
/** Names Russia and the United States: the toolbar offers the first as the annotation's link. */
const QUOTE = 'إتهمت روسيا والولايات المتحدة في الأشهر الأخيرة';
const NOTE = 'اتهام مشترك من موسكو وواشنطن';

/** The dashboard's address, decoded, and what it shows. */
const state = (dashboard: TestPage) =>
  dashboard.evaluate(() => ({
    hash: decodeURIComponent(location.hash),
    ranking: !!document.querySelector('[data-testid=ranking]'),
    detail: document.querySelector('[data-testid=detail] h2')?.id ?? null,
  }));

for (const launch of [launchChromium, launchFirefox]) {
  describe(`${launch.name.replace('launch', '')}: the dashboard, navigable`, () => {
    let server: FixtureServer;
    let browser: TestBrowser;
    let entity = '';
    before(async () => {
      server = await serveFolder(PAGES);
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it('opens an entity at its own address, in view, with the reader’s linked annotation; Back returns to the ranking', async () => {
      // An annotation on a page, linked (as the toolbar offers) to the entity its quote names.
      const page = await browser.newPage(`${server.origin}/${PAGE}/`);
      await page.waitFor(() => CSS.highlights.has('rasid-actor'), null, 60_000);
      const panel = await openPanelFor(browser, page.url());
      const reader = readerAt(page, panel, await tabIdOf(panel, page.url()));
      await selectWithMouse(page, QUOTE);
      await reader.click('add-note');
      await reader.fill('note', NOTE);
      await reader.click('color-green');
      await reader.click('save');
      await page.waitFor(() => (CSS.highlights.get('rasid-note-green')?.size ?? 0) > 0, null, 60_000);
      await panel.close();

      const dashboard = await browser.newPage(`${browser.extensionOrigin}/dashboard.html`);
      const [row] = await readStore<AnnotationRow>(dashboard, 'annotations');
      entity = row?.body.entity ?? '';
      assert.ok(entity, 'the annotation is linked to an entity');
      // A short window: the ranking fills it, and an entity's detail would be below it.
      await dashboard.setViewport(900, 500);
      await dashboard.waitFor(
        (id) => !!document.querySelector(`tr[data-entity="${id}"] button`),
        entity,
        60_000,
      );
      assert.deepEqual(await state(dashboard), { hash: '', ranking: true, detail: null });

      await clickIn(dashboard, `tr[data-entity="${entity}"] button`);
      await dashboard.waitFor(() => !!document.querySelector('[data-testid=detail] h2'), null, 30_000);
      assert.deepEqual(await state(dashboard), {
        hash: `#entity=${entity}`,
        ranking: false,
        detail: 'rasid-detail',
      });
      // In view, and focused: a keyboard or screen reader is where the reader looks.
      const shown = await dashboard.evaluate(() => {
        const h2 = document.querySelector('[data-testid=detail] h2')!;
        const box = h2.getBoundingClientRect();
        return {
          top: box.top,
          bottom: box.bottom,
          height: innerHeight,
          focused: document.activeElement === h2,
        };
      });
      assert.ok(
        shown.top >= 0 && shown.bottom <= shown.height,
        `the name is in view: ${JSON.stringify(shown)}`,
      );
      assert.ok(shown.focused, 'the name has the focus');
      // The linked annotation, its note and quote as text, and the page it opens.
      await dashboard.waitFor(
        (note) =>
          document.querySelector('[data-testid=linked-annotations] [data-testid=note]')?.textContent === note,
        NOTE,
        30_000,
      );
      const linked = await dashboard.evaluate(() => {
        const li = document.querySelector('[data-testid=linked-annotations] li')!;
        return {
          quote: li.querySelector('[data-testid=quote]')?.textContent,
          dir: li.querySelector('[data-testid=quote]')?.getAttribute('dir'),
          href: li.querySelector('a[data-testid=annotation-page]')?.getAttribute('href'),
        };
      });
      assert.deepEqual(linked, { quote: QUOTE, dir: 'auto', href: page.url() });
      // The page's publication date (29 January 2018, from its meta), kept apart from the reading date.
      const published = await dashboard.text('[data-testid=detail] .pages [data-testid=page-published]');
      assert.match(published ?? '', /2018/u);
      assert.match((await dashboard.text('[data-testid=timeline]')) ?? '', /2018-01/u);

      // Back: the ranking, at the ranking's address, the entity's row where the reader left it.
      await dashboard.evaluate(() => history.back());
      await dashboard.waitFor(
        () =>
          !document.querySelector('[data-testid=detail]') &&
          !!document.querySelector('[data-testid=ranking]'),
        null,
        30_000,
      );
      assert.deepEqual(await state(dashboard), { hash: '', ranking: true, detail: null });
      await dashboard.waitFor(
        (id) => document.activeElement?.closest('tr')?.getAttribute('data-entity') === id,
        entity,
        30_000,
      );
      // Forward: the entity again.
      await dashboard.evaluate(() => history.forward());
      await dashboard.waitFor(() => !!document.querySelector('[data-testid=detail] h2'), null, 30_000);
      assert.equal((await state(dashboard)).hash, `#entity=${entity}`);
      await Promise.all([page.close(), dashboard.close()]);
    });

    it('sorts the ranking by a column, saying so with aria-sort and in the address; reading dates on request', async () => {
      const dashboard = await browser.newPage(`${browser.extensionOrigin}/dashboard.html`);
      await dashboard.waitFor(() => document.querySelectorAll('tbody tr').length > 2, null, 60_000);
      const sortedBy = () =>
        dashboard.evaluate(() =>
          [...document.querySelectorAll('thead th[aria-sort]')].map((th) => [
            th.querySelector('button')?.getAttribute('data-sort'),
            th.getAttribute('aria-sort'),
          ]),
        );
      assert.deepEqual(await sortedBy(), [['pages', 'descending']]);
      await clickIn(dashboard, 'button[data-sort=name]');
      await dashboard.waitFor(() => location.hash === '#sort=name', null, 30_000);
      assert.deepEqual(await sortedBy(), [['name', 'ascending']]);
      const names = await dashboard.evaluate(() =>
        [...document.querySelectorAll('tbody th [lang=ar]')].map((s) => s.textContent ?? ''),
      );
      assert.deepEqual(
        names,
        [...names].sort(new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare),
      );
      await clickIn(dashboard, 'button[data-sort=name]');
      await dashboard.waitFor(() => location.hash === '#sort=name&dir=desc', null, 30_000);
      assert.deepEqual(await sortedBy(), [['name', 'descending']]);

      // Reading dates: the entity's timeline goes by the month the page was read, not 2018.
      await dashboard.goto(`${browser.extensionOrigin}/dashboard.html#entity=${entity}&dates=read`);
      await dashboard.waitFor(() => !!document.querySelector('[data-testid=timeline] li'), null, 30_000);
      const month = new Date().toISOString().slice(0, 7);
      assert.match((await dashboard.text('[data-testid=timeline]')) ?? '', new RegExp(month, 'u'));
      assert.equal(
        await dashboard.evaluate(
          () => (document.querySelector('input[name=dates][value=read]') as HTMLInputElement).checked,
        ),
        true,
      );
      await dashboard.close();
    });
  });
}
