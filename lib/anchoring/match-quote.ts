import { normalize, originalSpan } from '../arabic/normalize.ts';
import { yieldToPage } from '../yield-to-page.ts';
import { alignQuote } from './align-quote.ts';
import { MAX_CONTEXT_CHARS } from './quote-limits.ts';
import { BUCKET, SeedScan } from './seed-candidates.ts';

/**
 * Finding an annotation's text again in a page that may have changed (issue #5). Pure: strings in,
 * offsets out, no DOM. In order:
 * 1. the stored position, if its text is still the quote;
 * 2. the quote, exactly, wherever it is (the best occurrence by context and distance from before);
 * 3. the quote approximately, on text folded as the matcher folds it (hamza, alef forms, ة/ه,
 *    diacritics, tatweel…), scored by quote, prefix, suffix and distance — with a minimum score:
 *    better an orphan than a highlight on the wrong sentence.
 *
 * Step 3 is bounded (issue #12: it used to grow with the cube of the quote's length and froze pages
 * for minutes): one pass over the page finds the few places the quote's pieces point to
 * (`seed-candidates.ts`), and only those are aligned with the quote (`align-quote.ts`, Myers'
 * bit-parallel search). The work is linear in the page and in the quote: see `npm run bench:anchor`.
 * `matchQuotesAsync` does the same work in slices, yielding to the page between them.
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

export interface AsyncMatchOptions extends MatchOptions {
  /** Stops the work at the next slice; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** The longest stretch of work, in milliseconds, before yielding to the page (default 8). */
  yieldEveryMs?: number;
}

/** Weights of the parts of a score: the quote itself counts most, its context next, position least. */
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const TOTAL = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

/** Exact occurrences of a quote examined at most (a word repeated all over a page). */
const MAX_OCCURRENCES = 1000;
/** Places a changed quote is verified at, at most, besides its old position. */
const MAX_CANDIDATES = 8;
/** Page units folded and scanned between two chances to yield. */
const SCAN_SLICE = 1 << 15;

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
 * much of the quote it holds. Context is compared with the text just before and after it (its
 * MAX_CONTEXT_CHARS nearest characters: the comparison is quadratic in their length).
 */
export function scoreCandidate(
  text: string,
  start: number,
  end: number,
  quote: QuoteSelector,
  quoteSimilarity: number,
  expectedStart?: number,
): number {
  const prefix = (quote.prefix ?? '').slice(-MAX_CONTEXT_CHARS);
  const suffix = (quote.suffix ?? '').slice(0, MAX_CONTEXT_CHARS);
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

/** Anchors one quote, synchronously. Bounded (see above), but a long page costs a few milliseconds. */
export function matchQuote(
  text: string,
  quote: QuoteSelector,
  position?: PositionSelector,
  options: MatchOptions = {},
): Anchor | null {
  const steps = anchorSteps(text, quote, position, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `matchQuote`, in slices of at most `yieldEveryMs` between which the page runs. */
export async function matchQuoteAsync(
  text: string,
  quote: QuoteSelector,
  position?: PositionSelector,
  options: AsyncMatchOptions = {},
): Promise<Anchor | null> {
  const [anchor] = await matchQuotesAsync(text, [{ quote, position }], options);
  return anchor ?? null;
}

/**
 * Anchors several quotes in one text (a page's annotations), in slices of at most `yieldEveryMs`
 * between which the page runs: the slices span quotes, so a hundred quick anchors do not add up to
 * one long task, and a slow one is cut.
 */
export async function matchQuotesAsync(
  text: string,
  targets: readonly { quote: QuoteSelector; position?: PositionSelector | undefined }[],
  options: AsyncMatchOptions = {},
): Promise<(Anchor | null)[]> {
  const { signal, yieldEveryMs = 8 } = options;
  signal?.throwIfAborted();
  const anchors: (Anchor | null)[] = [];
  let sliceStart = performance.now();
  for (const { quote, position } of targets) {
    const steps = anchorSteps(text, quote, position, options);
    for (;;) {
      const step = steps.next();
      if (step.done) {
        anchors.push(step.value);
        break;
      }
      if (performance.now() - sliceStart >= yieldEveryMs) {
        await yieldToPage();
        signal?.throwIfAborted();
        sliceStart = performance.now();
      }
    }
  }
  return anchors;
}

/**
 * The matching itself, as steps: it yields (nothing) wherever a caller may pause, and returns the
 * anchor. `matchQuote` runs it through; `matchQuotesAsync` lets the page run between steps.
 */
function* anchorSteps(
  text: string,
  quote: QuoteSelector,
  position: PositionSelector | undefined,
  options: MatchOptions,
): Generator<void, Anchor | null> {
  const { exact } = quote;
  if (!exact) return null;
  if (position && text.slice(position.start, position.end) === exact)
    return { start: position.start, end: position.end, score: 1, method: 'position' };

  // Exact occurrences, best by context and distance from where the quote was.
  let best: Anchor | null = null;
  for (
    let at = text.indexOf(exact), seen = 0;
    at >= 0 && seen < MAX_OCCURRENCES;
    at = text.indexOf(exact, at + 1), seen++
  ) {
    const score = scoreCandidate(text, at, at + exact.length, quote, 1, position?.start);
    if (!best || score > best.score) best = { start: at, end: at + exact.length, score, method: 'quote' };
    if (seen % 64 === 63) yield;
  }
  if (best) return best;
  return yield* fuzzySteps(text, quote, position, options);
}

/**
 * Approximate search on folded text: filter (`SeedScan`: the places the quote's pieces point to),
 * then verify (`alignQuote` at the MAX_CANDIDATES best of them and at the old position). Each
 * verification folds only a window of the page about the quote's length.
 */
function* fuzzySteps(
  text: string,
  quote: QuoteSelector,
  position: PositionSelector | undefined,
  options: MatchOptions,
): Generator<void, Anchor | null> {
  const { minScore = 0.8, maxErrorRate = 0.2 } = options;
  const q = normalize(quote.exact).text.trim();
  if (q.length < 4) return null;
  const maxErrors = Math.max(1, Math.floor(q.length * maxErrorRate));

  const scan = new SeedScan(text, q, position?.start);
  while (!scan.done) {
    scan.scan(scan.scanned + SCAN_SLICE);
    yield;
  }
  const places = scan.candidates(MAX_CANDIDATES).map((c) => c.diagonal);
  // The old position is always worth a look, and first: when it still holds the passage, the best
  // score is usually there.
  if (scan.expected >= 0) places.unshift(scan.expected);

  // Where the quote may begin, give or take: a bucket of diagonals, and drift from edits before it.
  const slack = 2 * BUCKET;
  const tried: number[] = [];
  let best: Anchor | null = null;
  for (const place of places) {
    if (tried.some((t) => Math.abs(t - place) < BUCKET)) continue;
    tried.push(place);
    const from = scan.startBefore(place - slack);
    const to = scan.offsetAfter(place + q.length + maxErrors + slack);
    const window = text.slice(from.offset, to);
    const folded = normalize(window);
    const aligned = alignQuote(folded.text, q, place - from.folded, slack, maxErrors);
    yield;
    if (!aligned || aligned.end <= aligned.start) continue;
    const [s, e] = originalSpan(window, folded, aligned.start, aligned.end);
    const start = from.offset + s;
    const end = from.offset + e;
    const score = scoreCandidate(text, start, end, quote, 1 - aligned.errors / q.length, position?.start);
    if (score >= minScore && (!best || score > best.score)) best = { start, end, score, method: 'fuzzy' };
  }
  return best;
}
