import { describe, expect, it } from 'vitest';
import { fold, normalize, originalSpan, startOf, wordHash } from './normalize.ts';

/** One row per rule: what is written → what it folds to. */
const RULES: [rule: string, written: string, folded: string][] = [
  ['harakat are dropped', 'سُورِيَا', 'سوريا'],
  ['shadda and tanween are dropped', 'محمّدٌ', 'محمد'],
  ['Quranic marks are dropped', 'الله\u06d6', 'الله'],
  ['superscript alef is dropped', 'هٰذا', 'هذا'],
  ['tatweel is dropped', 'دمـــشق', 'دمشق'],
  ['zero-width joiners and non-joiners are dropped', 'داع\u200cش\u200d', 'داعش'],
  ['bidi controls are dropped', '\u202bحلب\u202c', 'حلب'],
  ['the Arabic letter mark is dropped', 'حلب\u061c', 'حلب'],
  ['the noncharacter U+FFFE is dropped (a page may hold it)', 'حل\ufffeب', 'حلب'],
  ['the noncharacter U+FFFF is dropped, not read as a space', 'حل\uffffب', 'حلب'],
  ['soft hyphens are dropped', 'الرق\u00adة', 'الرقه'],
  ['obfuscation ـ.ـ inside a word', 'الميليشـ.ـيات', 'الميليشيات'],
  ['repeated obfuscation inside a word', 'هجـ.ـمـ.ـاته', 'هجماته'],
  ['obfuscation with a bullet', 'داعـ•ـش', 'داعش'],
  ['obfuscation with a spaced tatweel pair', 'الميليشـ ـيات', 'الميليشيات'],
  ['أ is alef', 'أمريكا', 'امريكا'],
  ['إ is alef', 'إيران', 'ايران'],
  ['آ is alef', 'آل الأسد', 'ال الاسد'],
  ['ٱ (wasla) is alef', 'ٱلرقة', 'الرقه'],
  ['alef maqsura is yeh', 'بصرى', 'بصري'],
  ['Persian yeh is yeh', 'ایران', 'ايران'],
  ['teh marbuta is heh', 'حماة', 'حماه'],
  ['Kurdish ە is heh', 'کۆبانە', 'كۆبانه'],
  ['hamza on waw and on yeh fold to hamza', 'مسؤول', 'مسءول'],
  ['… so both spellings of a word meet', 'مسئول', 'مسءول'],
  ['Persian keheh is kaf', 'کرد', 'كرد'],
  ['Persian gaf is kaf', 'گرد', 'كرد'],
  ['veh is feh', 'ڤلاديمير', 'فلاديمير'],
  ['Arabic-Indic digits are ASCII', '٢٠١٧', '2017'],
  ['Persian digits are ASCII', '۲۰۱۷', '2017'],
  ['Latin is lower case', 'SDF', 'sdf'],
  ['Latin accents are dropped', 'Erdoğan', 'erdogan'],
  ['the lam-alef ligature is two letters', 'ﻻ', 'لا'],
  ['presentation forms are letters', 'ﺩﻣﺸﻖ', 'دمشق'],
  ['runs of whitespace are one space', 'دير  \n\tالزور', 'دير الزور'],
  ['no-break and thin spaces are spaces', 'دير\u00a0الزور\u2009اليوم', 'دير الزور اليوم'],
];

/** Counter-examples: what folding must leave alone. */
const KEPT: [rule: string, written: string][] = [
  ['a dot between letters without tatweel (an abbreviation) stays', 'د.محمد'],
  ['a hyphen between words stays', 'دير-الزور'],
  ['a dot at the end of a sentence stays', 'في سوريا. ثم'],
  ['a tatweel-dot before a space is not an obfuscation run', 'سوريا ـ. دمشق'],
  ['punctuation stays', '«الدولة»، (داعش)؟'],
];

describe('normalize', () => {
  it.each(RULES)('%s: %s → %s', (_rule, written, folded) => {
    expect(fold(written)).toBe(folded);
  });

  it.each(KEPT)('%s: %s', (_rule, written) => {
    const folded = fold(written);
    expect(folded.replace(/[اأإآ]/gu, 'ا')).toBe(folded);
    expect(folded.length).toBeGreaterThanOrEqual(written.replace(/ـ/gu, '').length - 1);
    expect([...folded].filter((c) => /[.\-«»،؟()]/u.test(c))).toEqual(
      [...written].filter((c) => /[.\-«»،؟()]/u.test(c)),
    );
  });

  it('maps every folded unit back into the original', () => {
    const src = 'قالت الميليشـ.ـيات إنّ «قسد» في دير\u00a0الزور ﻻ';
    const folded = normalize(src);
    const { text, starts } = folded;
    expect(starts.length).toBe(text.length);
    for (let i = 0; i < text.length; i++) {
      expect(starts[i]).toBeLessThan(src.length);
      if (i > 0) expect(starts[i]).toBeGreaterThanOrEqual(starts[i - 1]!);
    }
    // A span of the folded text maps to the original text it came from.
    const at = text.indexOf('الميليشيات');
    const [start, end] = originalSpan(src, folded, at, at + 'الميليشيات'.length);
    expect(src.slice(start, end)).toBe('الميليشـ.ـيات');
    const lamAlef = text.lastIndexOf('لا');
    expect(originalSpan(src, folded, lamAlef, lamAlef + 2)).toEqual([src.length - 1, src.length]);
  });

  it('keeps surrogate pairs whole', () => {
    const folded = normalize('a😀b');
    expect(folded.text).toBe('a😀b');
    expect([...folded.starts]).toEqual([0, 1, 1, 3]);
    expect(originalSpan('a😀b', folded, 1, 3)).toEqual([1, 3]);
  });
});

describe('word boundaries recorded while folding', () => {
  const wordsOf = (src: string) => {
    const { text, words } = normalize(src);
    return Array.from({ length: words.length / 2 }, (_, w) => text.slice(words[2 * w], words[2 * w + 1]));
  };
  it.each([
    ['قال مصدر، إن «داعش» انسحب', ['قال', 'مصدر', 'ان', 'داعش', 'انسحب']],
    ['الميليشـ.ـيات في دير-الزور', ['الميليشيات', 'في', 'دير', 'الزور']],
    ['M4 و SY24.', ['m4', 'و', 'sy24']],
    ['ﻻ بد', ['لا', 'بد']],
    ['', []],
  ])('%j', (src, expected) => expect(wordsOf(src)).toEqual(expected));
});

/** Texts with every kind of unit folding handles: marks, tatweel, obfuscation, ligatures, pairs, spaces. */
const MIXED = [
  ...RULES.map(([, written]) => written),
  ...KEPT.map(([, written]) => written),
  'قالت الميليشـ.ـيات إنّ «قسد» في دير\u00a0الزور ﻻ   ﷲ a😀b سُورِيَا\n\n  هجـ.ـمـ.ـاته د.محمد',
  ' \u064b\u064b بداية بعلامات، و\u200cنهاية بمسافات   ',
].join(' ⁂ ');

describe('the map back, kept as runs (issue #16)', () => {
  it('says where each folded unit came from: a unit of the original that folds to it', () => {
    const folded = normalize(MIXED);
    const { codes, starts } = folded;
    expect(starts.length).toBe(codes.length);
    for (let i = 0; i < codes.length; i++) {
      expect(startOf(folded, i)).toBe(starts[i]);
      if (i > 0) expect(starts[i]).toBeGreaterThanOrEqual(starts[i - 1]!);
      // Folded alone (behind a letter, so that a space is kept), that unit gives this one.
      const at = starts[i]!;
      const unit = MIXED.slice(at, MIXED.codePointAt(at)! > 0xffff ? at + 2 : at + 1);
      expect([...normalize(`a${unit}`).codes.subarray(1)], `unit ${i} from ${at}`).toContain(codes[i]);
    }
  });

  it('has one run per change of drift, not one entry per unit', () => {
    expect(normalize('قال مصدر إن التنظيم انسحب من دير الزور').runAt).toHaveLength(1);
    // Each mark dropped and each run of spaces collapsed begins a run; a ligature's letters one each.
    expect(normalize('سُوريا  حلب ﻻ').runAt).toHaveLength(4);
  });
});

describe('word hashes recorded while folding', () => {
  it('are the hash of each word’s folded units, ligatures and obfuscated words included', () => {
    const { codes, words, wordHashes } = normalize(MIXED);
    expect(wordHashes).toHaveLength(words.length / 2);
    for (let w = 0; w < wordHashes.length; w++)
      expect(wordHashes[w]).toBe(wordHash(codes, words[2 * w]!, words[2 * w + 1]!));
  });

  it('hold every letter of a ligature inside one word (the matcher hashes words whole)', () => {
    let ligatures = 0;
    for (const [from, to] of [
      [0xfb50, 0xfdff],
      [0xfe70, 0xfefe],
    ])
      for (let c = from!; c <= to!; c++) {
        const { codes, words } = normalize(String.fromCharCode(c));
        if (codes.length < 2) continue;
        ligatures++;
        expect([...words], c.toString(16)).toEqual([0, codes.length]);
      }
    expect(ligatures).toBeGreaterThan(400);
  });
});
