/**
 * The key a page is stored under. For now: the URL without its fragment, so `#comments` and the
 * article are one page. The annotate issue (#5) extends this to canonical links and tracking parameters.
 */
export function pageKey(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

/** The site a page belongs to: its host, without a leading `www.`; `file` for saved pages. */
export function siteOf(url: string): string {
  const u = new URL(url);
  return u.protocol === 'file:' ? 'file' : u.host.replace(/^www\./u, '');
}
