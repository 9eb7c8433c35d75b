/**
 * One small interface over the two drivers: playwright-core for Chromium and puppeteer-core
 * (WebDriver BiDi) for Firefox, whose Playwright build would need a patched Firefox.
 */
export interface TestPage {
  url(): string;
  goto(url: string): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Resolves when `fn(arg)` is truthy in the page; rejects after `timeoutMs`. */
  waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs?: number): Promise<void>;
  /** `textContent` of the first match, or null. */
  text(selector: string): Promise<string | null>;
  screenshot(path: string, fullPage?: boolean): Promise<void>;
  /** A real mouse click at viewport coordinates. */
  click(x: number, y: number): Promise<void>;
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
