import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AnnotationRow } from '../lib/db/annotation.ts';
import { openPanelFor, readStore, tabIdOf } from './support/extension.ts';
import { serveFolder, type FixtureServer } from './support/fixture-server.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { launchFirefox } from './support/launch-firefox.ts';
import { PAGES } from './support/paths.ts';
import type { TestBrowser, TestPage } from './support/test-browser.ts';

const SLUG = 'kitabat-isis-regroup-syria';
const PHRASE = 'إتهمت روسيا والولايات المتحدة في الأشهر الأخيرة';
const NOTE = 'اتهام مشترك <img src=x onerror=alert(1)>';

/** Text of every range painted as `rasid-<kind>`. */
function painted(page: TestPage, kind: string): Promise<string[]> {
  return page.evaluate((name) => {
    const set =
      (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get(name) ?? [];
    return [...set].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  }, `rasid-${kind}`);
}

const waitForNote = (page: TestPage, count = 1) =>
  page.waitFor(
    (n) =>
      ((CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('rasid-note-green')
        ?.size ?? 0) === n,
    count,
  );

/** Selects `phrase` in the article, as a reader's mouse would, and lets go of the button. */
function selectInArticle(page: TestPage, phrase: string): Promise<void> {
  return page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const at = n.data.indexOf(wanted);
      if (at < 0) continue;
      n.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + wanted.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return;
    }
    throw new Error(`${wanted} not found in the article`);
  }, phrase);
}

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

    it('annotates a selection with a colour, a note and tags; they come back after a reload', async () => {
      const page = await browser.newPage(url);
      await page.waitFor(
        () => (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.has('rasid-actor'),
        null,
      );
      await selectInArticle(page, PHRASE);
      await page.waitFor(
        () => !!document.querySelector('rasid-toolbar')?.shadowRoot?.querySelector('[role=dialog]'),
        null,
      );
      await page.evaluate((note) => {
        const root = document.querySelector('rasid-toolbar')!.shadowRoot!;
        (root.querySelector('button.add-note') as HTMLButtonElement).click();
        return new Promise<void>((done) =>
          setTimeout(() => {
            const text = root.querySelector('textarea')!;
            text.value = note;
            text.dispatchEvent(new Event('input', { bubbles: true }));
            const tags = root.querySelector('input[name=tags]') as HTMLInputElement;
            tags.value = 'روسيا، أمريكا';
            tags.dispatchEvent(new Event('input', { bubbles: true }));
            // The selection names Russia: it is offered as the link; the reader keeps it.
            (root.querySelector('button[data-color=green]') as HTMLButtonElement).click();
            setTimeout(() => {
              (root.querySelector('button.save') as HTMLButtonElement).click();
              done();
            }, 50);
          }, 50),
        );
      }, NOTE);
      await waitForNote(page);
      assert.deepEqual(await painted(page, 'note-green'), [PHRASE]);

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
      await page.waitFor(
        () => (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.has('rasid-actor'),
        null,
      );
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
      await page.waitFor(
        () => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('rasid-actor'),
        null,
      );
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
      await page.waitFor(
        () => !!document.querySelector('rasid-toolbar')?.shadowRoot?.querySelector('[role=dialog]'),
        null,
      );
      await Promise.all([page.close(), panel.close()]);
    });

    it('edits from the page: a click opens the annotation, delete, undo; the panel goes to it with a flash', async () => {
      writeFileSync(source(), original);
      const page = await browser.newPage(url);
      await waitForNote(page);
      const point = await page.evaluate(() => {
        const [r] = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get(
          'rasid-note-green',
        )!;
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
      await page.click(point.x, point.y);
      await page.waitFor(
        (note) =>
          document.querySelector('rasid-toolbar')?.shadowRoot?.querySelector('textarea')?.value === note,
        NOTE,
      );
      await page.evaluate(() =>
        (
          document
            .querySelector('rasid-toolbar')!
            .shadowRoot!.querySelector('button.delete') as HTMLButtonElement
        ).click(),
      );
      await waitForNote(page, 0);
      await page.waitFor(
        () => !!document.querySelector('rasid-toolbar')?.shadowRoot?.querySelector('button.undo'),
        null,
      );
      await page.evaluate(() =>
        (
          document
            .querySelector('rasid-toolbar')!
            .shadowRoot!.querySelector('button.undo') as HTMLButtonElement
        ).click(),
      );
      await waitForNote(page, 1);

      const panel = await openPanelFor(browser, page.url());
      await panel.waitFor(() => !!document.querySelector('[data-annotation] button.go'), null);
      await page.evaluate(() => scrollTo(0, 0));
      await panel.evaluate(() =>
        (document.querySelector('[data-annotation] button.go') as HTMLButtonElement).click(),
      );
      await page.waitFor(
        () =>
          ((CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('rasid-flash')
            ?.size ?? 0) === 1,
        null,
      );
      assert.deepEqual(await painted(page, 'flash'), [PHRASE]);
      await Promise.all([page.close(), panel.close()]);
    });

    it('links a selection to a new actor of the reader’s own', async () => {
      writeFileSync(source(), original);
      const page = await browser.newPage(url);
      await page.waitFor(
        () => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('rasid-actor'),
        null,
      );
      await selectInArticle(page, 'شيخ قبلي');
      await page.waitFor(
        () => !!document.querySelector('rasid-toolbar')?.shadowRoot?.querySelector('button.add-note'),
        null,
      );
      await page.evaluate(async () => {
        const root = document.querySelector('rasid-toolbar')!.shadowRoot!;
        const tick = () => new Promise((r) => setTimeout(r, 50));
        (root.querySelector('button.add-note') as HTMLButtonElement).click();
        await tick();
        const link = root.querySelector('input[name=entity]') as HTMLInputElement;
        link.value = 'شيخ قبلي من شرق سوريا';
        link.dispatchEvent(new Event('input', { bubbles: true }));
        await tick();
        (root.querySelector('input[value=actor]') as HTMLInputElement).click();
        await tick();
        (root.querySelector('button.save') as HTMLButtonElement).click();
      });
      const panel = await openPanelFor(browser, page.url());
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
