import assert from 'node:assert/strict';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AnnotationRow } from '../lib/model/annotation.ts';
import { readStore, setField } from './support/extension.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { launchFirefox } from './support/launch-firefox.ts';
import { ROOT } from './support/paths.ts';
import type { TestBrowser, TestPage } from './support/test-browser.ts';

/**
 * Issue 15, item 8, in the dashboard as a reader uses it: a Hypothesis export imports; Rasid's own CSV
 * export, chosen by mistake, is named for what it is; an export's file name says what it holds.
 */

const IMPORTS = join(ROOT, 'tests/fixtures/imports');

/** Waits for a new, complete file in the downloads folder, and returns its name and text. */
async function nextDownload(folder: string): Promise<{ name: string; text: string }> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const name of await readdir(folder)) {
      if (/\.(part|crdownload)$/u.test(name)) continue;
      const path = join(folder, name);
      const size = (await stat(path)).size;
      await new Promise((r) => setTimeout(r, 300));
      if (size === 0 || (await stat(path)).size !== size) continue;
      return { name, text: await readFile(path, 'utf8') };
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`no download in ${folder}`);
}

const outcome = (page: TestPage, name: string) =>
  page.text(`[data-testid=import-report] .counts [data-outcome=${name}]`);

for (const launch of [launchChromium, launchFirefox]) {
  describe(`${launch.name.replace('launch', '')}: import formats and export names`, () => {
    let browser: TestBrowser;
    let dashboard: TestPage;
    before(async () => {
      browser = await launch();
      dashboard = await browser.newPage(`${browser.extensionOrigin}/dashboard.html`);
      await dashboard.waitFor(() => !!document.querySelector('input[name=import]'), null);
    });
    after(async () => {
      await browser?.close();
    });

    it('imports Hypothesis’s own export (the API’s rows), saying what it could not keep', async () => {
      await dashboard.upload('input[name=import]', join(IMPORTS, 'hypothesis-api-rows.json'));
      await dashboard.waitFor(() => !!document.querySelector('[data-testid=import-report]'), null);
      assert.equal(await outcome(dashboard, 'imported'), '1 imported');
      assert.equal(await outcome(dashboard, 'rejected'), '2 rejected');
      const [row, ...more] = await readStore<AnnotationRow>(dashboard, 'annotations');
      assert.deepEqual(more, []);
      assert.equal(row!.id, 'https://hypothes.is/a/kY3rC1bXEe-abc123');
      assert.equal(row!.target.selector.quote.exact, 'هجوم على حقل العمر');
      assert.deepEqual(row!.body.tags, ['دير الزور', 'هجمات']);
      assert.equal(row!.created, Date.parse('2024-02-11T17:03:21.481Z'));
    });

    it('names a CSV export chosen by mistake for what it is, and imports nothing', async () => {
      await dashboard.upload('input[name=import]', join(IMPORTS, 'rasid-export.csv'));
      await dashboard.waitFor(() => !!document.querySelector('[data-testid=import-error]'), null);
      assert.equal(
        await dashboard.text('[data-testid=import-error]'),
        'Nothing was imported: Rasid imports JSON-LD (W3C or Hypothesis annotations); this is a CSV file.',
      );
      assert.equal((await readStore<AnnotationRow>(dashboard, 'annotations')).length, 1);
    });

    it('names an export of everything “all” and the day', async () => {
      await setField(dashboard, 'fieldset.export select[name=format]', 'csv');
      await dashboard.evaluate(() =>
        (document.querySelector('fieldset.export .export-button') as HTMLButtonElement).click(),
      );
      const name = `rasid-all-${new Date().toISOString().slice(0, 10)}.csv`;
      // The name the reader is told, and the one the browser was asked to save under (Playwright keeps
      // Chromium's downloads under ids of its own, so the folder cannot tell).
      await dashboard.waitFor(
        () => document.querySelector('[data-testid=export-status]')?.getAttribute('role') === 'status',
        null,
      );
      assert.match(
        (await dashboard.text('[data-testid=export-status]')) ?? '',
        new RegExp(name.replaceAll('.', '\\.'), 'u'),
      );
      const file = await nextDownload(browser.downloads);
      if (browser.name === 'firefox') assert.equal(file.name, name);
      assert.ok(file.text.includes('هجوم على حقل العمر'));
    });

    it('logs no errors on pages and extension pages', () => assert.deepEqual(browser.errors, []));
  });
}
