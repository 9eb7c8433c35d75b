import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROME_BUILD, CHROMIUM_PATH } from './paths.ts';
import {
  closeFirstRunTab,
  DEFAULT_TIMEOUT,
  FIRST_RUN_PAGE,
  type LaunchOptions,
  type TestBrowser,
  type TestPage,
} from './test-browser.ts';

/** Flags that keep Chromium off the network (this machine has none) and quiet. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function wrap(page: Page, errors: string[]): TestPage {
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()} ${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror ${page.url()}: ${e.message}`));
  page.setDefaultTimeout(DEFAULT_TIMEOUT);
  return {
    url: () => page.url(),
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    evaluate: (fn, arg) => page.evaluate(fn, arg as never),
    async evaluateScript(source, frameUrl) {
      const frame = frameUrl ? page.frames().find((f) => f.url().includes(frameUrl)) : page.mainFrame();
      if (!frame) throw new Error(`no frame at ${frameUrl}`);
      return frame.evaluate(source);
    },
    waitFor: async (fn, arg, timeout = DEFAULT_TIMEOUT) =>
      void (await page.waitForFunction(fn as (arg: unknown) => unknown, arg, { timeout })),
    text: async (selector) =>
      page
        .locator(selector)
        .first()
        .textContent({ timeout: 1000 })
        .catch(() => null),
    screenshot: async (path, fullPage = false) => void (await page.screenshot({ path, fullPage })),
    click: (x, y) => page.mouse.click(x, y),
    hover: (x, y) => page.mouse.move(x, y),
    async drag(x1, y1, x2, y2) {
      await page.mouse.move(x1, y1);
      await page.mouse.down();
      await page.mouse.move(x2, y2, { steps: 8 });
      await page.mouse.up();
    },
    type: (text) => page.keyboard.type(text),
    press: (keys) => page.keyboard.press(keys),
    front: () => page.bringToFront(),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    upload: (selector, file) => page.setInputFiles(selector, file),
    close: () => page.close(),
  };
}

/** Debian's Chromium with the built extension loaded, in a fresh profile. */
export async function launchChromium({
  lang = 'en',
  headless = true,
}: LaunchOptions = {}): Promise<TestBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'rasid-chromium-'));
  const downloads = await mkdtemp(join(tmpdir(), 'rasid-downloads-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    // Headless Chromium answers the save dialog itself: exports land here.
    acceptDownloads: true,
    downloadsPath: downloads,
    headless,
    locale: lang,
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...CHROMIUM_FLAGS,
      `--lang=${lang}`,
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
    ],
  });
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker').catch((e: unknown) => {
      throw new Error(
        'Rasid did not load in Chromium (no service worker). Chromium refuses an extension whose content script is not ' +
          'strict UTF-8 (no U+FFFF); run chromium --enable-logging=stderr --load-extension=.output/chrome-mv3 to see why.',
        { cause: e },
      );
    }));
  const errors: string[] = [];
  const firstRun = await closeFirstRunTab(async () => {
    const page = context.pages().find((p) => new URL(p.url()).pathname === FIRST_RUN_PAGE);
    if (!page) return null;
    const url = page.url();
    await page.close();
    return url;
  });
  // Blank first tab of a persistent context: unused.
  for (const p of context.pages()) await p.close();
  return {
    name: 'chromium',
    // `URL.origin` is "null" for non-special schemes such as chrome-extension:.
    extensionOrigin: `chrome-extension://${new URL(worker.url()).host}`,
    errors,
    firstRun,
    downloads,
    async newPage(url) {
      const page = wrap(await context.newPage(), errors);
      if (url) await page.goto(url);
      return page;
    },
    async restartExtension() {
      const page =
        context.pages().find((p) => p.url().startsWith('chrome-extension:')) ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
      await rm(downloads, { recursive: true, force: true });
    },
  };
}
