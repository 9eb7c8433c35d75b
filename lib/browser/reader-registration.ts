import { browser } from 'wxt/browser';
import { patternsWith, patternsWithout, READER_SCRIPT_ID } from '../background/reader-sites.ts';

/**
 * The reader's registration for the sites it starts on by itself (`lib/background/reader-sites.ts`,
 * issue #16): one script, `READER_SCRIPT_ID`, whose patterns are the browser's to keep (it persists
 * them across restarts and updates, so they are read back from it, never from a copy of ours). Changes
 * go one at a time, each reading what the last one left. A failure (an API the browser lacks, a full
 * profile) leaves the reader to the loader, as on any other site; it is told to `warn`.
 */
export function readerRegistration(file: string, warn: (message: string) => void) {
  const registration = (matches: string[]) => ({
    id: READER_SCRIPT_ID,
    matches,
    js: [file.replace(/^\//u, '')],
    // Before the loader (`document_idle`), which then finds the reader running and stops.
    runAt: 'document_end' as const,
    allFrames: false,
    persistAcrossSessions: true,
  });
  let queue: Promise<void> = Promise.resolve();
  /** The patterns as last read or written (every page read asks to add its site: most are there). */
  let known: ReadonlySet<string> | undefined;
  const change = (next: (current: readonly string[]) => string[] | undefined) => {
    queue = queue
      .then(async () => {
        const [script] = await browser.scripting.getRegisteredContentScripts({ ids: [READER_SCRIPT_ID] });
        const current = script?.matches ?? [];
        known = new Set(current);
        const matches = next(current);
        if (!matches) return;
        known = undefined;
        if (script && matches.length === 0)
          await browser.scripting.unregisterContentScripts({ ids: [READER_SCRIPT_ID] });
        else if (script) await browser.scripting.updateContentScripts([registration(matches)]);
        else if (matches.length > 0) await browser.scripting.registerContentScripts([registration(matches)]);
        known = new Set(matches);
      })
      .catch((error: unknown) => warn(`Rasid: the reader’s sites were not changed: ${String(error)}`));
    return queue;
  };
  return {
    /** The reader starts by itself on the pages of `pattern`'s site from now on. */
    add: (pattern: string) =>
      known?.has(pattern) ? Promise.resolve() : change((current) => patternsWith(current, pattern)),
    /** It no longer does on `site` (`siteOf`'s name), or on any site when `site` is undefined. */
    remove: (site?: string) => change((current) => patternsWithout(current, site)),
    /** After an update: the registration the browser kept runs this version's file, as declared here. */
    refresh: () => change((current) => (current.length > 0 ? [...current] : undefined)),
  };
}
