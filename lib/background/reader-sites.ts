import { siteHost } from '../pages/page-identity.ts';

/**
 * The sites the reader starts on by itself (issue #16). Once a page of a site has been read as Arabic
 * (`page/report`), the background registers the reader (`scripting.registerContentScripts`, the id
 * below) for that site's pages at `document_end`: there it begins on its own, before the loader would
 * have run, with no round trip through the background and no injection to wait for (80–120 ms of a
 * 20 KB page's wait on this 2-core machine, `npm run bench:page` part 6). Everywhere else the loader
 * decides, as before.
 *
 * One registered script holds every site's pattern; the newest are kept past `READER_SITES_CAP`. A
 * site is only added while the reader keeps a history of what it reads and the site is neither off nor
 * private (the list says which sites were read, like the history does), and it leaves the list when
 * its history is forgotten, when it is made private or switched off, and with every other site when
 * history is switched off.
 */
export const READER_SCRIPT_ID = 'rasid-reader';

/** Sites kept in the registration, the newest: a registration's patterns are checked on every page. */
export const READER_SITES_CAP = 200;

/** The pattern of the pages of `url`'s host, both schemes (patterns take no port); none for other pages. */
export function readerPatternOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname) return undefined;
  return `*://${u.hostname}/*`;
}

/** The patterns once `pattern`'s site has an Arabic page read: undefined when they do not change. */
export function patternsWith(
  current: readonly string[],
  pattern: string,
  cap = READER_SITES_CAP,
): string[] | undefined {
  if (current.includes(pattern)) return undefined;
  return [...current, pattern].slice(-cap);
}

/** The site (as `siteOf` names it, port aside) a pattern of `readerPatternOf` is for. */
const siteOfPattern = (pattern: string) => siteHost(pattern.slice('*://'.length, -'/*'.length));

/**
 * The patterns once `site` (`siteOf`'s name: `lib/pages/page-key.ts`) is forgotten, or every site
 * when `site` is undefined: undefined when they do not change.
 */
export function patternsWithout(current: readonly string[], site?: string): string[] | undefined {
  if (current.length === 0) return undefined;
  if (site === undefined) return [];
  const host = site.replace(/:\d+$/u, '');
  const kept = current.filter((pattern) => siteOfPattern(pattern) !== host);
  return kept.length === current.length ? undefined : kept;
}
