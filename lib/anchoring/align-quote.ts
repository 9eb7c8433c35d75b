import search from 'approx-string-match';

/**
 * The verify half of "filter, then verify" (issue #12): how many edits turn the quote into the
 * passage at a candidate place, and where exactly that passage starts and ends.
 *
 * The quote is aligned chunk by chunk (CHUNK units each), every chunk with Myers' bit-parallel
 * approximate search (`approx-string-match`, what Hypothesis anchors with) in a small window just
 * after the previous chunk's end. A quote of up to 1.5 CHUNK is one chunk: its best match in the
 * window, exactly. For longer quotes the cost stays linear — O(m · CHUNK / 32) word operations for a
 * quote of m units, where one search over the whole quote would cost O(m² / 32) — and the count is an
 * upper bound on the true edit distance (gaps and overlaps between chunks are counted as edits):
 * a long quote may be refused that an exact alignment would accept, never the reverse.
 */

export const CHUNK = 128;
/** Edits allowed within one chunk of a long quote (still within the whole quote's budget). */
const CHUNK_ERROR_RATE = 0.5;

export interface Alignment {
  /** The passage `[start, end)` in the window. */
  start: number;
  end: number;
  /** Edits between the quote and the passage (an upper bound for quotes of several chunks). */
  errors: number;
}

/**
 * Aligns the folded quote `quote` in the folded `window`, starting near `from` (give or take `slack`),
 * with at most `maxErrors` edits; null when it needs more.
 */
export function alignQuote(
  window: string,
  quote: string,
  from: number,
  slack: number,
  maxErrors: number,
): Alignment | null {
  let errors = 0;
  let start = -1;
  /** Where the next chunk should begin, and how far from there it may. */
  let at = from;
  let near = slack;
  for (const [c, end] of chunks(quote.length)) {
    const chunk = quote.slice(c, end);
    const single = c === 0 && end === quote.length;
    const allowed = Math.min(
      single ? maxErrors : Math.floor(chunk.length * CHUNK_ERROR_RATE),
      maxErrors - errors,
    );
    const lo = Math.max(0, at - near);
    const hi = Math.min(window.length, at + chunk.length + near + allowed);
    const hit = lo < hi ? closest(search(window.slice(lo, hi), chunk, allowed), at - lo) : null;
    if (!hit) {
      // The chunk is gone (rewritten or deleted): all its units are edits; look for the next one
      // about where it would follow, a little more widely.
      errors += chunk.length;
      if (errors > maxErrors) return null;
      at += chunk.length;
      near = slack + chunk.length;
      continue;
    }
    const hitStart = lo + hit.start;
    // Units skipped or covered twice between two chunks are edits too (none before the first found).
    if (start < 0) start = hitStart;
    else errors += Math.abs(hitStart - at);
    errors += hit.errors;
    if (errors > maxErrors) return null;
    at = lo + hit.end;
    near = Math.max(8, allowed);
  }
  return start < 0 ? null : { start, end: at, errors };
}

/** The quote's chunks `[start, end)`: CHUNK units each, the last one between 0.5 and 1.5 CHUNK. */
function* chunks(length: number): Generator<[number, number]> {
  let c = 0;
  while (length - c >= 1.5 * CHUNK) {
    yield [c, c + CHUNK];
    c += CHUNK;
  }
  if (c < length) yield [c, length];
}

/** Of equally good matches, the one starting nearest `at`. */
function closest<T extends { start: number }>(matches: readonly T[], at: number): T | null {
  let best: T | null = null;
  for (const m of matches) if (!best || Math.abs(m.start - at) < Math.abs(best.start - at)) best = m;
  return best;
}
