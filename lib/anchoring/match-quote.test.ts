import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  matchQuote,
  matchQuoteAsync,
  matchQuotesAsync,
  scoreCandidate,
  type QuoteSelector,
} from './match-quote.ts';
import { MAX_QUOTE_CHARS } from './quote-limits.ts';
import { changeLetters } from './test-support/change-letters.ts';

const ORIGINAL =
  'اتهم التحالف الدولي روسيا بنقل مئات من مقاتلي تنظيم الدولة من ريف دير الزور إلى جنوب سوريا. ' +
  'وقال المتحدث باسم التحالف الدولي العقيد ريان ديلون إن مئات العناصر وصلوا إلى مناطق سيطرة النظام. ' +
  'وتشهد مناطق عدة في محافظة حماة معارك بالتوازي.';

/** A selector made the way the extension makes one: the quote and 20 characters either side. */
function selectorFor(
  text: string,
  exact: string,
): { quote: QuoteSelector; position: { start: number; end: number } } {
  const start = text.indexOf(exact);
  return {
    quote: {
      exact,
      prefix: text.slice(Math.max(0, start - 20), start),
      suffix: text.slice(start + exact.length, start + exact.length + 20),
    },
    position: { start, end: start + exact.length },
  };
}

const QUOTE = 'وقال المتحدث باسم التحالف الدولي العقيد ريان ديلون';
const { quote, position } = selectorFor(ORIGINAL, QUOTE);

describe('matchQuote', () => {
  it('uses the stored position when the page has not changed', () => {
    expect(matchQuote(ORIGINAL, quote, position)).toEqual({ ...position, score: 1, method: 'position' });
  });

  it('finds the quote exactly when a paragraph was inserted before it', () => {
    const edited = `خبر عاجل: اجتماع في جنيف اليوم.\n${ORIGINAL}`;
    const anchor = matchQuote(edited, quote, position)!;
    expect(anchor.method).toBe('quote');
    expect(edited.slice(anchor.start, anchor.end)).toBe(QUOTE);
  });

  it('lands on the right words when a word was respelled', () => {
    const edited = ORIGINAL.replace('ريان ديلون', 'رايان ديلون');
    const anchor = matchQuote(edited, quote, position)!;
    expect(anchor.method).toBe('fuzzy');
    expect(edited.slice(anchor.start, anchor.end)).toBe(
      'وقال المتحدث باسم التحالف الدولي العقيد رايان ديلون',
    );
  });

  it('lands on the right words when the hamza and diacritics changed', () => {
    const q = selectorFor(ORIGINAL, 'وتشهد مناطق عدة في محافظة حماة معارك بالتوازي');
    const edited = ORIGINAL.replace('وتشهد مناطق عدة في محافظة حماة', 'وتشهَد مناطق عدّة في محافظه حماه');
    const anchor = matchQuote(edited, q.quote, q.position)!;
    expect(anchor.method).toBe('fuzzy');
    expect(edited.slice(anchor.start, anchor.end)).toBe('وتشهَد مناطق عدّة في محافظه حماه معارك بالتوازي');
  });

  it('orphans a quote whose sentence was removed', () => {
    const edited = ORIGINAL.replace(/وقال المتحدث[^.]*\. /u, '');
    expect(matchQuote(edited, quote, position)).toBeNull();
  });

  it('orphans rather than matching a different sentence with some of the same words', () => {
    const edited = ORIGINAL.replace(QUOTE, 'وقال مصدر محلي إن التحالف الدولي لم يعلق');
    expect(matchQuote(edited, quote, position)).toBeNull();
  });

  it('chooses, among equal quotes, the one whose context matches', () => {
    const text = 'قصفت الطائرات دير الزور صباحا. ثم قصفت الطائرات دير الزور مساء.';
    const second = text.lastIndexOf('دير الزور');
    // The stored position points at neither occurrence; the context points at the second.
    const anchor = matchQuote(
      text,
      { exact: 'دير الزور', prefix: 'ثم قصفت الطائرات ', suffix: ' مساء' },
      { start: 0, end: 0 },
    )!;
    expect(anchor.start).toBe(second);
  });
});

describe('scoreCandidate: ordering, not magic numbers', () => {
  const text = `${ORIGINAL} ${ORIGINAL}`;
  const at = text.indexOf(QUOTE);
  const end = at + QUOTE.length;

  it('scores a closer quote higher', () => {
    expect(scoreCandidate(text, at, end, quote, 1)).toBeGreaterThan(
      scoreCandidate(text, at, end, quote, 0.9),
    );
    expect(scoreCandidate(text, at, end, quote, 0.9)).toBeGreaterThan(
      scoreCandidate(text, at, end, quote, 0.8),
    );
  });
  it('scores matching context higher', () => {
    expect(scoreCandidate(text, at, end, quote, 1)).toBeGreaterThan(
      scoreCandidate(text, at, end, { ...quote, prefix: 'شيء آخر تماما هنا' }, 1),
    );
  });
  it('scores a candidate nearer the old position higher', () => {
    const second = text.indexOf(QUOTE, end);
    expect(scoreCandidate(text, at, end, quote, 1, at)).toBeGreaterThan(
      scoreCandidate(text, second, second + QUOTE.length, quote, 1, at),
    );
  });
  it('stays between 0 and 1', () => {
    const s = scoreCandidate(text, at, end, quote, 1, at);
    expect(s).toBeGreaterThan(0);
    expect(s).toBeLessThanOrEqual(1);
  });
});

/** The seed articles: real Arabic news text, ~32,000 units. */
const SEEDS = readdirSync('tests/fixtures/seeds')
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(`tests/fixtures/seeds/${f}`, 'utf8'))
  .join('\n\n');

/** A stored selector for `length` units of `text` from the first word after `from`, as the extension makes one. */
function passageAt(text: string, from: number, length: number) {
  const start = text.indexOf(' ', from) + 1;
  const exact = text.slice(start, start + length).trimEnd();
  const end = start + exact.length;
  const quote = { exact, prefix: text.slice(start - 20, start), suffix: text.slice(end, end + 20) };
  return { start, end, quote, position: { start, end } };
}

describe('matchQuote: changed quotes, bounded (issue #12)', () => {
  it('finds a 900-character quote with 2% of its letters changed at its place in a 1 MB page', () => {
    // The seeds repeated: the passage occurs ~30 times; the one at the stored position is the answer.
    const page = SEEDS.repeat(32);
    const start = page.indexOf(' ', page.length >> 1) + 1;
    const passage = page.slice(start, start + 900);
    const quote = {
      exact: changeLetters(passage, 0.02),
      prefix: page.slice(start - 32, start),
      suffix: page.slice(start + 900, start + 932),
    };
    expect(page.includes(quote.exact)).toBe(false);
    const anchor = matchQuote(page, quote, { start, end: start + 900 })!;
    expect(anchor.method).toBe('fuzzy');
    expect(Math.abs(anchor.start - start)).toBeLessThanOrEqual(2);
    expect(Math.abs(anchor.end - (start + 900))).toBeLessThanOrEqual(2);
  });

  it('finds it without a stored position too, in a page where it occurs once', () => {
    const page = SEEDS;
    const { quote, start, end } = passageAt(page, 9000, 900);
    const anchor = matchQuote(page, { ...quote, exact: changeLetters(quote.exact, 0.02, 7) })!;
    expect(anchor.method).toBe('fuzzy');
    expect(Math.abs(anchor.start - start)).toBeLessThanOrEqual(2);
    expect(Math.abs(anchor.end - end)).toBeLessThanOrEqual(2);
  });

  it('finds a 300-character quote whose hamzas the page dropped and one of whose words it respelled', () => {
    const { quote, position } = passageAt(SEEDS, 2000, 300);
    expect(quote.exact).toMatch(/[أإآ]/u);
    const words = quote.exact.split(' ');
    const long = words.findIndex((w, i) => i > 2 && w.length >= 5);
    words[long] = `${words[long]!.slice(0, 2)}ا${words[long]!.slice(2)}`; // a letter added, as in ريان → رايان
    const page = SEEDS.replace(quote.exact, words.join(' ').replace(/[أإآ]/gu, 'ا'));
    const anchor = matchQuote(page, quote, position)!;
    expect(anchor.method).toBe('fuzzy');
    expect(anchor.start).toBe(position.start);
    expect(page.slice(anchor.start, anchor.end)).toBe(words.join(' ').replace(/[أإآ]/gu, 'ا'));
  });

  it('orphans a long quote whose passage was removed from the page', () => {
    const { quote, position } = passageAt(SEEDS, 12_000, 600);
    const page = SEEDS.replace(quote.exact, '');
    expect(matchQuote(page, quote, position)).toBeNull();
  });

  it('prefers the place whose quote is closer, wherever the old position was', () => {
    // The passage twice, changed at 2% and at 8%: the closer copy wins, and scores higher.
    const passage = SEEDS.slice(4000, 4400);
    const near = changeLetters(passage, 0.02, 3);
    const far = changeLetters(passage, 0.08, 4);
    const page = `${SEEDS.slice(0, 3000)} ${far} ${SEEDS.slice(6000, 9000)} ${near} ${SEEDS.slice(9000, 12000)}`;
    const atFar = page.indexOf(far);
    const anchor = matchQuote(page, { exact: passage }, { start: atFar, end: atFar + far.length })!;
    expect(anchor.method).toBe('fuzzy');
    expect(anchor.start).toBe(page.indexOf(near));
    const farAnchor = matchQuote(
      page.replace(near, ''),
      { exact: passage },
      { start: atFar, end: atFar + far.length },
    )!;
    expect(farAnchor.start).toBe(atFar);
    expect(anchor.score).toBeGreaterThan(farAnchor.score);
  });

  it('copes with a 10,000-character quote in 1 MB of similar sentences', () => {
    // Sentences that differ only in their numbers: every piece of the quote occurs everywhere.
    const sentence = (i: number) =>
      `قصفت الطائرات الحربية مواقع في ريف دير الزور الشرقي صباح اليوم رقم ${i} وقتل ${i % 97} من المدنيين. `;
    let page = '';
    for (let i = 0; page.length < 1_000_000; i++) page += sentence(i);
    const start = page.indexOf(sentence(5000));
    const passage = page.slice(start, start + 10_000);
    const quote = { exact: changeLetters(passage, 0.02, 11), prefix: page.slice(start - 32, start) };
    const anchor = matchQuote(page, quote, { start, end: start + 10_000 })!;
    expect(anchor.method).toBe('fuzzy');
    expect(Math.abs(anchor.start - start)).toBeLessThanOrEqual(2);
    expect(Math.abs(anchor.end - (start + 10_000))).toBeLessThanOrEqual(2);
    // Without its position, a sentence-shifted copy is as good a match: any answer is a real passage.
    const unplaced = matchQuote(page, quote);
    if (unplaced) expect(unplaced.end - unplaced.start).toBeGreaterThan(9000);
    // A quote made of nothing the page holds is an orphan, however long.
    expect(matchQuote(page, { exact: 'غيمة '.repeat(2000) })).toBeNull();
  }, 30_000);

  it('returns what matchQuote returns, asynchronously, and stops when aborted', async () => {
    const page = SEEDS.repeat(8);
    const { quote, position } = passageAt(page, page.length >> 1, 900);
    const changed = { ...quote, exact: changeLetters(quote.exact, 0.02, 5) };
    expect(await matchQuoteAsync(page, changed, position, { yieldEveryMs: 1 })).toEqual(
      matchQuote(page, changed, position),
    );
    expect(
      await matchQuotesAsync(page, [
        { quote: changed, position },
        { quote, position },
      ]),
    ).toEqual([matchQuote(page, changed, position), matchQuote(page, quote, position)]);
    const controller = new AbortController();
    const pending = matchQuoteAsync(page, changed, position, { signal: controller.signal, yieldEveryMs: 0 });
    controller.abort();
    await expect(pending).rejects.toThrow();
  });

  it('caps stored and imported quotes at a few paragraphs', () => {
    expect(MAX_QUOTE_CHARS).toBeGreaterThanOrEqual(2000);
    expect(MAX_QUOTE_CHARS).toBeLessThanOrEqual(10_000);
  });
});
