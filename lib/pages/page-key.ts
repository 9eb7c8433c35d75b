import { pageIdentity, siteHost } from './page-identity.ts';

/**
 * The key a page is stored under: its identity (`page-identity.ts`: canonical link, tracking
 * parameters, AMP and mobile variants), so that every link to an article reaches the same row and the
 * same annotations. A saved page opened from disk is its path.
 */
export function pageKey(url: string, canonical?: string | null): string {
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    u.hash = '';
    return u.href;
  }
  return pageIdentity(url, canonical);
}

/** The site a page belongs to: its host without `www.`, `m.`, `amp.`…; `file` for saved pages. */
export function siteOf(url: string): string {
  const u = new URL(url);
  return u.protocol === 'file:' ? 'file' : siteHost(u.host);
}
