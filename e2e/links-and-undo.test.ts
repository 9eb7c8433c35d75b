import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AnnotationRow } from '../lib/model/annotation.ts';
import type { ReaderAliasRow } from '../lib/model/reader-entity.ts';
import { readStore, tabIdOf } from './support/extension.ts';
import { serveFolder, type FixtureServer } from './support/fixture-server.ts';
import { pointOfMention } from './support/highlights.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { launchFirefox } from './support/launch-firefox.ts';
import { PAGES } from './support/paths.ts';
import { readerAt, selectWithMouse, type Reader } from './support/reader-ui.ts';
import type { TestBrowser, TestPage } from './support/test-browser.ts';

const SLUG = 'kitabat-isis-regroup-syria';
/** Names Russia: a colour would link it. */
const NAMES_RUSSIA = 'إتهمت روسيا والولايات المتحدة';
/** Names no one. */
const NAMES_NO_ONE = 'أشهراً في تحويل الأموال';

/** Is `text` painted as an actor on the page? */
const paintedActor = (page: TestPage, text: string) =>
  page.evaluate((wanted) => {
    const registry = CSS.highlights;
    return [...(registry.get('rasid-actor') ?? [])].some((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString() === wanted;
    });
  }, text);

async function waitPainted(page: TestPage, text: string, wanted: boolean): Promise<void> {
  const deadline = Date.now() + 15_000;
  while ((await paintedActor(page, text)) !== wanted) {
    if (Date.now() > deadline) throw new Error(`${text} painted should be ${wanted}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

for (const launch of [launchChromium, launchFirefox]) {
  describe(`${launch.name.replace('launch', '')}: links shown, found folded, and undone`, () => {
    let server: FixtureServer;
    let browser: TestBrowser;
    let page: TestPage;
    let panel: TestPage;
    let reader: Reader;
    before(async () => {
      server = await serveFolder(PAGES);
      browser = await launch();
      page = await browser.newPage(`${server.origin}/${SLUG}/`);
      await page.waitFor(() => CSS.highlights.has('rasid-actor'), null);
      panel = await browser.newPage(`${browser.extensionOrigin}/sidepanel.html`);
      reader = readerAt(page, panel, await tabIdOf(panel, page.url()));
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });
    const annotations = () => readStore<AnnotationRow>(panel, 'annotations');
    const quoted = async (quote: string) =>
      (await annotations()).find((a) => a.target.selector.quote.exact === quote);

    it('shows the link a colour would save, and saves none once the reader removes it', async () => {
      await selectWithMouse(page, NAMES_RUSSIA);
      const ui = await reader.waitForUi((u) => u.controls.some((c) => c.testId === 'unlink'));
      assert.match(ui.text, /Linked to روسيا — Russia/u);
      await reader.click('unlink');
      await reader.waitForUi((u) => !u.controls.some((c) => c.testId === 'unlink'));
      await reader.click('color-blue');
      const deadline = Date.now() + 15_000;
      while (!(await quoted(NAMES_RUSSIA))) {
        if (Date.now() > deadline) throw new Error('the annotation was not saved');
        await new Promise((r) => setTimeout(r, 150));
      }
      assert.equal((await quoted(NAMES_RUSSIA))?.body.entity, undefined);
    });

    it('finds Russia from «روسيا» in the link field, before “new actor”', async () => {
      await selectWithMouse(page, NAMES_NO_ONE);
      await reader.click('add-note');
      await reader.fill('entity', 'روسيا');
      // The choices that answer «روسيا» itself, not those of a shorter query (the list is busy until then).
      const ui = await reader.waitForUi((u) =>
        u.controls.some(
          (c) =>
            c.testId === 'entity-choice' &&
            !c.busy &&
            u.controls.some((f) => f.testId === 'entity' && f.value === 'روسيا'),
        ),
      );
      const choices = ui.controls.filter((c) => /entity-choice|new-actor|new-place/u.test(c.testId ?? ''));
      assert.equal(choices[0]?.name, 'روسيا — Russia');
      assert.deepEqual(
        choices.slice(-2).map((c) => c.testId),
        ['new-actor', 'new-place'],
      );
      await reader.click('entity-choice');
      await reader.waitForUi((u) => /Linked to روسيا — Russia/u.test(u.text));
      await reader.click('save');
      const deadline = Date.now() + 15_000;
      while ((await quoted(NAMES_NO_ONE))?.body.entity !== 'russia') {
        if (Date.now() > deadline) throw new Error('the annotation was not linked to Russia');
        await new Promise((r) => setTimeout(r, 150));
      }
    });

    it('“Not a name” stops highlighting a spelling, and Undo brings it back', async () => {
      await page.evaluate(() => scrollTo(0, 0));
      const point = await pointOfMention(page, 'داعش');
      assert.ok(point);
      await page.front();
      await page.click(point.x, point.y);
      await reader.click('spelling-off');
      await waitPainted(page, 'داعش', false);
      const ui = await reader.waitForUi((u) => u.controls.some((c) => c.testId === 'undo'));
      assert.match(ui.text, /“داعش” is no longer highlighted, on any page\./u);
      assert.equal((await readStore<ReaderAliasRow>(panel, 'readerAliases')).length, 1);
      await reader.click('undo');
      await waitPainted(page, 'داعش', true);
      assert.deepEqual(await readStore(panel, 'readerAliases'), []);
    });

    it('opens cards on a click only once the reader chose so in the options page', async () => {
      const options = await browser.newPage(`${browser.extensionOrigin}/options.html`);
      const rest = async () => {
        await page.evaluate(() => scrollTo(0, 0));
        const point = await pointOfMention(page, 'داعش');
        assert.ok(point);
        await page.front();
        await page.hover(point.x - 40, point.y - 40);
        await page.hover(point.x, point.y);
        return point;
      };
      // On hover, by default: resting on the name opens its card.
      await rest();
      await reader.waitForUi((u) => u.surface === 'card');
      await reader.click('close');
      await reader.waitForUi((u) => u.surface === null);
      await options.waitFor(() => !!document.querySelector('input[name=hover-cards][value=click]'), null);
      await options.evaluate(() =>
        (document.querySelector('input[name=hover-cards][value=click]') as HTMLInputElement).click(),
      );
      await options.waitFor(
        () => (document.querySelector('input[name=hover-cards][value=click]') as HTMLInputElement).checked,
        null,
      );
      // Every open page hears it; a page loaded now reads it too.
      await page.goto(page.url());
      await page.waitFor(() => CSS.highlights.has('rasid-actor'), null);
      const point = await rest();
      // Three times the hover delay, and no card; a click opens it.
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal((await reader.ui()).surface, null);
      await page.click(point.x, point.y);
      await reader.waitForUi((u) => u.surface === 'card');
      await options.close();
    });

    it('logs no errors on pages and extension pages', () => {
      assert.deepEqual(browser.errors, []);
    });
  });
}
