/**
 * One small interface over the two drivers: playwright-core for Chromium and puppeteer-core
 * (WebDriver BiDi) for Firefox, whose Playwright build would need a patched Firefox.
 */
export interface TestPage {
  url(): string;
  goto(url: string): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * Runs a script's source in the page, or in its first frame whose address contains `frameUrl` (even
   * one inside a closed shadow root: the driver sees every frame), and answers its value, a promise's
   * awaited. Through the driver's protocol, so that an extension page's CSP, which forbids `eval`, does
   * not stop a test tool such as axe-core from being loaded.
   */
  evaluateScript(source: string, frameUrl?: string): Promise<unknown>;
  /** Resolves when `fn(arg)` is truthy in the page; rejects after `timeoutMs`. */
  waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs?: number): Promise<void>;
  /** `textContent` of the first match, or null. */
  text(selector: string): Promise<string | null>;
  screenshot(path: string, fullPage?: boolean): Promise<void>;
  /**
   * The reader's input. Everything below goes through the browser's input pipeline (CDP, WebDriver
   * BiDi), so the page sees trusted events — unlike `.click()` or `dispatchEvent`, which is what a
   * hostile page does, and which Rasid ignores (issue #12).
   */
  /** A real mouse click at viewport coordinates. */
  click(x: number, y: number): Promise<void>;
  /** Moves the mouse to viewport coordinates. */
  hover(x: number, y: number): Promise<void>;
  /** Presses the button at one point, drags to the other, lets go: a selection made with the mouse. */
  drag(x1: number, y1: number, x2: number, y2: number): Promise<void>;
  /** Types text into whatever has focus, as a keyboard would. */
  type(text: string): Promise<void>;
  /** Presses one key, with modifiers: `Escape`, `Alt+Shift+KeyA`, `Control+KeyA`. */
  press(keys: string): Promise<void>;
  /** Makes this tab the one in front (input goes to the focused tab in some browsers). */
  front(): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /** Chooses a file in the first `<input type=file>` matching `selector`, as a reader would. */
  upload(selector: string, file: string): Promise<void>;
  close(): Promise<void>;
}

export interface TestBrowser {
  name: 'chromium' | 'firefox';
  /** `chrome-extension://ID` or `moz-extension://UUID`. */
  extensionOrigin: string;
  newPage(url?: string): Promise<TestPage>;
  /** Console errors and uncaught exceptions from every page opened so far. */
  errors: string[];
  /**
   * The address of the first-run page Rasid opened when it was installed at launch (issue 15), or null
   * when none opened. The launch closes that tab, so that every test starts from the same tabs.
   */
  firstRun: string | null;
  /** Where the browser saves downloads (exports): a fresh folder. */
  downloads: string;
  /**
   * Takes the extension's background away under it, from an extension page: Chromium stops the MV3
   * service worker (what it does to idle workers, and what an update does); Firefox reloads the add-on.
   */
  restartExtension(extensionPage: TestPage): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Browser UI language. */
  lang?: 'en' | 'ar';
  headless?: boolean;
}

export const DEFAULT_TIMEOUT = 15_000;

/** The first-run page's file name (lib/background/first-run.ts). */
export const FIRST_RUN_PAGE = '/welcome.html';

/**
 * Waits for the tab Rasid opens on install (issue 15), closes it and returns its address: `find`
 * answers the open tabs' addresses and closes the matching one. Null after `timeoutMs` without one.
 */
export async function closeFirstRunTab(
  find: () => Promise<string | null>,
  timeoutMs = DEFAULT_TIMEOUT,
): Promise<string | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const url = await find();
    if (url || Date.now() > deadline) return url;
    await new Promise((r) => setTimeout(r, 100));
  }
}
