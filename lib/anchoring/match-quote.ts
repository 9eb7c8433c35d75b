import { normalize, originalSpan } from '../arabic/normalize.ts';

/**
 * Finding an annotation's text again in a page that may have changed (issue #5). Pure: strings in,
 * offsets out, no DOM. In order:
 * 1. the stored position, if its text is still the quote;
 * 2. the quote, exactly, wherever it is (the best occurrence by context and distance from before);
 * 3. the quote approximately, on text folded as the matcher folds it (hamza, alef forms, ة/ه,
 *    diacritics, tatweel…), scored by quote, prefix, suffix and distance — with a minimum score:
 *    better an orphan than a highlight on the wrong sentence.
 */

/** W3C Web Annotation TextQuoteSelector: the quote exactly as the page wrote it, with its context. */
export interface QuoteSelector {
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** W3C Web Annotation TextPositionSelector: offsets in the article text. */
export interface PositionSelector {
  start: number;
  end: number;
}

export interface Anchor {
  start: number;
  end: number;
  /** 0 to 1: how sure the match is. */
  score: number;
  method: 'position' | 'quote' | 'fuzzy';
}

export interface MatchOptions {
  /** Below this combined score a fuzzy match is refused. */
  minScore?: number;
  /** Edits allowed per quote character in a fuzzy match. */
  maxErrorRate?: number;
}

/** Weights of the parts of a score: the quote itself counts most, its context next, position least. */
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const TOTAL = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

/** Levenshtein distance (for short strings: prefixes, suffixes). */
function distance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

const similarity = (a: string, b: string) =>
  a.length || b.length ? 1 - distance(a, b) / Math.max(a.length, b.length) : 1;

/**
 * The score of a candidate `[start, end)` in `text` for `quote`, where `quoteSimilarity` says how
 * much of the quote it holds. Context is compared with the text just before and after it.
 */
export function scoreCandidate(
  text: string,
  start: number,
  end: number,
  quote: QuoteSelector,
  quoteSimilarity: number,
  expectedStart?: number,
): number {
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  const position =
    expectedStart === undefined || !text.length
      ? 1
      : 1 - Math.min(1, Math.abs(start - expectedStart) / text.length);
  return (
    (WEIGHTS.quote * quoteSimilarity +
      WEIGHTS.prefix * (prefix ? similarity(before, prefix) : 1) +
      WEIGHTS.suffix * (suffix ? similarity(after, suffix) : 1) +
      WEIGHTS.position * position) /
    TOTAL
  );
}

export function matchQuote(
  text: string,
  quote: QuoteSelector,
  position?: PositionSelector,
  options: MatchOptions = {},
): Anchor | null {
  const { exact } = quote;
  if (!exact) return null;
  if (position && text.slice(position.start, position.end) === exact)
    return { start: position.start, end: position.end, score: 1, method: 'position' };

  // Exact occurrences, best by context and distance from where the quote was.
  let best: Anchor | null = null;
  for (
    let at = text.indexOf(exact), seen = 0;
    at >= 0 && seen < 1000;
    at = text.indexOf(exact, at + 1), seen++
  ) {
    const score = scoreCandidate(text, at, at + exact.length, quote, 1, position?.start);
    if (!best || score > best.score) best = { start: at, end: at + exact.length, score, method: 'quote' };
  }
  if (best) return best;
  return fuzzyMatch(text, quote, position, options);
}

/**
 * Approximate search on folded text. Pigeonhole seeding: a match with fewer than k edits leaves one of
 * k pieces of the quote intact, so exact occurrences of the pieces give the only windows worth an
 * edit-distance computation.
 */
function fuzzyMatch(
  text: string,
  quote: QuoteSelector,
  position: PositionSelector | undefined,
  options: MatchOptions,
): Anchor | null {
  const { minScore = 0.8, maxErrorRate = 0.2 } = options;
  const folded = normalize(text);
  const t = folded.text;
  const q = normalize(quote.exact).text.trim();
  if (q.length < 4) return null;
  const maxErrors = Math.max(1, Math.floor(q.length * maxErrorRate));
  const pieces = Math.min(maxErrors + 1, Math.floor(q.length / 3));
  const pieceLength = Math.floor(q.length / pieces);
  const expected = position ? foldedOffset(folded.starts, position.start) : undefined;

  const windows = new Set<number>();
  for (let p = 0; p < pieces; p++) {
    const piece = q.slice(p * pieceLength, p * pieceLength + pieceLength);
    for (let at = t.indexOf(piece), seen = 0; at >= 0 && seen < 200; at = t.indexOf(piece, at + 1), seen++)
      windows.add(Math.max(0, at - p * pieceLength - maxErrors));
  }

  let best: Anchor | null = null;
  for (const from of [...windows].sort((a, b) => a - b)) {
    const window = t.slice(from, from + q.length + 2 * maxErrors);
    const hit = bestSubstring(q, window);
    if (!hit || hit.errors > maxErrors) continue;
    const [start, end] = originalSpan(text, folded, from + hit.start, from + hit.end);
    const score = scoreCandidate(
      text,
      start,
      end,
      quote,
      1 - hit.errors / q.length,
      expected === undefined ? undefined : position!.start,
    );
    if (score >= minScore && (!best || score > best.score)) best = { start, end, score, method: 'fuzzy' };
  }
  return best;
}

/** The folded offset of an original offset (the first folded unit at or after it). */
function foldedOffset(starts: Uint32Array, original: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The substring of `t` closest to `q` (semi-global edit distance): its span and number of edits. */
function bestSubstring(q: string, t: string): { start: number; end: number; errors: number } | null {
  const m = q.length;
  const n = t.length;
  if (!n) return null;
  // prev[j]/from[j]: edits to match q[0, i) ending at t[j), and where that match starts.
  let prev = new Int32Array(n + 1);
  let prevFrom = Int32Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const row = new Int32Array(n + 1);
    const from = new Int32Array(n + 1);
    row[0] = i;
    from[0] = 0;
    for (let j = 1; j <= n; j++) {
      const substitute = prev[j - 1]! + (q.charCodeAt(i - 1) === t.charCodeAt(j - 1) ? 0 : 1);
      const remove = prev[j]! + 1;
      const insert = row[j - 1]! + 1;
      if (substitute <= remove && substitute <= insert) {
        row[j] = substitute;
        from[j] = prevFrom[j - 1]!;
      } else if (remove <= insert) {
        row[j] = remove;
        from[j] = prevFrom[j]!;
      } else {
        row[j] = insert;
        from[j] = from[j - 1]!;
      }
    }
    prev = row;
    prevFrom = from;
  }
  let end = 1;
  for (let j = 2; j <= n; j++) if (prev[j]! < prev[end]!) end = j;
  return { start: prevFrom[end]!, end, errors: prev[end]! };
}
