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

describe('arabicLetterShare counts as the regular expressions it replaced (issue #16)', () => {
  const ARABIC =
    /[\u0620-\u064A\u066E-\u066F\u0671-\u06D3\u06D5\u06EE-\u06EF\u06FA-\u06FC\u06FF\u0750-\u077F\u08A0-\u08C9\uFB50-\uFDFB\uFE70-\uFEFC]/u;
  const LETTER = /\p{L}/u;
  const byRegExp = (text: string) => {
    let arabic = 0;
    let letters = 0;
    for (const ch of text) {
      if (ARABIC.test(ch)) arabic++;
      if (ARABIC.test(ch) || LETTER.test(ch)) letters++;
    }
    return { arabic, letters };
  };

  it('for every BMP unit, alone', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const [a, b] = [arabicLetterShare(ch), byRegExp(ch)];
      if (a.arabic !== b.arabic || a.letters !== b.letters) differ.push(c);
    }
    expect(differ).toEqual([]);
  });

  it('isArabicPage, which first looks for any Arabic letter, sees every one', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (isArabicPage({ lang: null, dir: null, sample: ch.repeat(60) }) !== ARABIC.test(ch)) differ.push(c);
    }
    expect(differ).toEqual([]);
  });

  it('for astral letters and symbols, paired and lone surrogates', () => {
    const text = `${String.fromCodePoint(0x20000, 0x1d400, 0x1f600, 0x10400)}\ud800x\udc00ب${String.fromCodePoint(0x1ee00)}`;
    expect(arabicLetterShare(text)).toEqual(byRegExp(text));
  });
});
