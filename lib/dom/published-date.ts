import { parseMachineDate, parseTextDate, type PublishedDate } from '../pages/publication-date.ts';

/**
 * Where a page says when its article was published, most trusted first (issue 14). Each place is read
 * by the pure parsers of `lib/pages/publication-date.ts`; the first plausible date wins.
 */
const META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[property="og:published_time"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.created"]',
].join(', ');

/** `<time>` elements that say the article's date, the article's own before any other on the page. */
const TIMES = ['article time', '[itemprop="datePublished"]', 'main time', 'time'];

/** How many `<time>` and date-like elements are looked at: a page of comments has hundreds. */
const MAX_TIMES = 20;

/** `datePublished` of JSON-LD: an object, an array of them, or a `@graph` — at any depth, capped. */
function jsonLdDates(value: unknown, out: string[], depth = 0): void {
  if (depth > 6 || out.length > 10 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) jsonLdDates(item, out, depth + 1);
    return;
  }
  const record = value as Record<string, unknown>;
  const date = record['datePublished'];
  for (const d of Array.isArray(date) ? date : [date]) if (typeof d === 'string') out.push(d);
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'hasPart'])
    if (key in record) jsonLdDates(record[key], out, depth + 1);
}

/**
 * The article's publication date, as a day (`YYYY-MM-DD`) or an instant (ISO, UTC), or null when the
 * page gives none that is plausible (not before 1990, not after `now`). `readability`: the date
 * Readability read (its `publishedTime`), tried first.
 */
export function publishedDate(
  doc: Document,
  readability: string | null | undefined,
  now: number,
): PublishedDate | null {
  const machine = (value: string | null | undefined) => (value ? parseMachineDate(value, now) : null);
  const fromReadability = machine(readability);
  if (fromReadability) return fromReadability;
  for (const meta of doc.querySelectorAll(META)) {
    const found = machine(meta.getAttribute('content'));
    if (found) return found;
  }
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const dates: string[] = [];
    try {
      jsonLdDates(JSON.parse(script.textContent ?? ''), dates);
    } catch {
      continue; // A page's broken JSON-LD says nothing.
    }
    for (const d of dates) {
      const found = machine(d);
      if (found) return found;
    }
  }
  const seen = new Set<Element>();
  const times: Element[] = [];
  for (const selector of TIMES)
    for (const el of doc.querySelectorAll(selector))
      if (times.length < MAX_TIMES && !seen.has(el)) {
        seen.add(el);
        times.push(el);
      }
  for (const el of times) {
    const found = machine(el.getAttribute('datetime') ?? el.getAttribute('content'));
    if (found) return found;
  }
  // A date written out («١٥ رمضان ١٤٤٥ هـ»), in a <time> without `datetime` or an element the page
  // calls a date.
  const written = [...times, ...[...doc.querySelectorAll('[class*="date" i]')].slice(0, MAX_TIMES)];
  for (const el of written) {
    const text = el.textContent ?? '';
    const found = text.length <= 200 ? parseTextDate(text, now) : null;
    if (found) return found;
  }
  return null;
}
