import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REMOTE_EXTRACTION_CHARS } from '../lib/session/reading.ts';
import { after, before, describe, it } from 'node:test';
import { createTranslator } from '../lib/i18n/i18n.ts';
import { compiledBundledLexicon } from '../lib/lexicon/bundled-lexicon.ts';
import { htmlArticleText } from '../lib/article/read-document.ts';
import { spot } from '../lib/lexicon/spot.ts';
import { openPanelFor, tabIdOf } from './support/extension.ts';
import { serveFolder, type FixtureServer } from './support/fixture-server.ts';
import { ARABIC_PAGES } from './support/fixtures.ts';
import { paintedCounts, paintedMentions, pointOfMention } from './support/highlights.ts';
import { readerAt } from './support/reader-ui.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { launchFirefox } from './support/launch-firefox.ts';
import { PAGES } from './support/paths.ts';

const SEEDS = new URL('../tests/fixtures/seeds', import.meta.url).pathname;
import type { TestBrowser, TestPage } from './support/test-browser.ts';

const en = createTranslator('en');

/** What the CLI finds in a fixture's article: entity → count, and the count per kind. */
function expected(slug: string) {
  const html = readFileSync(`${PAGES}/${slug}/source.html`, 'utf8');
  const counts = new Map<string, number>();
  const kinds = { actor: 0, place: 0 };
  for (const m of spot(htmlArticleText(html), compiledBundledLexicon())) {
    counts.set(m.alias.entity.id, (counts.get(m.alias.entity.id) ?? 0) + 1);
    kinds[m.alias.entity.type]++;
  }
  return { counts, kinds };
}

/** Entity id → count as the panel lists them. */
function panelCounts(panel: TestPage): Promise<Record<string, string>> {
  return panel.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('li[data-entity]')].map((li) => [
        li.getAttribute('data-entity')!,
        li.querySelector('[data-testid=count]')!.getAttribute('title')!,
      ]),
    ),
  );
}

const waitForPaint = (page: TestPage) =>
  page.waitFor(() => (CSS.highlights.get('rasid-actor')?.size ?? 0) > 0, null);

for (const launch of [launchChromium, launchFirefox]) {
  describe(`${launch.name.replace('launch', '')}: highlighting the article`, () => {
    let server: FixtureServer;
    let otherSite: FixtureServer;
    let browser: TestBrowser;
    let large: FixtureServer;
    let largeFolder = '';
    before(async () => {
      server = await serveFolder(PAGES);
      otherSite = await serveFolder(PAGES);
      browser = await launch();
      largeFolder = await mkdtemp(join(tmpdir(), 'rasid-large-page-'));
      large = await serveFolder(largeFolder);
    });
    after(async () => {
      await large?.close();
      if (largeFolder) await rm(largeFolder, { recursive: true, force: true });
      await browser?.close();
      await server?.close();
      await otherSite?.close();
    });

    for (const slug of ARABIC_PAGES) {
      it(`${slug}: every actor and place of the article is highlighted, nothing else, and the panel counts them`, async () => {
        const want = expected(slug);
        const page = await browser.newPage(`${server.origin}/${slug}/`);
        await waitForPaint(page);
        const painted = await paintedMentions(page);
        assert.deepEqual(await paintedCounts(page), want.kinds);
        assert.deepEqual(
          painted.filter((m) => !m.inArticle || m.inBoilerplate).map((m) => m.text),
          [],
          'highlights outside the article',
        );
        const panel = await openPanelFor(browser, page.url());
        await panel.waitFor(
          (n) => document.querySelectorAll('li[data-entity]').length === n,
          want.counts.size,
        );
        const listed = await panelCounts(panel);
        assert.deepEqual(
          listed,
          Object.fromEntries([...want.counts].map(([id, n]) => [id, en.t('mentions', { n })])),
        );
        // The toolbar badge: how many distinct actors and places the page names.
        const badge = await panel.evaluate(
          async (tabId) => {
            const api = (
              globalThis as unknown as { browser: { action?: BadgeApi; browserAction?: BadgeApi } }
            ).browser;
            type BadgeApi = { getBadgeText(details: { tabId: number }): Promise<string> };
            return (api.action ?? api.browserAction)!.getBadgeText({ tabId });
          },
          await tabIdOf(panel, page.url()),
        );
        assert.equal(badge, String(want.counts.size));
        await Promise.all([page.close(), panel.close()]);
      });
    }

    it('reads a large page with Readability in the background: the article painted as the CLI reads it, the navigation and footer left alone', async () => {
      // Over REMOTE_EXTRACTION_CHARS of text: the reader sends a snapshot, the background answers.
      const seeds = readdirSync(SEEDS)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .flatMap((f) => readFileSync(`${SEEDS}/${f}`, 'utf8').split('\n'))
        .map((line) => line.trim())
        .filter(Boolean);
      const paragraphs: string[] = [];
      for (let chars = 0, i = 0; chars < REMOTE_EXTRACTION_CHARS * 1.2; i++) {
        const p = seeds[i % seeds.length]!;
        paragraphs.push(`<p>${p.replace(/&/gu, '&amp;').replace(/</gu, '&lt;')}</p>`);
        chars += p.length;
      }
      const html = `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>ملف طويل</title></head>
<body><header><nav><a href="/">دمشق</a> <a href="/">روسيا</a> <a href="/">حلب</a></nav></header>
<article><h1>ملف طويل</h1>${paragraphs.join('\n')}</article>
<footer><a href="/">إيران</a> <a href="/">تركيا</a></footer></body></html>`;
      await writeFile(join(largeFolder, 'source.html'), html);
      const want = { actor: 0, place: 0 };
      for (const m of spot(htmlArticleText(html), compiledBundledLexicon())) want[m.alias.entity.type]++;
      const page = await browser.newPage(`${large.origin}/`);
      await page.waitFor(
        (n) =>
          (CSS.highlights.get('rasid-actor')?.size ?? 0) + (CSS.highlights.get('rasid-place')?.size ?? 0) >=
          n,
        want.actor + want.place,
        60_000,
      );
      const painted = await paintedMentions(page);
      assert.deepEqual(await paintedCounts(page), want);
      assert.deepEqual(
        painted.filter((m) => !m.inArticle || m.inBoilerplate).map((m) => m.text),
        [],
        'highlights outside the article',
      );
      const panel = await openPanelFor(browser, page.url());
      const where = await panel.evaluate(
        async (tabId) => {
          type TabsApi = { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } };
          const api = (globalThis as unknown as { browser: TabsApi }).browser;
          const reply = (await api.tabs.sendMessage(tabId, { type: 'reader/state', payload: {} })) as {
            value?: { timings?: { extractedIn?: string } };
          };
          return reply.value?.timings?.extractedIn;
        },
        await tabIdOf(panel, page.url()),
      );
      assert.equal(where, 'background');
      await Promise.all([page.close(), panel.close()]);
    });

    it('opens a card for a clicked name, with the right entity and counts, and steps through its mentions', async () => {
      const page = await browser.newPage(`${server.origin}/baladi-isis-south-syria/`);
      await waitForPaint(page);
      const count = expected('baladi-isis-south-syria').counts.get('damascus')!;
      // The card is closed to the page: the test sees it as Rasid's panel does (`reader/ui`).
      const panel = await browser.newPage(`${browser.extensionOrigin}/sidepanel.html`);
      const reader = readerAt(page, panel, await tabIdOf(panel, page.url()));
      const point = await pointOfMention(page, 'دمشق');
      assert.ok(point, 'a highlighted دمشق outside links');
      await page.front();
      await page.click(point.x, point.y);
      const card = await reader.waitForUi((ui) => ui.surface === 'card');
      for (const line of ['دمشق', 'Damascus', 'Place · governorate', `Mention 1 of ${count} on this page`])
        assert.ok(card.text.split('\n').includes(line), `the card says ${line}: ${card.text}`);
      assert.deepEqual(
        card.controls.map((c) => c.testId),
        ['close', 'previous', 'next', 'hide', 'spelling-off'],
      );
      // Its "next" button moves to the next mention.
      await reader.click('next');
      await reader.waitForUi((ui) => ui.text.includes(`Mention 2 of ${count} on this page`));
      assert.equal(await page.evaluate(() => CSS.highlights.get('rasid-flash')?.size), 1);
      await Promise.all([page.close(), panel.close()]);
    });

    it('scrolls to and flashes a mention when its entity is clicked in the panel', async () => {
      const page = await browser.newPage(`${server.origin}/kitabat-isis-regroup-syria/`);
      await waitForPaint(page);
      const panel = await openPanelFor(browser, page.url());
      await panel.waitFor(() => !!document.querySelector('li[data-entity=deir-ez-zor] button.entity'), null);
      await panel.evaluate(() =>
        (document.querySelector('li[data-entity=deir-ez-zor] button.entity') as HTMLButtonElement).click(),
      );
      await page.waitFor(() => {
        const flash = CSS.highlights.get('rasid-flash');
        const [r] = flash ?? [];
        if (!r) return false;
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const box = range.getBoundingClientRect();
        return (
          range.toString().replace(/\s+/gu, ' ') === 'دير الزور' && box.top >= 0 && box.bottom <= innerHeight
        );
      }, null);
      await Promise.all([page.close(), panel.close()]);
    });

    it('highlights content added to the article after load, and not content added to the sidebar', async () => {
      const page = await browser.newPage(`${server.origin}/elnashra-deir-ezzor-suicide-bombers/`);
      await waitForPaint(page);
      const before = await paintedMentions(page);
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'وفي تحديث لاحق، وصلت تعزيزات إلى مدينة القامشلي.';
        document.querySelector('article p')!.parentElement!.append(p);
        const side = document.createElement('p');
        side.textContent = 'خبر جانبي عن منبج';
        document.querySelector('aside')!.append(side);
      });
      await page.waitFor(
        (n) => (CSS.highlights.get('rasid-place')?.size ?? 0) > n,
        before.filter((m) => m.kind === 'place').length,
      );
      const texts = (await paintedMentions(page)).map((m) => m.text);
      assert.ok(texts.includes('القامشلي'));
      assert.ok(!texts.includes('منبج'));
      await page.close();
    });

    it('gives a switched-off site nothing, and comes back when it is switched on', async () => {
      const url = `${otherSite.origin}/marsad-west-collusion-isis/`;
      const page = await browser.newPage(url);
      await waitForPaint(page);
      const panel = await openPanelFor(browser, page.url());
      const toggle = (checked: boolean) =>
        panel.evaluate((want) => {
          const box = document.querySelector('input[name=siteEnabled]') as HTMLInputElement | null;
          if (box && box.checked !== want) box.click();
          return !!box;
        }, checked);
      await panel.waitFor(() => !!document.querySelector('input[name=siteEnabled]'), null);
      await toggle(false);
      await page.waitFor(() => !CSS.highlights.has('rasid-actor'), null);
      await page.goto(url);
      // Reloaded: the reader asked for its settings and stayed off.
      await panel.waitFor(
        (text) => document.querySelector('[role=status]')?.textContent === text,
        en.t('siteOff'),
      );
      assert.deepEqual(await paintedCounts(page), { actor: 0, place: 0 });
      await toggle(true);
      await waitForPaint(page);
      await Promise.all([page.close(), panel.close()]);
    });

    it('logs no errors on pages and extension pages', () => {
      assert.deepEqual(browser.errors, []);
    });
  });
}
