import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AnnotationRow } from '../lib/model/annotation.ts';
import { clickIn, openPanelFor, readStore, setField, tabIdOf } from './support/extension.ts';
import { serveFolder, type FixtureServer } from './support/fixture-server.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { launchFirefox } from './support/launch-firefox.ts';
import { PAGES, ROOT } from './support/paths.ts';
import { readerAt, selectWithMouse } from './support/reader-ui.ts';
import type { TestBrowser, TestPage } from './support/test-browser.ts';

/**
 * The notebook (issue 14), as a reader uses it: annotations made on two pages are found together by a
 * search without hamza, one opens on its page with a flash, a tag is renamed everywhere, the filtered
 * set is exported, and a colleague's file imported into an empty profile shows at once.
 */

const PAGE_A = 'kitabat-isis-regroup-syria';
const QUOTE_A = 'إتهمت روسيا والولايات المتحدة في الأشهر الأخيرة';
const PAGE_B = 'baladi-isis-south-syria';
const QUOTE_B = 'قبل حوالي 6 أشهر من الآن';
/** Both quotes hold «أشهر»; the reader types it without its hamza. */
const SEARCH = 'اشهر';

/** Waits for a new, complete file in the downloads folder, and returns its text. */
async function nextDownload(folder: string, seen: Set<string>): Promise<{ path: string; text: string }> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const name of readdirSync(folder)) {
      if (seen.has(name) || /\.(part|crdownload)$/u.test(name)) continue;
      const path = join(folder, name);
      const size = statSync(path).size;
      await new Promise((r) => setTimeout(r, 300));
      if (size === 0 || statSync(path).size !== size) continue;
      seen.add(name);
      return { path, text: readFileSync(path, 'utf8') };
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`no download in ${folder}`);
}

/** Focuses a field of an extension page and types into it with the keyboard. */
async function typeInto(page: TestPage, selector: string, text: string): Promise<void> {
  await page.front();
  await page.evaluate((s) => (document.querySelector(s) as HTMLInputElement).focus(), selector);
  await page.type(text);
}

/** The ids the notebook lists, in order. */
const listed = (page: TestPage) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-annotation]')].map((li) => li.getAttribute('data-annotation')),
  );

for (const launch of [launchChromium, launchFirefox]) {
  describe(`${launch.name.replace('launch', '')}: the notebook`, () => {
    let server: FixtureServer;
    let browser: TestBrowser;
    const seen = new Set<string>();
    let exported = '';
    before(async () => {
      server = await serveFolder(PAGES);
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    /** Annotates `quote` on a page with a note, tags and a colour, through the in-page toolbar. */
    async function annotate(page: TestPage, quote: string, note: string, tags: string, color: string) {
      await page.waitFor(() => CSS.highlights.has('rasid-actor'), null);
      const panel = await openPanelFor(browser, page.url());
      const reader = readerAt(page, panel, await tabIdOf(panel, page.url()));
      await selectWithMouse(page, quote);
      await reader.click('add-note');
      await reader.fill('note', note);
      await reader.fill('tags', tags);
      await reader.click(`color-${color}`);
      await reader.click('save');
      await page.waitFor((c) => (CSS.highlights.get(`rasid-note-${c}`)?.size ?? 0) > 0, color);
      await panel.close();
    }

    it('finds annotations of two pages by a search without hamza, opens one with a flash, renames a tag, exports what it shows', async () => {
      const pageA = await browser.newPage(`${server.origin}/${PAGE_A}/`);
      await annotate(pageA, QUOTE_A, 'اتهام مشترك', 'روسيا، مصادر', 'green');
      const pageB = await browser.newPage(`${server.origin}/${PAGE_B}/`);
      await annotate(pageB, QUOTE_B, 'قاعدة التدريب', 'مصادر', 'yellow');

      const notebook = await browser.newPage(`${browser.extensionOrigin}/notebook.html`);
      const rows = await readStore<AnnotationRow>(notebook, 'annotations');
      const idOf = (quote: string) => rows.find((r) => r.target.selector.quote.exact === quote)!.id;
      const [a, b] = [idOf(QUOTE_A), idOf(QUOTE_B)];
      await notebook.waitFor(() => document.querySelectorAll('[data-annotation]').length === 2, null);

      // Search as you type, without the hamza; the address keeps the search.
      await typeInto(notebook, 'input[name=q]', SEARCH);
      await notebook.waitFor(
        () =>
          decodeURIComponent(location.hash) === '#q=اشهر' &&
          document.querySelectorAll('[data-annotation]').length === 2,
        null,
      );
      assert.deepEqual(new Set(await listed(notebook)), new Set([a, b]));
      // Both pages were read since: their passages were found (not orphans).
      await notebook.waitFor(
        () =>
          [...document.querySelectorAll('[data-annotation]')].every(
            (li) => li.getAttribute('data-anchor') === 'found',
          ),
        null,
      );
      await typeInto(notebook, 'input[name=q]', ' تدريب');
      await notebook.waitFor(
        (id) =>
          document.querySelector('[data-annotation]')?.getAttribute('data-annotation') === id &&
          document.querySelectorAll('[data-annotation]').length === 1,
        b,
      );

      // Open A on its page (the tab that shows it): it scrolls there and flashes.
      await pageA.evaluate(() => {
        scrollTo(0, 0);
        const g = globalThis as unknown as { rasidFlash?: { text: string; inView: boolean } };
        delete g.rasidFlash;
        const timer = setInterval(() => {
          const [r] = CSS.highlights.get('rasid-flash') ?? [];
          if (!r) return;
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          const box = range.getBoundingClientRect();
          g.rasidFlash = { text: range.toString(), inView: box.top >= 0 && box.bottom <= innerHeight };
          clearInterval(timer);
        }, 20);
      });
      await notebook.goto(`${browser.extensionOrigin}/notebook.html#q=${encodeURIComponent(SEARCH)}`);
      await notebook.waitFor((id) => !!document.querySelector(`[data-annotation="${id}"] button.open`), a);
      await clickIn(notebook, `[data-annotation="${a}"] button.open`);
      await pageA.waitFor(() => !!(globalThis as unknown as { rasidFlash?: unknown }).rasidFlash, null);
      assert.deepEqual(
        await pageA.evaluate(() => (globalThis as unknown as { rasidFlash?: unknown }).rasidFlash),
        { text: QUOTE_A, inView: true },
      );

      // Rename «مصادر» to «مصدر» on every annotation.
      await notebook.front();
      await notebook
        .waitFor(
          () =>
            [...document.querySelectorAll('select[name=rename-from] option')].some(
              (o) => (o as HTMLOptionElement).value === 'مصادر',
            ),
          null,
        )
        .catch(async (e: unknown) => {
          const shown = await notebook.evaluate(() => document.querySelector('main')?.textContent);
          throw new Error(`no tag «مصادر» to rename; the notebook shows: ${shown}`, { cause: e });
        });
      await setField(notebook, 'select[name=rename-from]', 'مصادر');
      await typeInto(notebook, 'input[name=rename-to]', 'مصدر');
      await clickIn(notebook, 'button.rename');
      await notebook.waitFor(() => !!document.querySelector('[data-testid=renamed]'), null);
      const tags = (await readStore<AnnotationRow>(notebook, 'annotations'))
        .map((r) => [r.id, r.body.tags] as const)
        .sort(([x], [y]) => x.localeCompare(y));
      assert.deepEqual(
        tags,
        [
          [a, ['روسيا', 'مصدر']],
          [b, ['مصدر']],
        ].sort(([x], [y]) => String(x).localeCompare(String(y))),
      );

      // Filter by the renamed tag and a colour: the address says so, a reload keeps it, Back undoes it.
      // The renamed tag is offered once the notebook has asked again (the rename's change signal).
      await notebook.waitFor(
        (tag) =>
          [...document.querySelectorAll<HTMLOptionElement>('select[name=tag] option')].some(
            (o) => o.value === tag,
          ),
        'مصدر',
      );
      await setField(notebook, 'select[name=tag]', 'مصدر');
      await notebook.waitFor(
        () =>
          decodeURIComponent(location.hash).includes('tag=مصدر') &&
          document.querySelectorAll('[data-annotation]').length === 2,
        null,
      );
      await setField(notebook, 'select[name=color]', 'green');
      await notebook.waitFor(
        (id) =>
          document.querySelectorAll('[data-annotation]').length === 1 &&
          !!document.querySelector(`[data-annotation="${id}"]`),
        a,
      );
      assert.match(decodeURIComponent(await notebook.evaluate(() => location.hash)), /tag=مصدر&color=green/u);
      // Back and Forward step through the filters.
      await notebook.evaluate(() => history.back());
      await notebook.waitFor(
        () =>
          !location.hash.includes('color=') && document.querySelectorAll('[data-annotation]').length === 2,
        null,
      );
      await notebook.evaluate(() => history.forward());
      await notebook.waitFor(
        () => location.hash.includes('color=') && document.querySelectorAll('[data-annotation]').length === 1,
        null,
      );
      await notebook.goto(await notebook.evaluate(() => location.href));
      await notebook.waitFor(
        (id) =>
          document.querySelectorAll('[data-annotation]').length === 1 &&
          !!document.querySelector(`[data-annotation="${id}"]`),
        a,
      );
      assert.equal(
        await notebook.evaluate(
          () => (document.querySelector('select[name=color]') as HTMLSelectElement).value,
        ),
        'green',
      );

      // Export exactly what is shown.
      await setField(notebook, 'fieldset.export select[name=format]', 'jsonld');
      await clickIn(notebook, 'fieldset.export .export-button');
      const file = await nextDownload(browser.downloads, seen);
      exported = file.path;
      const items = (JSON.parse(file.text) as { first: { items: { id: string }[] } }).first.items;
      assert.equal(items.length, 1);
      assert.ok(items[0]!.id.includes(a), `the exported annotation is A: ${items[0]!.id}`);

      if (process.env.RASID_SCREENSHOTS && browser.name === 'chromium') {
        const folder = join(ROOT, 'e2e', 'screenshots');
        mkdirSync(folder, { recursive: true });
        await notebook.goto(`${browser.extensionOrigin}/notebook.html`);
        await notebook.setViewport(1100, 900);
        await notebook.waitFor(() => document.querySelectorAll('[data-annotation]').length === 2, null);
        await notebook.screenshot(join(folder, 'notebook.png'));
      }
      await Promise.all([pageA.close(), pageB.close(), notebook.close()]);
    });

    it('shows annotations imported into an empty profile at once', async () => {
      assert.ok(exported, 'the previous test exported a file');
      const empty = await launch();
      try {
        const dashboard = await empty.newPage(`${empty.extensionOrigin}/dashboard.html`);
        await dashboard.waitFor(() => !!document.querySelector('input[name=import]'), null);
        const notebook = await empty.newPage(`${empty.extensionOrigin}/notebook.html`);
        await notebook.waitFor(
          () => document.querySelector('[data-testid=count]')?.textContent?.startsWith('0 '),
          null,
        );
        await dashboard.upload('input[name=import]', exported);
        await dashboard.waitFor(
          () => document.querySelector('[data-outcome=imported]')?.textContent === '1 imported',
          null,
        );
        // The open notebook follows the change signal: no reload.
        await notebook.waitFor(() => document.querySelectorAll('[data-annotation]').length === 1, null);
        assert.equal(await notebook.text('[data-testid=quote]'), QUOTE_A);
        assert.deepEqual(empty.errors, []);
      } finally {
        await empty.close();
      }
    });

    it('logs no errors on pages and extension pages', () => {
      assert.deepEqual(browser.errors, []);
    });
  });
}
