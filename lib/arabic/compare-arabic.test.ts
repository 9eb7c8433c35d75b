import { describe, expect, it } from 'vitest';
import { compareArabic } from './compare-arabic.ts';

describe('Arabic alphabetical order', () => {
  it('sorts as the Arabic locale does, whatever the letters’ code points', () => {
    const names = ['هيئة تحرير الشام', 'أحمد الشرع', 'دمشق', 'إدلب', 'بشار الأسد', 'حلب'];
    expect([...names].sort(compareArabic)).toEqual([...names].sort((a, b) => a.localeCompare(b, 'ar')));
    // Hamza-seated alef sorts with alef, not after ي as its code point would.
    expect([...names].sort(compareArabic)[0]).toMatch(/^[أإ]/u);
    expect(compareArabic('حلب', 'حلب')).toBe(0);
  });
});
