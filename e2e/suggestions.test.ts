import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openPanelFor } from './support/extension.ts';
import { serveFolder, type FixtureServer } from './support/fixture-server.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { launchFirefox } from './support/launch-firefox.ts';
import type { TestBrowser, TestPage } from './support/test-browser.ts';
import { paintedTexts, waitForPaintedText, clickSuggestion } from './support/painted-text.ts';

/**
 * Suggestions (issue 13 §2) in the built extension: a name the lexicon does not know is painted on its
 * own highlight, listed in the panel, added as an actor from there (and then highlighted as known on
 * another page), or dismissed. The pages are written here, served from a folder of the test's own.
 */

/** A commander and a village no lexicon knows: the recogniser finds both («القائد …», «بلدة …»). */
const PERSON = 'سليم الخطيب';
const VILLAGE = 'كفرنبل';

const FILLER = [
  'وتشهد المنطقة منذ أسابيع توترا متزايدا بين الأطراف المحلية، وسط مخاوف السكان من موجة نزوح جديدة مع اقتراب فصل الشتاء.',
  'وأشار ناشطون إلى أن الطرق الرئيسية بقيت مفتوحة أمام حركة المدنيين، بينما أغلقت المدارس أبوابها مؤقتا حتى إشعار آخر.',
  'ويقول سكان إن الأسعار ارتفعت بشكل ملحوظ خلال الأيام الماضية، وإن المواد الأساسية باتت شحيحة في الأسواق المحلية.',
];

function pageHtml(title: string, paragraphs: readonly string[]): string {
  return `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>${title}</title></head>
<body>
<header><nav><ul><li><a href="#">الرئيسية</a></li><li><a href="#">أخبار</a></li></ul></nav></header>
<article>
<h1>${title}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article>
<aside><h2>الأكثر قراءة</h2><ul><li><a href="#">أسعار الذهب اليوم</a></li><li><a href="#">حالة الطقس غدا</a></li></ul></aside>
<footer><p>جميع الحقوق محفوظة</p></footer>
</body>
</html>
`;
}

const PAGES = {
  first: pageHtml('قائد جديد في ريف إدلب', [
    `وصل القائد ${PERSON} إلى بلدة ${VILLAGE} في ريف إدلب صباح اليوم، بحسب ما أفاد مراسلون محليون.`,
    ...FILLER,
  ]),
  second: pageHtml('تصريحات عن المفاوضات', [
    `وقال ${PERSON} في تصريح صحفي إن المفاوضات مع الأطراف المحلية ما زالت جارية.`,
    ...FILLER,
  ]),
};

/** The panel's suggested names, as listed. */
const listed = (panel: TestPage) =>
  panel.evaluate(() =>
    [...document.querySelectorAll('li[data-suggestion] .ar')].map((el) => el.textContent ?? ''),
  );

for (const launch of [launchChromium, launchFirefox]) {
  describe(`${launch.name.replace('launch', '')}: names Rasid doesn't know yet`, { timeout: 120_000 }, () => {
    let folder: string;
    let server: FixtureServer;
    let browser: TestBrowser;
    before(async () => {
      folder = await mkdtemp(join(tmpdir(), 'rasid-suggestions-'));
      for (const [slug, html] of Object.entries(PAGES)) {
        await mkdir(join(folder, slug));
        await writeFile(join(folder, slug, 'source.html'), html);
      }
      server = await serveFolder(folder);
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      if (folder) await rm(folder, { recursive: true, force: true });
    });

    it('paints a suggestion apart from known names, lists it, adds it as an actor, and dismisses another (with an undo)', async () => {
      const page = await browser.newPage(`${server.origin}/first/`);
      await waitForPaintedText(page, 'suggested', VILLAGE);
      await waitForPaintedText(page, 'suggested', PERSON);
      // Known names keep their own highlight, and no suggestion is one of them.
      const known = [...(await paintedTexts(page, 'actor')), ...(await paintedTexts(page, 'place'))];
      assert.ok(known.includes('إدلب'), `known names: ${known.join('، ')}`);
      for (const s of await paintedTexts(page, 'suggested')) assert.ok(!known.includes(s), `${s} is known`);

      const panel = await openPanelFor(browser, page.url());
      await panel.waitFor((n) => document.querySelectorAll('li[data-suggestion]').length >= n, 2);
      const names = await listed(panel);
      assert.ok(names.includes(PERSON) && names.includes(VILLAGE), `listed: ${names.join('، ')}`);
      assert.match((await panel.text('[data-testid=suggestions] h3')) ?? '', /Names Rasid doesn’t know yet/u);

      // Add as actor: the page reads itself again with the reader's new actor, known now.
      await clickSuggestion(panel, PERSON, 'add-actor');
      await waitForPaintedText(page, 'actor', PERSON);
      assert.ok(!(await paintedTexts(page, 'suggested')).includes(PERSON));
      await panel.waitFor(
        (name) =>
          ![...document.querySelectorAll('li[data-suggestion] .ar')].some((el) => el.textContent === name),
        PERSON,
      );
      // …and on another page that names it, without a suggestion's trigger word.
      const second = await browser.newPage(`${server.origin}/second/`);
      await waitForPaintedText(second, 'actor', PERSON);

      // Not a name: no longer listed, no longer painted.
      await clickSuggestion(panel, VILLAGE, 'dismiss');
      await panel.waitFor(
        (name) =>
          ![...document.querySelectorAll('li[data-suggestion] .ar')].some((el) => el.textContent === name),
        VILLAGE,
      );
      await page.waitFor(
        (name) =>
          ![...(CSS.highlights.get('rasid-suggested') ?? [])].some((r) => {
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            return range.toString() === name;
          }),
        VILLAGE,
      );
      // …for every page, the panel says, with an undo that brings it back (issue 15 §5).
      assert.match((await panel.text('[data-testid=dismissed]')) ?? '', /will not be suggested again/u);
      await panel.evaluate(() => document.querySelector<HTMLButtonElement>('button.undo-dismiss')!.click());
      await waitForPaintedText(page, 'suggested', VILLAGE);
      await panel.waitFor(
        (name) =>
          [...document.querySelectorAll('li[data-suggestion] .ar')].some((el) => el.textContent === name),
        VILLAGE,
      );
      assert.equal(await panel.text('[data-testid=dismissed]'), null);
      assert.deepEqual(browser.errors, []);
    });
  });
}
