import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../../e2e/support/launch-chromium.ts';
import { CHROME_BUILD, CHROMIUM_PATH } from '../../e2e/support/paths.ts';
import type { ReaderTimings } from '../../lib/model/page.ts';
import { bundleForPage } from './bundle.ts';
import { finishedReaderState } from './extension-timings.ts';
import { tabIdOf } from '../../e2e/support/extension.ts';
import type { TestPage } from '../../e2e/support/test-browser.ts';

/**
 * Part 6 of `npm run bench:page` (issue #16): what a reader waits for, start-up included, in real
 * Chromium with real extensions, side by side in one run —
 * - **none**: no extension;
 * - **floor**: a minimal extension whose content script clones the page, runs Readability and walks
 *   the article's text (`floor-entry.ts`): the least any article reader pays;
 * - **Rasid**: the built extension (.output/chrome-mv3), from its loader's start to the known names
 *   painted, as the reader itself reports it (`ReaderTimings`);
 * - **empty** (pages that are not Arabic only): an extension whose content script only looks at the
 *   page (`LOOK`: its lang, dir and first text node): what any content script that must look costs a
 *   page (its isolated world, the DOM's wrappers in it), the least Rasid's loader can cost.
 * On pages that are not Arabic: the load event, the main thread's script time per visit (CDP
 * `Performance.getMetrics`, the pages have no script of their own) and the JS heap, with Rasid and
 * without. Each browser settles (3 s, then one load of each page, discarded) before the first round.
 */

/** `before`: another build of Rasid (`BENCH_BASELINE`), measured beside this one in the same rounds. */
/**
 * `rasid`: Rasid on a site where it has read an Arabic page before (the bench's own, 127.0.0.1, read in
 * the warm-up), where its reader starts by itself; `first`: the same build on a site it never read,
 * every visit a host of its own (`v1.localhost`, `v2.localhost`…: loopback in both browsers), where the
 * loader decides and the background injects the reader.
 */
export type Variant = 'none' | 'empty' | 'floor' | 'rasid' | 'first' | 'before';
export const VARIANTS: readonly Variant[] = ['none', 'empty', 'floor', 'rasid', 'first'];

/** Rasid's build, on a site read before or not. */
export const isRasid = (variant: Variant): boolean => variant === 'rasid' || variant === 'first';

let freshHosts = 0;
/** Where `variant` visits `url`: for `first`, on a host never visited before. */
export const addressFor = (variant: Variant, url: string): string =>
  variant === 'first' ? url.replace('//127.0.0.1:', `//v${++freshHosts}.localhost:`) : url;

export interface StartupPage {
  label: string;
  url: string;
  arabic: boolean;
}

export interface Visit {
  /** `loadEventEnd`, ms from navigation start. */
  load: number;
  /** `domContentLoadedEventEnd`, ms from navigation start. */
  ready: number;
  /** The main thread's script time during the visit (all worlds: the pages have none of their own). */
  scriptMs: number;
  /** The main thread's busy time during the visit. */
  taskMs: number;
  /** JS heap in use after the visit (bytes). */
  heap: number;
  /** Arabic pages, floor and Rasid: from the content script's start to its work done (names painted). */
  startToDoneMs?: number;
  /** The same, from the navigation's start: when the script started, when its work was done. */
  startAtMs?: number;
  doneAtMs?: number;
  /** Rasid: the longest stretch of its own work, as it measured it. */
  longestTaskMs?: number;
  /** Rasid: from the loader's start to the reader's (the background injecting it, its bundle compiled). */
  injectMs?: number;
  /** Rasid: from the reader's start to its read's (the settings). */
  sessionMs?: number;
  /** Rasid: the wait for the article (Readability in the background). */
  extractMs?: number;
  /** Rasid: from the reader's start until the settings answered. */
  settingsMs?: number;
  /** Rasid: from the article found to its names spotted (in the background: the round trip included). */
  spotWaitMs?: number;
  /** The longest task the page observed (any cause), ms. */
  longestPageTaskMs: number;
}

interface Launched {
  context: BrowserContext;
  /** Rasid: its side panel's page, from which its content script is asked for its timings. */
  panel: TestPage | null;
  close(): Promise<void>;
}

const FLOOR_MANIFEST = {
  name: 'bench floor',
  version: '1.0',
  content_scripts: [{ matches: ['http://127.0.0.1/*'], js: ['floor.js'], run_at: 'document_idle' }],
};

/** The `empty` variant's content script: it looks at the page, as a loader must, and does nothing. */
export const LOOK = `document.documentElement.getAttribute('lang');
document.body.getAttribute('dir');
document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT).nextNode();
`;

/**
 * An extension folder: the floor's manifest, its one content script as `floor.js`; version 2 for
 * Firefox, as Rasid's Firefox build is (`startup-firefox.ts`).
 */
export async function extensionOf(name: string, script: string, manifestVersion: 2 | 3 = 3): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `rasid-bench-${name}-`));
  await writeFile(
    join(dir, 'manifest.json'),
    JSON.stringify({ ...FLOOR_MANIFEST, manifest_version: manifestVersion, name: `bench ${name}` }),
  );
  await writeFile(join(dir, 'floor.js'), script);
  return dir;
}

/** The test-only extensions: the floor, and the empty content script. */
interface Extensions {
  floor: string;
  empty: string;
}

/** The smallest `TestPage` the reader's timings need: `evaluate` in the panel's page. */
const asTestPage = (page: Page): TestPage =>
  ({ evaluate: (fn: never, arg: never) => page.evaluate(fn, arg) }) as unknown as TestPage;

async function launch(variant: Variant, dirs: Extensions, baseline?: string): Promise<Launched> {
  const profile = await mkdtemp(join(tmpdir(), `rasid-bench-${variant}-`));
  const extension = isRasid(variant)
    ? CHROME_BUILD
    : variant === 'before'
      ? baseline!
      : variant === 'floor' || variant === 'empty'
        ? dirs[variant]
        : null;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale: 'ar',
    viewport: { width: 1280, height: 900 },
    ...(extension ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
    args: [
      ...CHROMIUM_FLAGS,
      ...(extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []),
    ],
  });
  let panel: TestPage | null = null;
  if (isRasid(variant) || variant === 'before') {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = await context.newPage();
    await page.goto(`chrome-extension://${new URL(worker.url()).host}/sidepanel.html`);
    panel = asTestPage(page);
  }
  // Let the browser's own start-up work (about a second of CPU) pass; Rasid's welcome tab closes.
  await new Promise((r) => setTimeout(r, 3000));
  for (const page of context.pages()) if (!page.url().endsWith('/sidepanel.html')) await page.close();
  return {
    context,
    panel,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

type Cdp = Awaited<ReturnType<BrowserContext['newCDPSession']>>;
const metricsOf = async (cdp: Cdp) => {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { script: value('ScriptDuration'), task: value('TaskDuration'), heap: value('JSHeapUsedSize') };
};

/** What Rasid's reader timed of its wait on an Arabic page (`Visit`'s fields of it), in either browser. */
export type ReaderWaits = Pick<
  Visit,
  | 'startToDoneMs'
  | 'startAtMs'
  | 'doneAtMs'
  | 'longestTaskMs'
  | 'injectMs'
  | 'sessionMs'
  | 'extractMs'
  | 'settingsMs'
  | 'spotWaitMs'
>;

export function readerWaits(t: ReaderTimings): ReaderWaits {
  const since = (at: number | undefined) =>
    at === undefined || t.readerStartedAt === undefined ? undefined : at - t.readerStartedAt;
  const settingsMs = since(t.settingsAt);
  return {
    startToDoneMs: (t.startedAt ?? NaN) + (t.knownPaintedAt ?? NaN) - (t.loaderStartedAt ?? NaN),
    startAtMs: t.loaderStartedAt ?? NaN,
    doneAtMs: (t.startedAt ?? NaN) + (t.knownPaintedAt ?? NaN),
    longestTaskMs: t.longestTaskMs,
    injectMs: (t.readerStartedAt ?? NaN) - (t.loaderStartedAt ?? NaN),
    sessionMs: (t.startedAt ?? NaN) - (t.readerStartedAt ?? NaN),
    extractMs: t.extractMs,
    ...(settingsMs === undefined ? {} : { settingsMs }),
    ...(t.spottedAt === undefined ? {} : { spotWaitMs: t.spottedAt - t.extractMs }),
  };
}

/** In the page: its load event's end and its DOMContentLoaded's, from the navigation's start. */
export const navigationTimes = (): { load: number; ready: number } => {
  const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
  return { load: entry.loadEventEnd, ready: entry.domContentLoadedEventEnd };
};

/** In the page, once the floor's script is done: its start and end, as it left them on the page. */
export const floorTimes = (): { start: number; end: number } =>
  JSON.parse(document.documentElement.getAttribute('data-bench-floor')!) as { start: number; end: number };

/** The floor's fields of a `Visit`, from `floorTimes`. */
export const floorWaits = ({ start, end }: { start: number; end: number }): ReaderWaits => ({
  startToDoneMs: end - start,
  startAtMs: start,
  doneAtMs: end,
});

/** One fresh tab's visit of `page` in a launched browser. */
async function visit(launched: Launched, variant: Variant, page: StartupPage): Promise<Visit> {
  const { context, panel } = launched;
  const tab = await context.newPage();
  const url = addressFor(variant, page.url);
  // One session for the whole visit: the metrics are the tab's since it was enabled.
  const cdp = await context.newCDPSession(tab);
  try {
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const response = await tab.goto(url, { waitUntil: 'load', timeout: 120_000 });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status() ?? 'nothing'}`);
    await tab.evaluate(() => {
      const w = window as unknown as { benchLongest: number };
      w.benchLongest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.benchLongest = Math.max(w.benchLongest, e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    let found: ReaderWaits = {};
    if (page.arabic && (isRasid(variant) || variant === 'before') && panel) {
      const tabId = await tabIdOf(panel, url);
      const { timings } = await finishedReaderState(panel, tabId, 120_000);
      found = readerWaits(timings as ReaderTimings);
    } else if (page.arabic && variant === 'floor') {
      await tab.waitForFunction(() => document.documentElement.hasAttribute('data-bench-floor'), null, {
        timeout: 120_000,
      });
      found = floorWaits(await tab.evaluate(floorTimes));
    }
    // What follows the load (Rasid's loader, the floor's script) has had its turn.
    await new Promise((r) => setTimeout(r, 1000));
    const metrics = await metricsOf(cdp);
    const longest = await tab.evaluate(() => (window as unknown as { benchLongest: number }).benchLongest);
    return {
      ...(await tab.evaluate(navigationTimes)),
      scriptMs: metrics.script * 1000,
      taskMs: metrics.task * 1000,
      heap: metrics.heap,
      longestPageTaskMs: longest,
      ...found,
    };
  } finally {
    await cdp.detach().catch(() => undefined);
    await tab.close();
  }
}

/**
 * Every page with every variant, in interleaved rounds (each variant sees the machine's drift), after
 * one discarded warm-up visit of each. `visits[variant][page label]`.
 */
export async function measureStartup(
  pages: readonly StartupPage[],
  rounds: number,
  floorEntry: string,
  progress: (message: string) => void,
  baseline?: string,
): Promise<{ version: string; visits: Record<Variant, Record<string, Visit[]>> }> {
  const dirs: Extensions = {
    floor: await extensionOf('floor', await bundleForPage(floorEntry)),
    empty: await extensionOf('empty', LOOK),
  };
  const variants: readonly Variant[] = baseline ? [...VARIANTS, 'before'] : VARIANTS;
  // The empty content script tells only what a page that is not Arabic pays.
  const visited = (variant: Variant, page: StartupPage) => variant !== 'empty' || !page.arabic;
  const launched = {} as Record<Variant, Launched>;
  const visits = { none: {}, empty: {}, floor: {}, rasid: {}, first: {}, before: {} } as Record<
    Variant,
    Record<string, Visit[]>
  >;
  try {
    for (const variant of variants) launched[variant] = await launch(variant, dirs, baseline);
    const version = launched.none.context.browser()?.version() ?? 'Chromium';
    for (const variant of variants)
      for (const page of pages) if (visited(variant, page)) await visit(launched[variant], variant, page);
    for (let round = 0; round < rounds; round++) {
      progress(`start-up: round ${round + 1}/${rounds}`);
      for (const page of pages)
        for (const variant of variants)
          if (visited(variant, page))
            (visits[variant][page.label] ??= []).push(await visit(launched[variant], variant, page));
    }
    return { version, visits };
  } finally {
    for (const variant of variants) await launched[variant]?.close();
    for (const dir of Object.values(dirs)) await rm(dir, { recursive: true, force: true });
  }
}

const ENGLISH_PARAGRAPH =
  'The committee met on Tuesday to review the quarterly figures, and members agreed that the new ' +
  'schedule for the regional offices should be published before the end of the month, after a ' +
  'final reading by the board and a short consultation with the staff who will carry it out. ';

/** An English page of about `bytes` bytes of article text, with light boilerplate, no script. */
export function englishPage(bytes: number): string {
  const paragraphs = Math.max(1, Math.round(bytes / ENGLISH_PARAGRAPH.length));
  const body = Array.from({ length: paragraphs }, (_, i) => `<p>${i + 1}. ${ENGLISH_PARAGRAPH}</p>`).join(
    '\n',
  );
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Quarterly review</title></head>
<body><header><nav><a href="#">Home</a> <a href="#">News</a></nav></header>
<main><article><h1>Quarterly review</h1>${body}</article></main><footer>About us</footer></body></html>`;
}
