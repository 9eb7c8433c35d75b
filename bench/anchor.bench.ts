/**
 * `npm run bench:anchor` — re-anchoring a changed quote (issue #12), in Node.
 *
 * Pages of 100,000 and 1,000,000 UTF-16 units made of the seed articles repeated (so every passage
 * occurs many times: the worst case for the search, which must verify many near-identical places and
 * pick the one at the old position). A passage from the middle of the page is stored with 2% of its
 * letters changed (replaced, dropped, added), so the exact stages fail and the fuzzy stage runs.
 * For each quote length: the median and worst CPU time of `matchQuote` (synchronous, one task; CPU
 * rather than wall time, so that other processes on the machine move the figures less), the longest
 * wall-clock slice of `matchQuotesAsync` between two yields (what the page would feel), and whether
 * the anchor landed on the passage at the old position.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { matchQuote, matchQuotesAsync, type QuoteSelector } from '../lib/anchoring/match-quote.ts';
import { changeLetters } from '../lib/anchoring/test-support/change-letters.ts';

const SEEDS = 'tests/fixtures/seeds/';
const seeds = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(SEEDS + f, 'utf8'))
  .join('\n\n');
const page = (chars: number) => seeds.repeat(Math.ceil(chars / seeds.length)).slice(0, chars);

const RUNS = 9;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The passage of `length` units starting at the first word after the middle of `text`. */
function storedSelector(text: string, length: number) {
  const start = text.indexOf(' ', text.length >> 1) + 1;
  const end = start + length;
  const quote: QuoteSelector = {
    exact: changeLetters(text.slice(start, end), 0.02, length),
    prefix: text.slice(start - 32, start),
    suffix: text.slice(end, end + 32),
  };
  return { quote, position: { start, end }, start };
}

/** The longest stretch of `matchQuotesAsync` between yields: timers measure the gaps between slices. */
async function longestSlice(text: string, quote: QuoteSelector, position: { start: number; end: number }) {
  let longest = 0;
  let last = performance.now();
  let done = false;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (!done) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  await matchQuotesAsync(text, [{ quote, position }], { yieldEveryMs: 8 });
  done = true;
  longest = Math.max(longest, performance.now() - last);
  return longest;
}

console.log('Re-anchoring a quote with 2% of its letters changed (fuzzy stage), Node', process.version);
console.log('page (units)  quote  CPU median   CPU worst  async longest slice  found at the old place');
for (const size of [100_000, 1_000_000]) {
  const text = page(size);
  for (const length of [100, 300, 600, 900, 2000]) {
    const { quote, position, start } = storedSelector(text, length);
    const times: number[] = [];
    let anchor = null;
    for (let r = 0; r < RUNS + 2; r++) {
      const t0 = process.cpuUsage();
      anchor = matchQuote(text, quote, position);
      const { user, system } = process.cpuUsage(t0);
      if (r >= 2) times.push((user + system) / 1000);
    }
    const slice = await longestSlice(text, quote, position);
    const found = anchor?.method === 'fuzzy' && Math.abs(anchor.start - start) <= 2;
    console.log(
      [
        String(size).padStart(12),
        String(length).padStart(6),
        `${median(times).toFixed(1)} ms`.padStart(12),
        `${Math.max(...times).toFixed(1)} ms`.padStart(11),
        `${slice.toFixed(1)} ms`.padStart(20),
        `  ${found ? 'yes' : `NO (${JSON.stringify(anchor)})`}`,
      ].join(' '),
    );
  }
}
