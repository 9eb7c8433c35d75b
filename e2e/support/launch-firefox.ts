import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import puppeteer, { type KeyInput, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../lib/gecko-id.ts';
import { FIREFOX_BUILD, FIREFOX_PATH } from './paths.ts';
import {
  closeFirstRunTab,
  DEFAULT_TIMEOUT,
  FIRST_RUN_PAGE,
  type LaunchOptions,
  type TestBrowser,
  type TestPage,
} from './test-browser.ts';

/**
 * Polls `fn(arg)` in the page until it is truthy. Unlike `waitForFunction`, an evaluation that lands
 * while the document is being replaced (BiDi then fails with a protocol error) is retried, not fatal.
 */
async function poll<A>(page: Page, fn: (arg: A) => unknown, arg: A, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      if (await page.evaluate(fn as (arg: unknown) => unknown, arg)) return;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${fn.toString().slice(0, 120)}`, {
    cause: last,
  });
}

function wrap(page: Page, errors: string[]): TestPage {
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') errors.push(`${m.type()} ${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) =>
    errors.push(`pageerror ${page.url()}: ${e instanceof Error ? e.message : String(e)}`),
  );
  page.setDefaultTimeout(DEFAULT_TIMEOUT);
  return {
    url: () => page.url(),
    async goto(url) {
      if (!url.startsWith('moz-extension:')) return void (await page.goto(url, { waitUntil: 'load' }));
      // Puppeteer never sees a moz-extension:// navigation finish (Firefox 153, BiDi): start it, then
      // wait for the document itself.
      void page.goto(url).catch(() => undefined);
      await poll(
        page,
        (target) => location.href === target && document.readyState === 'complete',
        url,
        DEFAULT_TIMEOUT,
      );
    },
    evaluate: (fn, arg) => page.evaluate(fn, arg as never),
    async evaluateScript(source, frameUrl) {
      if (!frameUrl) return page.mainFrame().evaluate(source);
      // A frame's `url()` stays what it was before a moz-extension:// navigation (BiDi, Firefox 153):
      // each frame is asked where it is.
      for (const frame of page.frames()) {
        const href = await frame.evaluate(() => location.href).catch(() => '');
        if (href.includes(frameUrl)) return frame.evaluate(source);
      }
      throw new Error(`no frame at ${frameUrl}`);
    },
    waitFor: (fn, arg, timeout = DEFAULT_TIMEOUT) => poll(page, fn, arg, timeout),
    text: (selector) => page.$eval(selector, (el) => el.textContent).catch(() => null),
    screenshot: async (path, fullPage = false) =>
      void (await page.screenshot({ path: path as `${string}.png`, fullPage })),
    click: (x, y) => page.mouse.click(x, y),
    hover: (x, y) => page.mouse.move(x, y),
    async drag(x1, y1, x2, y2) {
      await page.mouse.move(x1, y1);
      await page.mouse.down();
      await page.mouse.move(x2, y2, { steps: 8 });
      await page.mouse.up();
    },
    type: (text) => page.keyboard.type(text),
    async press(keys) {
      // Puppeteer presses one key at a time: modifiers go down first and up last.
      const parts = keys.split('+') as KeyInput[];
      const key = parts.pop()!;
      for (const modifier of parts) await page.keyboard.down(modifier);
      await page.keyboard.press(key);
      for (const modifier of parts.reverse()) await page.keyboard.up(modifier);
    },
    front: () => page.bringToFront(),
    setViewport: (width, height) => page.setViewport({ width, height }),
    async upload(selector, file) {
      const input = await page.waitForSelector(selector);
      await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
    },
    close: () => page.close(),
  };
}

/** Debian's Firefox ESR with the built extension installed as a temporary add-on. */
export async function launchFirefox({
  lang = 'en',
  headless = true,
}: LaunchOptions = {}): Promise<TestBrowser> {
  // Fixing the moz-extension:// UUID lets tests open extension pages by URL.
  const uuid = randomUUID();
  const downloads = await mkdtemp(join(tmpdir(), 'rasid-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless,
    // WebDriver BiDi refuses to navigate to moz-extension:// pages without it (Firefox 153).
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      'intl.locale.requested': lang,
      'intl.accept_languages': lang,
      // Offline machine: no update checks, telemetry or captive-portal probes.
      'network.captive-portal-service.enabled': false,
      'app.update.enabled': false,
      // Exports land in a folder the test reads, without a dialog (no one is there to answer it).
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  const errors: string[] = [];
  // Puppeteer does not see where a tab the extension opened has gone (BiDi, Firefox 153): the tabs are
  // asked from one of Rasid's pages, which closes the first-run tab itself.
  const helper = wrap(await browser.newPage(), errors);
  await helper.goto(`moz-extension://${uuid}/options.html`);
  const firstRun = await closeFirstRunTab(() =>
    helper.evaluate(async (path) => {
      type Tab = { id?: number; url?: string };
      type TabsApi = { tabs: { query(q: object): Promise<Tab[]>; remove(id: number): Promise<void> } };
      const { tabs } = (globalThis as unknown as { browser: TabsApi }).browser;
      const tab = (await tabs.query({})).find((t) => t.url && new URL(t.url).pathname === path);
      if (tab?.id === undefined) return null;
      await tabs.remove(tab.id);
      return tab.url!;
    }, FIRST_RUN_PAGE),
  );
  await helper.close();
  return {
    name: 'firefox',
    extensionOrigin: `moz-extension://${uuid}`,
    errors,
    firstRun,
    downloads,
    async newPage(url) {
      const page = wrap(await browser.newPage(), errors);
      if (url) await page.goto(url);
      return page;
    },
    async restartExtension(extensionPage) {
      await extensionPage
        .evaluate(() =>
          setTimeout(
            () =>
              (
                globalThis as unknown as { browser: { runtime: { reload(): void } } }
              ).browser.runtime.reload(),
            0,
          ),
        )
        .catch(() => undefined);
    },
    async close() {
      await browser.close();
      await rm(downloads, { recursive: true, force: true });
    },
  };
}
