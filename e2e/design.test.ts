import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTranslator } from '../lib/i18n/i18n.ts';
import { openPanelFor, readStore, setField, tabIdOf, waitForPageRow } from './support/extension.ts';
import { readerAt, selectWithMouse } from './support/reader-ui.ts';
import { serveFolder, type FixtureServer } from './support/fixture-server.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { launchFirefox } from './support/launch-firefox.ts';
import { PAGES } from './support/paths.ts';
import type { TestBrowser, TestPage } from './support/test-browser.ts';

/** The seed article the issue measured (3,800 px of panel before issue 15). */
const SLUG = 'baladi-isis-south-syria';

interface Type {
  size: number;
  weight: number;
  line: number;
}

/** The computed type of every Arabic name and English gloss matched by `row` (name, gloss selectors). */
function typeOf(page: TestPage, selectors: { name: string; gloss: string }) {
  return page.evaluate(({ name, gloss }) => {
    const measure = (el: Element) => {
      const s = getComputedStyle(el);
      return { size: parseFloat(s.fontSize), weight: Number(s.fontWeight), line: parseFloat(s.lineHeight) };
    };
    return {
      names: [...document.querySelectorAll(name)].map(measure),
      glosses: [...document.querySelectorAll(gloss)].map(measure),
    };
  }, selectors);
}

function assertArabicFirst({ names, glosses }: { names: Type[]; glosses: Type[] }, where: string): void {
  assert.ok(names.length > 3 && glosses.length > 3, `${where}: names and glosses listed`);
  const smallestName = Math.min(...names.map((n) => n.size));
  const largestGloss = Math.max(...glosses.map((g) => g.size));
  assert.ok(smallestName > largestGloss, `${where}: Arabic ${smallestName}px > English ${largestGloss}px`);
  assert.ok(smallestName >= 16, `${where}: Arabic names at ${smallestName}px are not small print`);
  assert.ok(
    Math.min(...names.map((n) => n.weight)) > Math.max(...glosses.map((g) => g.weight)),
    `${where}: Arabic names heavier than their glosses`,
  );
  assert.ok(
    Math.min(...names.map((n) => n.line / n.size)) >= 1.6,
    `${where}: Arabic set on a line for Arabic script`,
  );
}

/** The panel's whole height, at a width. */
async function panelHeight(panel: TestPage, width: number): Promise<number> {
  await panel.setViewport(width, 900);
  return panel.evaluate(
    () => new Promise<number>((r) => requestAnimationFrame(() => r(document.documentElement.scrollHeight))),
  );
}

for (const launch of [launchChromium, launchFirefox])
  for (const lang of ['ar', 'en'] as const) {
    const t = createTranslator(lang);
    describe(`${launch.name.replace('launch', '')}, ${lang} interface: Arabic first, a compact panel (issue 15)`, () => {
      let server: FixtureServer;
      let otherSite: FixtureServer;
      let browser: TestBrowser;
      before(async () => {
        server = await serveFolder(PAGES);
        otherSite = await serveFolder(PAGES);
        browser = await launch({ lang });
      });
      after(async () => {
        await browser?.close();
        await server?.close();
        await otherSite?.close();
      });

      let panel: TestPage;
      let page: TestPage;

      it('on a first read: a summary line, one line per entity, no badge on anyone, under 1,500 px at 900 px wide', async () => {
        page = await browser.newPage(`${server.origin}/${SLUG}/`);
        panel = await openPanelFor(browser, page.url());
        await waitForPageRow(panel, page.url());
        await panel.waitFor(() => document.querySelectorAll('li[data-entity]').length > 10, null);
        await panel.waitFor(() => !!document.querySelector('[data-testid=overview]'), null);
        const { actors, places, overview } = await panel.evaluate(() => ({
          actors: document.querySelectorAll('[data-testid=actors] li[data-entity]').length,
          places: document.querySelectorAll('[data-testid=places] li[data-entity]').length,
          overview: document.querySelector('[data-testid=overview]')!.textContent,
        }));
        assert.equal(
          overview,
          `${t.t('overviewActors', { n: actors })} · ${t.t('overviewPlaces', { n: places })}`,
        );
        // A first read says nothing about history: no flag repeated down the list.
        assert.equal(
          await panel.evaluate(() => document.querySelectorAll('[data-testid=history]').length),
          0,
        );
        // One line per entity: every row about one line of Arabic high.
        const rows = await panel.evaluate(() =>
          [...document.querySelectorAll('li[data-entity]')].map((li) => li.getBoundingClientRect().height),
        );
        assert.ok(Math.max(...rows) < 45, `entity rows at most one line (tallest ${Math.max(...rows)} px)`);
        const height = await panelHeight(panel, 900);
        assert.ok(height < 1500, `the panel is ${height} px tall at 900 px wide`);
        console.log(
          `# ${browser.name} ${lang}: panel ${height} px at 900 px, ${await panelHeight(panel, 400)} px at 400 px`,
        );
      });

      it('sets Arabic names larger, heavier and taller than their English glosses, in the panel and the dashboard', async () => {
        assertArabicFirst(
          await typeOf(panel, { name: 'li[data-entity] .ar', gloss: 'li[data-entity] .en' }),
          'panel',
        );
        const dashboard = await browser.newPage(`${browser.extensionOrigin}/dashboard.html`);
        await dashboard.waitFor(() => document.querySelectorAll('tbody tr[data-entity]').length > 3, null);
        assertArabicFirst(
          await typeOf(dashboard, { name: "tbody th [lang='ar']", gloss: 'tbody th .en' }),
          'dashboard',
        );
        await dashboard.close();
      });

      it('folds a section and opens it again', async () => {
        const open = () =>
          panel.evaluate(() => (document.querySelector('[data-testid=places]') as HTMLDetailsElement).open);
        assert.equal(await open(), true);
        await panel.setViewport(900, 900);
        // Where the heading is now (folding moves the page under it: look again before each click).
        const summary = () =>
          panel.evaluate(() => {
            const el = document.querySelector('[data-testid=places] > summary')!;
            el.scrollIntoView({ block: 'center' });
            const r = el.getBoundingClientRect();
            return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
          });
        await panel.front();
        let at = await summary();
        await panel.click(at.x, at.y);
        await panel.waitFor(
          () => !(document.querySelector('[data-testid=places]') as HTMLDetailsElement).open,
          null,
        );
        const shown = await panel.evaluate(() =>
          document.querySelector('[data-testid=places] li[data-entity]')!.checkVisibility(),
        );
        assert.equal(shown, false, 'a folded section shows no rows');
        at = await summary();
        await panel.click(at.x, at.y);
        await panel.waitFor(
          () => (document.querySelector('[data-testid=places]') as HTMLDetailsElement).open,
          null,
        );
        await Promise.all([panel.close(), page.close()]);
      });

      it('names the highlight colours as the reader renamed them in the panel, in the page’s toolbar', async () => {
        // Its own address: the tab is found by it.
        page = await browser.newPage(`${server.origin}/${SLUG}/?colours`);
        panel = await openPanelFor(browser, page.url());
        await panel.waitFor(() => !!document.querySelector('input[name=color-blue]'), null);
        await setField(panel, 'input[name=color-blue]', 'مصدر');
        // Stored (read back from the database, not from the panel), then the page opened again.
        const deadline = Date.now() + 15_000;
        for (;;) {
          const rows = await readStore<{ key: string; colorNames?: Record<string, string> }>(
            panel,
            'settings',
          );
          if (rows.find((r) => r.key === 'global')?.colorNames?.['blue'] === 'مصدر') break;
          assert.ok(Date.now() < deadline, 'the colour name was not stored');
          await new Promise((r) => setTimeout(r, 150));
        }
        await page.goto(page.url());
        await page.waitFor(() => (CSS.highlights.get('rasid-actor')?.size ?? 0) > 0, null);
        const reader = readerAt(page, panel, await tabIdOf(panel, page.url()));
        await selectWithMouse(page, 'صاحبة اليد الضاربة');
        const ui = await reader.waitForUi((u) => u.surface === 'toolbar');
        const names = ui.controls.filter((c) => c.testId?.startsWith('color-')).map((c) => c.name);
        assert.deepEqual(names, [
          t.t('highlightAs', { name: t.t('colorName-yellow'), color: t.t('yellow') }),
          t.t('highlightAs', { name: t.t('colorName-green'), color: t.t('green') }),
          t.t('highlightAs', { name: 'مصدر', color: t.t('blue') }),
          t.t('highlightAs', { name: t.t('colorName-pink'), color: t.t('pink') }),
        ]);
        await Promise.all([panel.close(), page.close()]);
      });

      it('on another site, badges the names seen before as new here, and says how many in the summary', async () => {
        page = await browser.newPage(`${otherSite.origin}/${SLUG}/`);
        panel = await openPanelFor(browser, page.url());
        await panel.waitFor(
          () => document.querySelectorAll('[data-testid=history]').length > 3,
          null,
          20_000,
        );
        const seen = await panel.evaluate(() => {
          const badges = [...document.querySelectorAll('li[data-entity] [data-testid=history]')];
          return {
            rows: document.querySelectorAll('li[data-entity]').length,
            badges: badges.map((b) => ({
              flag: b.getAttribute('data-flag'),
              text: b.querySelector('[aria-hidden]')?.textContent,
              shown: b.getBoundingClientRect().width > 0,
            })),
            overview: document.querySelector('[data-testid=overview]')?.textContent ?? '',
          };
        });
        assert.equal(seen.badges.length, seen.rows, 'every name of the article was seen on the first site');
        for (const b of seen.badges) {
          assert.equal(b.flag, 'recurring new-on-site');
          assert.equal(b.text, t.t('badgeNewHere'));
          assert.ok(b.shown, 'the badge is on screen');
        }
        assert.ok(
          seen.overview.endsWith(t.t('overviewElsewhere', { n: seen.rows })),
          `the summary counts them: ${seen.overview}`,
        );
        assert.deepEqual(browser.errors, []);
        await Promise.all([panel.close(), page.close()]);
      });
    });
  }
