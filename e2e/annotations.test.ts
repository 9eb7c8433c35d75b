import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AnnotationRow } from '../lib/model/annotation.ts';
import { openPanelFor, readStore, tabIdOf } from './support/extension.ts';
import { serveFolder, type FixtureServer } from './support/fixture-server.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { launchFirefox } from './support/launch-firefox.ts';
import { PAGES } from './support/paths.ts';
import { readerAt, selectWithMouse, type Reader } from './support/reader-ui.ts';
import type { TestBrowser, TestPage } from './support/test-browser.ts';

const SLUG = 'kitabat-isis-regroup-syria';
const PHRASE = 'إتهمت روسيا والولايات المتحدة في الأشهر الأخيرة';
const NOTE = 'اتهام مشترك <img src=x onerror=alert(1)>';

/** Text of every range painted as `rasid-<kind>`. */
function painted(page: TestPage, kind: string): Promise<string[]> {
  return page.evaluate((name) => {
    const set = CSS.highlights.get(name) ?? [];
    return [...set].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  }, `rasid-${kind}`);
}

const waitForNote = (page: TestPage, count = 1) =>
  page.waitFor((n) => (CSS.highlights.get('rasid-note-green')?.size ?? 0) === n, count);

/** Every row of the `annotations` table, read with raw IndexedDB from an extension page. */
const annotationRows = (extensionPage: TestPage) => readStore<AnnotationRow>(extensionPage, 'annotations');

for (const launch of [launchChromium, launchFirefox]) {
  describe(`${launch.name.replace('launch', '')}: annotating and keeping`, () => {
    let dir: string;
    let server: FixtureServer;
    let browser: TestBrowser;
    let url: string;
    const source = () => join(dir, SLUG, 'source.html');
    const original = readFileSync(join(PAGES, SLUG, 'source.html'), 'utf8');

    before(async () => {
      // A copy the tests can edit between visits: the same URL, a changed page.
      dir = mkdtempSync(join(tmpdir(), 'rasid-annotate-'));
      cpSync(join(PAGES, SLUG), join(dir, SLUG), { recursive: true });
      server = await serveFolder(dir);
      url = `${server.origin}/${SLUG}/`;
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    /** The panel for the tab showing `page`, and the reader's mouse and keyboard on the page. */
    async function readerOf(page: TestPage): Promise<{ panel: TestPage; reader: Reader }> {
      const panel = await openPanelFor(browser, page.url());
      return { panel, reader: readerAt(page, panel, await tabIdOf(panel, page.url())) };
    }

    it('annotates a selection with a colour, a note and tags; they come back after a reload', async () => {
      const page = await browser.newPage(url);
      await page.waitFor(() => CSS.highlights.has('rasid-actor'), null);
      const { panel: first, reader } = await readerOf(page);
      await selectWithMouse(page, PHRASE);
      await reader.click('add-note');
      await reader.fill('note', NOTE);
      await reader.fill('tags', 'روسيا، أمريكا');
      // The selection names Russia: it is offered as the link; the reader keeps it.
      await reader.click('color-green');
      await reader.click('save');
      await waitForNote(page);
      assert.deepEqual(await painted(page, 'note-green'), [PHRASE]);
      await first.close();

      let panel = await openPanelFor(browser, page.url());
      const [row] = await annotationRows(panel);
      assert.equal(row?.target.selector.quote.exact, PHRASE);
      assert.deepEqual(row?.body, {
        note: NOTE,
        tags: ['روسيا', 'أمريكا'],
        color: 'green',
        entity: 'russia',
      });

      await page.goto(url);
      await waitForNote(page);
      assert.deepEqual(await painted(page, 'note-green'), [PHRASE]);
      // The panel lists it, the note as text: the page's or a note's markup is never inserted.
      await panel.close();
      panel = await openPanelFor(browser, page.url());
      await panel.waitFor((note) => document.querySelector('[data-testid=note]')?.textContent === note, NOTE);
      assert.equal(await panel.evaluate(() => document.querySelector('[data-testid=annotations] img')), null);
      await Promise.all([page.close(), panel.close()]);
    });

    it('lands on the right words in an edited page: a paragraph inserted before, a word respelled, hamzas dropped', async () => {
      const edited = original
        .replace('<article', '<article data-edited')
        .replace(/(<article[^>]*>)/u, '$1<p>تحديث: أضيفت هذه الفقرة بعد النشر وتتحدث عن دير الزور.</p>')
        .replace(PHRASE, 'اتهمت روسية والولايات المتحده في الاشهر الأخيرة');
      writeFileSync(source(), edited);
      const page = await browser.newPage(url);
      await waitForNote(page);
      assert.deepEqual(await painted(page, 'note-green'), [
        'اتهمت روسية والولايات المتحده في الاشهر الأخيرة',
      ]);
      await page.close();
    });

    it('lists an annotation whose sentence was removed as an orphan, and keeps it', async () => {
      writeFileSync(source(), original.replace(/<p>ومع ذلك، إتهمت[^<]*<\/p>/u, ''));
      const page = await browser.newPage(url);
      await page.waitFor(() => CSS.highlights.has('rasid-actor'), null);
      const panel = await openPanelFor(browser, page.url());
      await panel.waitFor(() => !!document.querySelector('[data-testid=orphan]'), null);
      assert.equal(await panel.text('[data-testid=quote]'), PHRASE);
      assert.deepEqual(await painted(page, 'note-green'), []);
      assert.equal((await annotationRows(panel)).length, 1);
      await Promise.all([page.close(), panel.close()]);
    });

    it('deletes an annotation from the panel and restores it with undo', async () => {
      writeFileSync(source(), original);
      const page = await browser.newPage(url);
      await waitForNote(page);
      const panel = await openPanelFor(browser, page.url());
      await panel.waitFor(() => !!document.querySelector('[data-annotation] button.delete'), null);
      await panel.evaluate(() =>
        (document.querySelector('[data-annotation] button.delete') as HTMLButtonElement).click(),
      );
      await waitForNote(page, 0);
      assert.equal((await annotationRows(panel)).length, 0);
      await panel.waitFor(() => !!document.querySelector('button.undo'), null);
      await panel.evaluate(() => (document.querySelector('button.undo') as HTMLButtonElement).click());
      await waitForNote(page, 1);
      assert.deepEqual(await painted(page, 'note-green'), [PHRASE]);
      assert.equal((await annotationRows(panel)).length, 1);
      await Promise.all([page.close(), panel.close()]);
    });

    it('opens the toolbar for a selection when the context menu asks (the message its item sends)', async () => {
      writeFileSync(source(), original);
      const page = await browser.newPage(url);
      await page.waitFor(() => CSS.highlights.has('rasid-actor'), null);
      await page.evaluate(() => {
        const p = document.querySelector('article p')!;
        const range = document.createRange();
        range.selectNodeContents(p.firstChild!);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
      });
      const panel = await openPanelFor(browser, page.url());
      const opened = await panel.evaluate(
        async (tabId) => {
          const api = (
            globalThis as unknown as {
              browser: { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } };
            }
          ).browser;
          return api.tabs.sendMessage(tabId, { type: 'annotations/annotate-selection', payload: {} });
        },
        await tabIdOf(panel, page.url()),
      );
      assert.deepEqual(opened, { ok: true, value: true });
      await readerAt(page, panel, await tabIdOf(panel, page.url())).waitForUi(
        (ui) => ui.surface === 'toolbar',
      );
      await Promise.all([page.close(), panel.close()]);
    });

    it('Alt+Shift+A moves focus into the toolbar’s frame: keys go to it, Escape closes it', async () => {
      writeFileSync(source(), original);
      const page = await browser.newPage(url);
      await page.waitFor(() => CSS.highlights.has('rasid-actor'), null);
      const { panel, reader } = await readerOf(page);
      await selectWithMouse(page, 'شيخ قبلي');
      await reader.waitForUi((ui) => ui.surface === 'toolbar');
      await page.press('Alt+Shift+KeyA');
      // Focus is in the frame (its first control): the page's document no longer has it, and Escape,
      // pressed there, closes the toolbar; the page's selection is still there.
      await page.waitFor(() => document.activeElement?.tagName === 'RASID-TOOLBAR', null);
      await page.press('Escape');
      await reader.waitForUi((ui) => ui.surface === null);
      assert.equal(await page.evaluate(() => String(getSelection())), 'شيخ قبلي');
      // Focus is back in the page.
      assert.deepEqual(await page.evaluate(() => [document.activeElement?.tagName, document.hasFocus()]), [
        'BODY',
        true,
      ]);
      await Promise.all([page.close(), panel.close()]);
    });

    it('edits from the page: a click opens the annotation, delete, undo; the panel goes to it with a flash', async () => {
      writeFileSync(source(), original);
      const page = await browser.newPage(url);
      await waitForNote(page);
      const point = await page.evaluate(() => {
        const [r] = CSS.highlights.get('rasid-note-green')!;
        r!.startContainer.parentElement!.scrollIntoView({
          block: 'center',
          behavior: 'instant' as ScrollBehavior,
        });
        const range = document.createRange();
        range.setStart(r!.startContainer, r!.startOffset);
        range.setEnd(r!.endContainer, r!.endOffset);
        const box = range.getClientRects()[0]!;
        return { x: box.left + 4, y: box.top + box.height / 2 };
      });
      const { panel, reader } = await readerOf(page);
      await page.front();
      await page.click(point.x, point.y);
      await reader.waitForUi((ui) => ui.controls.some((c) => c.testId === 'note' && c.value === NOTE));
      await reader.click('delete');
      await waitForNote(page, 0);
      await reader.click('undo');
      await waitForNote(page, 1);

      await panel.waitFor(() => !!document.querySelector('[data-annotation] button.go'), null);
      await page.evaluate(() => scrollTo(0, 0));
      await panel.evaluate(() =>
        (document.querySelector('[data-annotation] button.go') as HTMLButtonElement).click(),
      );
      await page.waitFor(() => (CSS.highlights.get('rasid-flash')?.size ?? 0) === 1, null);
      assert.deepEqual(await painted(page, 'flash'), [PHRASE]);
      await Promise.all([page.close(), panel.close()]);
    });

    it('links a selection to a new actor of the reader’s own', async () => {
      writeFileSync(source(), original);
      const page = await browser.newPage(url);
      await page.waitFor(() => CSS.highlights.has('rasid-actor'), null);
      const { panel, reader } = await readerOf(page);
      await selectWithMouse(page, 'شيخ قبلي');
      await reader.click('add-note');
      await reader.fill('entity', 'شيخ قبلي من شرق سوريا');
      await reader.click('new-actor');
      await reader.click('save');
      await panel.waitFor(
        () =>
          [...document.querySelectorAll('[data-testid=linked]')].some(
            (p) => p.textContent === 'About شيخ قبلي من شرق سوريا',
          ),
        null,
      );
      const rows = await annotationRows(panel);
      assert.match(
        rows.find((r) => r.target.selector.quote.exact === 'شيخ قبلي')?.body.entity ?? '',
        /^reader-/u,
      );
      await Promise.all([page.close(), panel.close()]);
    });

    it('logs no errors on pages and extension pages', () => {
      assert.deepEqual(browser.errors, []);
    });
  });
}
