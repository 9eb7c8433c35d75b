import { describe, expect, it } from 'vitest';
import { arabicLetterShare, isArabicPage } from './detect-arabic.ts';

const arabic = 'اتهم التحالف الدولي روسيا بنقل مئات من مقاتلي تنظيم الدولة من ريف دير الزور إلى جنوب سوريا';
const english =
  'The coalition accused Russia of moving hundreds of fighters from the Deir ez-Zor countryside';

describe('arabicLetterShare', () => {
  it('counts Arabic letters and ignores digits, spaces and punctuation', () => {
    expect(arabicLetterShare('سوريا 2017!')).toEqual({ arabic: 5, letters: 5 });
  });
  it('counts Latin letters as letters but not Arabic', () => {
    expect(arabicLetterShare('SDF قسد')).toEqual({ arabic: 3, letters: 6 });
  });
  it('does not count Arabic-Indic digits or diacritics as letters', () => {
    expect(arabicLetterShare('٢٠١٧ سُوريا')).toEqual({ arabic: 5, letters: 5 });
  });
});

describe('isArabicPage', () => {
  const table: {
    name: string;
    lang: string | null;
    dir: string | null;
    sample: string;
    expected: boolean;
  }[] = [
    { name: 'lang="ar" alone decides', lang: 'ar', dir: null, sample: '', expected: true },
    { name: 'regional lang tags such as ar-SY', lang: 'ar-SY', dir: null, sample: '', expected: true },
    { name: 'no attributes, Arabic letters', lang: null, dir: null, sample: arabic, expected: true },
    { name: 'mislabelled lang="en" but Arabic text', lang: 'en', dir: null, sample: arabic, expected: true },
    { name: 'English page', lang: 'en', dir: 'ltr', sample: english, expected: false },
    {
      name: 'lang "arn" (Mapudungun) is not Arabic',
      lang: 'arn',
      dir: null,
      sample: english,
      expected: false,
    },
    { name: 'too little text to tell', lang: null, dir: null, sample: 'سوريا', expected: false },
    {
      name: 'rtl with a third of Arabic letters',
      lang: null,
      dir: 'rtl',
      sample: `${arabic} ${english.slice(0, 90)}`,
      expected: true,
    },
    {
      name: 'ltr with a third of Arabic letters is not enough',
      lang: null,
      dir: 'ltr',
      sample: `${arabic} ${english.slice(0, 90)}`,
      expected: false,
    },
    { name: 'Hebrew rtl page', lang: 'he', dir: 'rtl', sample: 'שלום עולם '.repeat(20), expected: false },
  ];
  it.each(table)('$name', ({ lang, dir, sample, expected }) => {
    expect(isArabicPage({ lang, dir, sample })).toBe(expected);
  });
});
