import { describe, expect, it } from 'vitest';
import { alignQuote, CHUNK } from './align-quote.ts';

const WORDS = 'قصفت الطائرات مواقع في ريف دير الزور الشرقي صباح اليوم وقتل عدد من المدنيين ';

describe('alignQuote', () => {
  it('finds a short quote in its window with the edits it needs', () => {
    const window = `مقدمة ${WORDS}خاتمة`;
    const quote = WORDS.trim().replace('الطائرات', 'الطايرات');
    const aligned = alignQuote(window, quote, 6, 16, 10)!;
    expect(window.slice(aligned.start, aligned.end)).toBe(WORDS.trim());
    expect(aligned.errors).toBe(1);
  });

  it('aligns a quote of many chunks end to end, counting at least every edit made', () => {
    const passage = WORDS.repeat(12).trim();
    expect(passage.length).toBeGreaterThan(6 * CHUNK);
    const quote = passage.replaceAll('الشرقي', 'الغربي'); // 12 × 2 letters replaced (ش→غ, ق→ب)
    const window = `مقدمة طويلة بعض الشيء ${passage} وخاتمة`;
    const from = window.indexOf(passage);
    const aligned = alignQuote(window, quote, from, 32, 200)!;
    expect(aligned.start).toBe(from);
    expect(aligned.end).toBe(from + passage.length);
    expect(aligned.errors).toBeGreaterThanOrEqual(24);
  });

  it('refuses a quote that needs more edits than allowed', () => {
    const window = `مقدمة ${WORDS}خاتمة`;
    expect(alignQuote(window, 'كلام آخر لا علاقة له بالنص المذكور هنا', 6, 16, 5)).toBeNull();
  });
});
