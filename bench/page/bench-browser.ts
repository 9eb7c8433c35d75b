import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../../e2e/support/launch-chromium.ts';
import { CHROMIUM_PATH } from '../../e2e/support/paths.ts';
import type { RunRequest, RunResult } from './protocol.ts';

export interface BenchBrowser {
  version: string;
  /** Loads `url` in a fresh tab, runs one method in it, closes the tab. */
  measure(url: string, request: RunRequest): Promise<RunResult>;
  close(): Promise<void>;
}

/**
 * Headless Chromium without the extension, with mark.js and the benchmark bundle added to every
 * document as init scripts: they run before the page's own content exists and add no element, so the
 * page every method sees is the served HTML, untouched.
 */
export async function openBenchBrowser(initScripts: readonly string[]): Promise<BenchBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
  for (const content of initScripts) await context.addInitScript({ content });
  return {
    version: browser.version(),
    async measure(url, request) {
      // A fresh tab and load for every measurement: mark.js rewrites the DOM it marks.
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      try {
        await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
        return await page.evaluate((r) => window.rasidBench.run(r), request);
      } catch (e) {
        throw new Error(`${request.method} on ${url} failed: ${String(e)} ${errors.join('; ')}`, {
          cause: e,
        });
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}
