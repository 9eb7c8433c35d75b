import { describe, expect, it } from 'vitest';
import { looksLikeName } from './name-like.ts';

describe('looksLikeName', () => {
  it.each([
    'روسيا',
    'هيئة تحرير الشام',
    'أبو محمد الجولاني',
    'قوات سوريا الديمقراطية',
    'Hay’at Tahrir al-Sham',
  ])('a name: %s', (text) => expect(looksLikeName(text)).toBe(true));
  it.each([
    ['a sentence', 'إتهمت روسيا والولايات المتحدة في الأشهر الأخيرة'],
    ['sentence punctuation', 'روسيا، أمريكا'],
    ['a full stop at its end', 'قصفت روسيا.'],
    ['a question', 'من هو؟'],
    ['quotes', '«الدولة»'],
    ['a function word', 'في'],
    ['a function word with hamza', 'إلى'],
    ['too few letters', 'ق.'],
    ['nothing', '   '],
  ])('not a name: %s', (_why, text) => expect(looksLikeName(text)).toBe(false));
});
