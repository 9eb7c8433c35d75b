import assert from 'node:assert/strict';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AnnotationDraft, AnnotationRow } from '../lib/model/annotation.ts';
import { openPanelFor, readStore, setField, tabIdOf } from './support/extension.ts';
import { serveFolder, type FixtureServer } from './support/fixture-server.ts';
import { paintedMentions, pointOfMention } from './support/highlights.ts';
import { readerAt } from './support/reader-ui.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { launchFirefox } from './support/launch-firefox.ts';
import { PAGES } from './support/paths.ts';
import type { TestBrowser, TestPage } from './support/test-browser.ts';

type Send = (m: unknown) => Promise<{ ok: boolean; error?: string }>;

/** Waits for a new, complete file in the downloads folder, and returns its path and text. */
async function nextDownload(folder: string, seen: Set<string>): Promise<{ path: string; text: string }> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const name of await readdir(folder)) {
      if (seen.has(name) || /\.(part|crdownload)$/u.test(name)) continue;
      const path = join(folder, name);
      const size = (await stat(path)).size;
      await new Promise((r) => setTimeout(r, 300));
      if (size === 0 || (await stat(path)).size !== size) continue;
      seen.add(name);
      return { path, text: await readFile(path, 'utf8') };
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`no download in ${folder}`);
}

/** Picks an export format and clicks the export button of an extension page. */
async function exportAs(page: TestPage, format: string): Promise<void> {
  await setField(page, 'fieldset.export select[name=format]', format);
  // A separate turn: the panel renders the chosen format before the click.
  await page.evaluate(() =>
    (document.querySelector('fieldset.export .export-button') as HTMLButtonElement).click(),
  );
}

const items = (jsonld: string) => (JSON.parse(jsonld) as { first: { items: unknown[] } }).first.items;

for (const launch of [launchChromium, launchFirefox]) {
  describe(`${launch.name.replace('launch', '')}: export, import and the reader’s lexicon`, () => {
    let server: FixtureServer;
    let browser: TestBrowser;
    let exported: { path: string; text: string };
    const seen = new Set<string>();
    before(async () => {
      server = await serveFolder(PAGES);
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it('exports a page’s annotations from the panel as JSON-LD, CSV and Markdown, hostile notes inert', async () => {
      const page = await browser.newPage(`${server.origin}/baladi-isis-south-syria/`);
      await page.waitFor(() => CSS.highlights.size > 0, null);
      const quote = (await paintedMentions(page)).find((m) => m.text === 'داعش');
      assert.ok(quote, 'داعش is highlighted');
      const panel = await openPanelFor(browser, page.url());
      const row = (id: string, body: AnnotationRow['body']): AnnotationDraft => ({
        id,
        selector: { quote: { exact: 'داعش', prefix: '', suffix: '' }, position: { start: 0, end: 4 } },
        body,
      });
      await panel.evaluate(
        async ({ drafts, url }) => {
          const send = (globalThis as unknown as { browser: { runtime: { sendMessage: Send } } }).browser
            .runtime.sendMessage;
          for (const draft of drafts)
            await send({ type: 'annotation/save', payload: { draft, url, canonical: null } });
        },
        {
          url: page.url(),
          drafts: [
            row('0b5e3f2a-1c4d-4e6f-8a9b-0c1d2e3f4a5b', {
              note: '<img src=x onerror=alert(1)>',
              tags: ['=HYPERLINK("http://evil.example","x")', 'جنوب سوريا'],
              color: 'green',
              entity: 'isis',
            }),
            row('1c6f4a3b-2d5e-4f70-9bac-1d2e3f4a5b6c', {
              note: 'ملاحظة عن التنظيم',
              tags: [],
              color: 'yellow',
            }),
          ],
        },
      );
      await panel.waitFor(() => !!document.querySelector('fieldset.export select[name=format]'), null);

      await exportAs(panel, 'jsonld');
      exported = await nextDownload(browser.downloads, seen);
      const collection = JSON.parse(exported.text) as Record<string, unknown>;
      assert.equal(collection.type, 'AnnotationCollection');
      assert.match(JSON.stringify(collection.generator), /0\.1\.0/u);
      const texts = JSON.stringify(items(exported.text));
      assert.ok(texts.includes('<img src=x onerror=alert(1)>'), 'the note is kept as the text it is');
      assert.ok(texts.includes('"TextQuoteSelector"') && texts.includes('"TextPositionSelector"'));
      assert.ok(texts.includes('urn:rasid:entity:isis'));
      await panel.waitFor(
        () => document.querySelector('[data-testid=export-status]')?.getAttribute('role') === 'status',
        null,
      );

      await exportAs(panel, 'csv');
      const csv = (await nextDownload(browser.downloads, seen)).text;
      assert.ok(csv.startsWith('\uFEFF'), `UTF-8 with a BOM: ${JSON.stringify(csv.slice(0, 40))}`);
      assert.ok(csv.includes('ملاحظة عن التنظيم'));
      assert.ok(!/(^|,|")=HYPERLINK/u.test(csv), 'no cell starts with a formula');

      await exportAs(panel, 'markdown');
      const markdown = (await nextDownload(browser.downloads, seen)).text;
      assert.ok(markdown.includes('ملاحظة عن التنظيم'));
      assert.ok(!markdown.includes('<img'), 'no raw HTML in the report');
      await Promise.all([page.close(), panel.close()]);
    });

    it('imports into an empty profile and exports the same data; a broken file changes nothing', async () => {
      const empty = await launch();
      try {
        const dashboard = await empty.newPage(`${empty.extensionOrigin}/dashboard.html`);
        await dashboard.waitFor(() => !!document.querySelector('input[name=import]'), null);
        await dashboard.upload('input[name=import]', exported.path);
        await dashboard.waitFor(
          () => document.querySelector('[data-outcome=imported]')?.textContent === '2 imported',
          null,
        );
        assert.equal((await readStore<AnnotationRow>(dashboard, 'annotations')).length, 2);
        // The round trip: the same annotations come out.
        await exportAs(dashboard, 'jsonld');
        const again = await nextDownload(empty.downloads, new Set());
        assert.deepEqual(items(again.text), items(exported.text));
        // Again: already here. Then a truncated file: refused whole, nothing written.
        const truncated = join(tmpdir(), `rasid-truncated-${Date.now()}.jsonld`);
        await writeFile(truncated, exported.text.slice(0, exported.text.length / 2));
        await dashboard.upload('input[name=import]', truncated);
        await dashboard.waitFor(() => !!document.querySelector('[data-testid=import-error]'), null);
        assert.match(
          (await dashboard.text('[data-testid=import-error]')) ?? '',
          /^Nothing was imported: the file is not readable JSON/u,
        );
        assert.equal((await readStore<AnnotationRow>(dashboard, 'annotations')).length, 2);
        assert.deepEqual(empty.errors, []);
      } finally {
        await empty.close();
      }
    });

    it('switches a spelling off from the card and the page re-highlights without a reload; the options page undoes it', async () => {
      const page = await browser.newPage(`${server.origin}/baladi-isis-south-syria/`);
      await page.waitFor(() => CSS.highlights.size > 0, null);
      const panel = await browser.newPage(`${browser.extensionOrigin}/sidepanel.html`);
      const reader = readerAt(page, panel, await tabIdOf(panel, page.url()));
      const point = await pointOfMention(page, 'داعش');
      assert.ok(point);
      await page.front();
      await page.click(point.x, point.y);
      await reader.click('spelling-off');
      const painted = () =>
        page.evaluate(() => {
          const registry = CSS.highlights;
          return [...(registry.get('rasid-actor') ?? [])].some((r) => {
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            return range.toString() === 'داعش';
          });
        });
      const waitPainted = async (wanted: boolean) => {
        const deadline = Date.now() + 10_000;
        while ((await painted()) !== wanted) {
          if (Date.now() > deadline) throw new Error(`داعش painted should be ${wanted}`);
          await new Promise((r) => setTimeout(r, 150));
        }
      };
      await waitPainted(false);
      const options = await browser.newPage(`${browser.extensionOrigin}/options.html`);
      await options.waitFor(() => !!document.querySelector('li[data-action=off] button.delete'), null);
      assert.match((await options.text('li[data-action=off]')) ?? '', /داعش/u);
      await options.evaluate(() =>
        (document.querySelector('li[data-action=off] button.delete') as HTMLButtonElement).click(),
      );
      // Deleting asks first (issue 15 §5).
      await options.waitFor(
        () => !!document.querySelector('li[data-action=off] button.confirm-delete'),
        null,
      );
      await options.evaluate(() =>
        (document.querySelector('li[data-action=off] button.confirm-delete') as HTMLButtonElement).click(),
      );
      await waitPainted(true);
      await options.waitFor(() => !document.querySelector('li[data-action=off]'), null);
      await Promise.all([page.close(), options.close(), panel.close()]);
    });

    it('logs no errors on pages and extension pages', () => {
      assert.deepEqual(browser.errors, []);
    });
  });
}
