/**
 * `npm run demo [-- FILE|URL] [--lang ar|en] [--headless]`
 *
 * Builds Rasid (npm run demo does), opens Chromium (/usr/bin/chromium or CHROME_PATH) with it loaded
 * on an Arabic news page served from 127.0.0.1 — a seed page by default, or the given .html file or
 * URL — and prints what Rasid found. With a display it leaves the browser open; without one (or with
 * --headless) it saves a screenshot of the page and the panel to artifacts/demo.png and exits.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openPanelFor, tabIdOf, waitForPageRow } from '../e2e/support/extension.ts';
import { serveFolder, type FixtureServer } from '../e2e/support/fixture-server.ts';
import { launchChromium } from '../e2e/support/launch-chromium.ts';
import { ARTIFACTS, PAGES } from '../e2e/support/paths.ts';
import type { TestBrowser, TestPage } from '../e2e/support/test-browser.ts';
import { createTranslator } from '../lib/i18n/i18n.ts';
import type { ReaderState } from '../lib/model/page.ts';
import type { Result } from '../lib/model/result.ts';

/** What the page's reader found, asked from an extension page as the panel asks it. */
async function readerState(panel: TestPage, tabId: number): Promise<ReaderState | null> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const reply = await panel.evaluate(async (id) => {
      const api = (
        globalThis as unknown as {
          browser: { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } };
        }
      ).browser;
      return (await api.tabs
        .sendMessage(id, { type: 'reader/state', payload: {} })
        .catch(() => null)) as Result<ReaderState> | null;
    }, tabId);
    if (reply?.ok && reply.value.timings) return reply.value;
    await new Promise((r) => setTimeout(r, 200));
  }
  return null;
}

const DEFAULT_PAGE = 'baladi-isis-south-syria';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { lang: { type: 'string', default: 'ar' }, headless: { type: 'boolean', default: false } },
});
const lang = values.lang === 'en' ? 'en' : 'ar';
const headless = values.headless || !process.env['DISPLAY'];
const target = positionals[0];

/** Where the page comes from: a fixture slug, a local file (served from its folder), or a URL. */
async function pageUrl(): Promise<{ url: string; server?: FixtureServer }> {
  if (target && /^https?:\/\//u.test(target)) return { url: target };
  if (target && !existsSync(target)) {
    console.error(`demo: no such file: ${target}`);
    process.exit(2);
  }
  if (target) {
    const server = await serveFolder(dirname(resolve(target)));
    return { url: `${server.origin}/${encodeURIComponent(basename(target))}`, server };
  }
  const server = await serveFolder(PAGES);
  return { url: `${server.origin}/${DEFAULT_PAGE}/`, server };
}

/** Page and panel side by side in one picture, as a reader sees them with the side panel open. */
async function sideBySide(
  browser: TestBrowser,
  page: TestPage,
  panel: TestPage,
  path: string,
): Promise<void> {
  const shot = async (p: TestPage, file: string) => {
    await p.screenshot(file);
    return file;
  };
  const pagePng = await shot(page, `${ARTIFACTS}/demo-page.png`);
  await panel.setViewport(400, 900);
  const panelPng = await shot(panel, `${ARTIFACTS}/demo-panel.png`);
  const { readFileSync } = await import('node:fs');
  const dataUrl = (f: string) => `data:image/png;base64,${readFileSync(f).toString('base64')}`;
  const canvas = await browser.newPage();
  await canvas.setViewport(1680, 900);
  await canvas.evaluate(
    ([left, right]) => {
      document.body.style.cssText = 'margin:0;display:flex;background:#888;gap:0';
      for (const src of [left, right]) {
        const img = document.createElement('img');
        img.src = src;
        img.style.cssText = 'display:block;height:900px;border-inline-start:1px solid #555';
        document.body.append(img);
      }
      return Promise.all([...document.images].map((i) => i.decode()));
    },
    [dataUrl(panelPng), dataUrl(pagePng)] as const,
  );
  await canvas.screenshot(path);
  await canvas.close();
}

const { url, server } = await pageUrl();
const browser = await launchChromium({ lang, headless });
try {
  const page = await browser.newPage(url);
  const panel = await openPanelFor(browser, page.url());
  const row = await waitForPageRow(panel, page.url()).catch(() => null);
  const t = createTranslator('en');
  if (!row) {
    console.log(`Rasid found no Arabic article on ${page.url()}.`);
  } else {
    console.log(`Rasid read ${row.url}`);
    console.log(`  title:  ${row.title}`);
    console.log(`  site:   ${row.siteName ?? row.site} (${row.site})`);
    if (row.byline) console.log(`  byline: ${row.byline}`);
    if (row.publishedTime) console.log(`  date:   ${row.publishedTime}`);
    console.log(`  length: ${t.t('words', { n: row.wordCount })}`);
  }
  const state = await readerState(panel, await tabIdOf(panel, page.url()));
  if (state?.entities.length) {
    for (const type of ['actor', 'place'] as const) {
      const list = state.entities.filter((e) => e.type === type);
      console.log(`  ${type === 'actor' ? 'actors' : 'places'} (${list.length}):`);
      for (const e of list)
        console.log(`    ${String(e.count).padStart(3)}×  ${e.ar} — ${e.en} (${e.subtype})`);
    }
    const ms = state.timings!;
    console.log(
      `  time:   Readability ${ms.extractMs.toFixed(1)} ms, spotting ${ms.spotMs.toFixed(1)} ms, painting ${ms.paintMs.toFixed(1)} ms (${ms.chars} characters)`,
    );
  }
  if (browser.errors.length) console.log(`  errors: ${browser.errors.join('\n          ')}`);
  if (headless) {
    mkdirSync(ARTIFACTS, { recursive: true });
    await sideBySide(browser, page, panel, `${ARTIFACTS}/demo.png`);
    console.log(`  screenshot: artifacts/demo.png (panel on the left, page on the right)`);
  } else {
    console.log(
      'The browser stays open: close it to end the demo (the toolbar button opens the side panel).',
    );
    await new Promise<void>((done) => {
      const check = setInterval(async () => {
        if (await panel.evaluate(() => true).catch(() => false)) return;
        clearInterval(check);
        done();
      }, 1000);
    });
  }
} finally {
  await browser.close().catch(() => undefined);
  await server?.close();
}
