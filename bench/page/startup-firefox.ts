import { rm } from 'node:fs/promises';
import puppeteer, { type Browser } from 'puppeteer-core';
import { tabIdOf } from '../../e2e/support/extension.ts';
import { launchFirefox } from '../../e2e/support/launch-firefox.ts';
import { FIREFOX_PATH } from '../../e2e/support/paths.ts';
import type { TestBrowser, TestPage } from '../../e2e/support/test-browser.ts';
import type { ReaderTimings } from '../../lib/model/page.ts';
import { bundleForPage } from './bundle.ts';
import { finishedReaderState } from './extension-timings.ts';
import {
  extensionOf,
  addressFor,
  floorTimes,
  floorWaits,
  isRasid,
  navigationTimes,
  LOOK,
  readerWaits,
  VARIANTS,
  type ReaderWaits,
  type StartupPage,
  type Variant,
} from './startup.ts';

/**
 * Part 6 of `npm run bench:page` in Firefox (issue #16: its goals are ratios in Chromium and Firefox):
 * Debian's Firefox ESR driven by Puppeteer over WebDriver BiDi, the same pages and variants as in
 * Chromium (`startup.ts`): none, the floor, the empty content script, and Rasid's Firefox build
 * (.output/firefox-mv2), each a temporary add-on of its own browser. Firefox gives no script time or
 * heap per tab over BiDi, nor long tasks to a page: measured here are the load event of every page,
 * and on Arabic pages the floor's and Rasid's own start → done, with Rasid's timings of its wait.
 */

/** One visit in Firefox: its load event, and on Arabic pages what the floor or Rasid timed. */
export type FirefoxVisit = { load: number; ready: number } & ReaderWaits;

/** What a visit needs of a tab, whichever way the browser was launched. */
interface Tab {
  goto(url: string): Promise<void>;
  evaluate<R>(fn: () => R): Promise<Awaited<R>>;
  waitFor(fn: () => unknown): Promise<void>;
  close(): Promise<void>;
}

interface Launched {
  newTab(): Promise<Tab>;
  /** Rasid: one of its pages, from which its content script is asked for its timings. */
  panel: TestPage | null;
  version: string;
  close(): Promise<void>;
}

const TIMEOUT = 120_000;

function tabOf(browser: Browser): () => Promise<Tab> {
  return async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(TIMEOUT);
    return {
      goto: async (url) => void (await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT })),
      evaluate: (fn) => page.evaluate(fn),
      waitFor: async (fn) => void (await page.waitForFunction(fn, { timeout: TIMEOUT, polling: 50 })),
      close: () => page.close(),
    };
  };
}

/** Firefox with no add-on, or with one of the test-only ones installed. */
async function launchPlain(extension: string | null): Promise<Launched> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'intl.locale.requested': 'ar',
      'intl.accept_languages': 'ar',
      'network.captive-portal-service.enabled': false,
      'app.update.enabled': false,
    },
  });
  if (extension) await browser.installExtension(extension);
  return {
    newTab: tabOf(browser),
    panel: null,
    version: await browser.version(),
    close: () => browser.close(),
  };
}

/** Firefox with Rasid's build, as the end-to-end tests launch it, and its options page open. */
async function launchRasid(): Promise<Launched> {
  const browser: TestBrowser = await launchFirefox({ lang: 'ar' });
  const panel = await browser.newPage(`${browser.extensionOrigin}/options.html`);
  return {
    async newTab() {
      const page = await browser.newPage();
      return {
        goto: (url) => page.goto(url),
        evaluate: (fn) => page.evaluate(fn) as never,
        waitFor: (fn) => page.waitFor(fn, undefined, TIMEOUT),
        close: () => page.close(),
      };
    },
    panel,
    version: 'Firefox',
    close: () => browser.close(),
  };
}

async function visit(launched: Launched, variant: Variant, page: StartupPage): Promise<FirefoxVisit> {
  const tab = await launched.newTab();
  try {
    const url = addressFor(variant, page.url);
    await tab.goto(url);
    let found: ReaderWaits = {};
    if (page.arabic && isRasid(variant) && launched.panel) {
      const tabId = await tabIdOf(launched.panel, url);
      const { timings } = await finishedReaderState(launched.panel, tabId, TIMEOUT);
      found = readerWaits(timings as ReaderTimings);
    } else if (page.arabic && variant === 'floor') {
      await tab.waitFor(() => document.documentElement.hasAttribute('data-bench-floor'));
      found = floorWaits(await tab.evaluate(floorTimes));
    }
    // What follows the load (Rasid's loader, the floor's script) has had its turn.
    await new Promise((r) => setTimeout(r, 1000));
    return { ...(await tab.evaluate(navigationTimes)), ...found };
  } finally {
    await tab.close();
  }
}

/**
 * Every page with every variant in Firefox, in interleaved rounds after one discarded visit of each
 * (each browser settles 3 s first). `visits[variant][page label]`.
 */
export async function measureStartupFirefox(
  pages: readonly StartupPage[],
  rounds: number,
  floorEntry: string,
  progress: (message: string) => void,
): Promise<{ version: string; visits: Record<Variant, Record<string, FirefoxVisit[]>> }> {
  const dirs = {
    floor: await extensionOf('ff-floor', await bundleForPage(floorEntry), 2),
    empty: await extensionOf('ff-empty', LOOK, 2),
  };
  const visited = (variant: Variant, page: StartupPage) => variant !== 'empty' || !page.arabic;
  const launched = {} as Record<Variant, Launched>;
  const visits = { none: {}, empty: {}, floor: {}, rasid: {}, first: {}, before: {} } as Record<
    Variant,
    Record<string, FirefoxVisit[]>
  >;
  try {
    for (const variant of VARIANTS)
      launched[variant] = isRasid(variant)
        ? await launchRasid()
        : await launchPlain(variant === 'floor' || variant === 'empty' ? dirs[variant] : null);
    await new Promise((r) => setTimeout(r, 3000));
    for (const variant of VARIANTS)
      for (const page of pages) if (visited(variant, page)) await visit(launched[variant], variant, page);
    for (let round = 0; round < rounds; round++) {
      progress(`start-up in Firefox: round ${round + 1}/${rounds}`);
      for (const page of pages)
        for (const variant of VARIANTS)
          if (visited(variant, page))
            (visits[variant][page.label] ??= []).push(await visit(launched[variant], variant, page));
    }
    return { version: launched.none.version, visits };
  } finally {
    for (const variant of VARIANTS) await launched[variant]?.close();
    for (const dir of Object.values(dirs)) await rm(dir, { recursive: true, force: true });
  }
}
