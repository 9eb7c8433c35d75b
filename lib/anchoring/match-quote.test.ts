import { describe, expect, it } from 'vitest';
import { matchQuote, scoreCandidate, type QuoteSelector } from './match-quote.ts';

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
