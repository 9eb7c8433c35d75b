import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ReaderAliasRow, ReaderEntityRow } from '../lib/model/reader-entity.ts';
import { clickIn, readStore, setField } from './support/extension.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { launchFirefox } from './support/launch-firefox.ts';
import type { TestBrowser, TestPage } from './support/test-browser.ts';

const shown = (page: TestPage, selector: string) =>
  page.waitFor((s) => !!document.querySelector(s), selector);

/** Two good rows, and one of each mistake a reader makes (issue 15 §6). */
const CSV = [
  'name,type,en,spellings',
  'لواء الباقر,actor,Al-Baqir Brigade,الباقر|لواء باقر',
  'روسيا,actor,Russia,',
  ',place,,',
  'مخيم الركبان الجديد,camp,,',
  'لواء  الباقر,actor,,',
  'قرية تل الزهور,place,,',
].join('\r\n');

for (const launch of [launchChromium, launchFirefox]) {
  describe(`${launch.name.replace('launch', '')}: the lexicon page`, () => {
    let browser: TestBrowser;
    let options: TestPage;
    const csvPath = join(tmpdir(), `rasid-names-${process.pid}-${launch.name}.csv`);
    before(async () => {
      browser = await launch();
      options = await browser.newPage(`${browser.extensionOrigin}/options.html`);
      await shown(options, 'input[name=new-name]');
    });
    after(async () => {
      await browser?.close();
      rmSync(csvPath, { force: true });
    });

    it('says why a name cannot be added: empty, and «روسيا», which is Russia, with a way to it', async () => {
      await clickIn(options, 'form.add-entity button[type=submit]');
      await shown(options, '[data-testid=name-problem]');
      assert.equal(await options.text('[data-testid=name-problem]'), 'Write a name first.');
      await setField(options, 'input[name=new-name]', 'رُوسيا', 'input');
      await clickIn(options, 'form.add-entity button[type=submit]');
      await options.waitFor(
        () => document.querySelector('[data-testid=name-problem]')?.getAttribute('data-problem') === 'exists',
        null,
      );
      assert.equal(
        await options.text('[data-testid=name-problem]'),
        'Rasid’s lexicon already has this name: روسيا — Russia. Show it',
      );
      await clickIn(options, '[data-testid=show-existing]');
      await shown(options, 'li[data-bundled=russia]');
      assert.equal((await readStore<ReaderEntityRow>(options, 'entities')).length, 0);
    });

    it('switches a bundled spelling off and on again from the lexicon browser', async () => {
      const spelling = 'li[data-bundled=russia] li[data-spelling="الروس"]';
      await clickIn(options, `${spelling} button.switch`);
      await shown(options, `${spelling}[data-off=true]`);
      const [off] = await readStore<ReaderAliasRow>(options, 'readerAliases');
      assert.deepEqual([off?.entity, off?.text, off?.action], ['russia', 'الروس', 'off']);
      await clickIn(options, `${spelling} button.switch`);
      await shown(options, `${spelling}[data-off=false]`);
      assert.deepEqual(await readStore(options, 'readerAliases'), []);
    });

    it('imports names from CSV: one clear line per bad row, the good rows kept', async () => {
      writeFileSync(csvPath, CSV);
      await options.upload('input[name=import]', csvPath);
      await shown(options, '[data-testid=import-report]');
      const lines = await options.evaluate(() =>
        [...document.querySelectorAll('[data-testid=import-report] li')].map((li) => li.textContent),
      );
      assert.deepEqual(lines, [
        '2 imported',
        '4 rejected',
        'Item 3: already in the lexicon: روسيا — Russia',
        'Item 4: no name',
        'Item 5: the field “type” has a wrong value',
        'Item 6: the same name as line 2',
      ]);
      await options.waitFor(() => document.querySelectorAll('ul.entities > li').length === 2, null);
      const rows = await readStore<ReaderEntityRow>(options, 'entities');
      assert.deepEqual(rows.map((r) => [r.name, r.type, r.en, r.aliases]).sort(), [
        ['قرية تل الزهور', 'place', undefined, undefined],
        ['لواء الباقر', 'actor', 'Al-Baqir Brigade', ['الباقر', 'لواء باقر']],
      ]);
      // The same file again: every name is now the reader's own, and nothing is added twice.
      await options.upload('input[name=import]', csvPath);
      const deadline = Date.now() + 15_000;
      while ((await options.text('[data-testid=import-report] .counts')) !== '6 rejected') {
        if (Date.now() > deadline)
          throw new Error(`the second import said ${await options.text('[data-testid=import-report]')}`);
        await new Promise((r) => setTimeout(r, 150));
      }
      assert.equal((await readStore(options, 'entities')).length, 2);
    });

    it('says a name the reader has already, and deletes an entity only after a confirmation', async () => {
      await setField(options, 'input[name=new-name]', 'لواء الباقر', 'input');
      await clickIn(options, 'form.add-entity button[type=submit]');
      await options.waitFor(
        () =>
          /^You already have this name: لواء الباقر/u.test(
            document.querySelector('[data-testid=name-problem]')?.textContent ?? '',
          ),
        null,
      );
      const entity = 'ul.entities > li:first-child';
      await clickIn(options, `${entity} button.delete`);
      await shown(options, `${entity} button.confirm-delete`);
      await clickIn(options, `${entity} button.cancel`);
      await shown(options, `${entity} button.delete`);
      assert.equal((await readStore(options, 'entities')).length, 2);
      await clickIn(options, `${entity} button.delete`);
      await clickIn(options, `${entity} button.confirm-delete`);
      await options.waitFor(() => document.querySelectorAll('ul.entities > li').length === 1, null);
      assert.equal((await readStore(options, 'entities')).length, 1);
    });

    it('logs no errors', () => {
      assert.deepEqual(browser.errors, []);
    });
  });
}
