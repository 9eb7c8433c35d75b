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
