/**
 * One identity per page, whatever link brought the reader there (issue #5). The rules, one test row
 * each in `page-identity.test.ts`:
 * - the page's canonical link (`<link rel="canonical">`) is preferred when it is an http(s) URL on the
 *   same site (a cross-site canonical — a republisher pointing at the original — is ignored: the text,
 *   and so the annotations' anchors, differ);
 * - the fragment goes (`#comments`);
 * - tracking parameters go: `utm_*`, `fbclid`, `gclid`, `dclid`, `gbraid`, `wbraid`, `msclkid`,
 *   `yclid`, `igshid`, `mc_cid`, `mc_eid`, `_ga`, `_gl`, `ref_src`, `s_cid`, `cmpid`, `ocid`, `xtor`;
 * - AMP and mobile variants fold into the page: hosts `www.`, `m.`, `mobile.`, `amp.` are dropped; an
 *   `amp` path segment at the start or end, an `.amp` before the extension, and `amp`/`outputType=amp`
 *   parameters go;
 * - http and https are one page; the host is lower case; a trailing slash (except the root's) goes;
 *   the remaining parameters are sorted.
 */

const TRACKING =
  /^(?:utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|ref_src|s_cid|cmpid|ocid|xtor)$/iu;
const VARIANT_HOST = /^(?:www|m|mobile|amp)\./iu;

/** The site part of a host: without `www.`, `m.`, `mobile.`, `amp.`. */
export function siteHost(host: string): string {
  let h = host.toLowerCase();
  while (VARIANT_HOST.test(h)) h = h.replace(VARIANT_HOST, '');
  return h;
}

/** The identity of the page at `url`, given its canonical link if it has one. */
export function pageIdentity(url: string, canonical?: string | null): string {
  const page = new URL(url);
  let chosen = page;
  if (canonical) {
    try {
      const c = new URL(canonical, page);
      if (/^https?:$/u.test(c.protocol) && siteHost(c.host) === siteHost(page.host)) chosen = c;
    } catch {
      // A malformed canonical link is the page's problem, not the reader's: the URL itself serves.
    }
  }
  const u = new URL(chosen.href);
  u.protocol = 'https:';
  u.hash = '';
  u.host = siteHost(u.host);
  u.pathname = foldAmpPath(u.pathname);
  const params = [...u.searchParams].filter(([k, v]) => !TRACKING.test(k) && !isAmpParam(k, v));
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = new URLSearchParams(params).toString();
  return u.href;
}

const isAmpParam = (key: string, value: string) =>
  (key.toLowerCase() === 'amp' && (value === '' || value === '1' || value === 'true')) ||
  (key.toLowerCase() === 'outputtype' && value.toLowerCase() === 'amp');

function foldAmpPath(path: string): string {
  let p = path.replace(/\.amp(\.[a-z0-9]+)$/iu, '$1');
  const segments = p.split('/');
  if (segments[1]?.toLowerCase() === 'amp') segments.splice(1, 1);
  const last = segments.length - 1 - (segments[segments.length - 1] === '' ? 1 : 0);
  if (last > 0 && segments[last]?.toLowerCase() === 'amp') segments.splice(last, 1);
  p = segments.join('/') || '/';
  return p.length > 1 ? p.replace(/\/+$/u, '') || '/' : p;
}

/**
 * The address Rasid keeps of a page it read (issue #12): as the reader opened it, less what only
 * tracks them — the fragment and the tracking parameters — so that neither is stored nor exported.
 * Parameters the page needs stay, in their order; an address that is not a URL is returned as it is.
 */
export function keptAddress(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  u.hash = '';
  const params = [...u.searchParams].filter(([k]) => !TRACKING.test(k));
  u.search = params.length ? new URLSearchParams(params).toString() : '';
  return u.href;
}
