import { beforeAll, describe, expect, it } from 'vitest';
import { compiledBundledLexicon } from '../lexicon/bundled-lexicon.ts';
import { spot } from '../lexicon/spot.ts';
import { bundledTagger } from './bundled-recogniser.ts';
import { nameKey, suggestNames } from './suggest-names.ts';

const tagger = bundledTagger();
const suggest = (text: string, known = spot(text, compiledBundledLexicon())) =>
  suggestNames(text, known, { tagger });

describe('suggestNames', () => {
  // The lexicon's first compile takes seconds on a busy machine: not any one test's time.
  beforeAll(() => void compiledBundledLexicon(), 60_000);
  // The bundled lexicon grows (issue 13): the patterns are tested without the known tier, and
  // with it only where the name cannot be in any lexicon (كفرمرزيتا is made up).
  it('suggests the village after «بلدة» as a place', () => {
    expect(suggestNames('قصف في بلدة كفرنبودة بريف حماة', [], { tagger })[0]).toMatchObject({
      text: 'كفرنبودة',
      type: 'place',
      kind: 'place',
      key: 'كفرنبوده',
    });
    expect(suggest('قصف الطيران في بلدة كفرمرزيتا بريف حماة')).toMatchObject([
      { text: 'كفرمرزيتا', type: 'place', kind: 'place' },
    ]);
  });

  it('suggests a kunya with its nisba as a person', () => {
    const text = 'قال القائد أبو محمد الجولاني إن';
    // The bundled lexicon knows al-Jolani: without the known tier, the pattern finds him.
    expect(suggestNames(text, [], { tagger })).toMatchObject([
      { text: 'أبو محمد الجولاني', type: 'actor', kind: 'person' },
    ]);
    expect(suggest(text)).toEqual([]);
  });

  it('suggests an organisation with its head word', () => {
    expect(suggestNames('هاجمت حركة نور الدين الزنكي مواقع', [], { tagger })).toMatchObject([
      { text: 'حركة نور الدين الزنكي', type: 'actor', kind: 'organization' },
    ]);
  });

  it('names a ministry and a newspaper by the ordinary word after their head', () => {
    expect(suggestNames('وقالت وزارة الخارجية الإيرانية إن', [], { tagger })).toMatchObject([
      { text: 'وزارة الخارجية الإيرانية', kind: 'organization', type: 'actor' },
    ]);
    expect(suggestNames('ونقلت صحيفة الحياة عن مصدر', [], { tagger })).toMatchObject([
      { text: 'صحيفة الحياة', kind: 'organization' },
    ]);
    // «the official news agency», «local newspapers»: no name.
    expect(suggestNames('ونقلت وكالة الأنباء الرسمية عن مصدر', [])).toEqual([]);
    expect(suggestNames('وقالت صحيفة محلية إن', [])).toEqual([]);
  });

  it("names a state's body by the state's adjective, and not by any adjective", () => {
    // Patterns only (no tagger): the rule itself.
    expect(suggestNames('أعلنت الحكومة الإيطالية أمس', [])).toMatchObject([
      { text: 'الحكومة الإيطالية', kind: 'organization', source: 'pattern' },
    ]);
    expect(suggestNames('وانسحبت القوات العراقية من', [])).toMatchObject([
      { text: 'القوات العراقية', kind: 'organization' },
    ]);
    expect(suggestNames('أعلنت الحكومة الجديدة أمس', [])).toEqual([]);
    expect(suggestNames('وانسحبت القوات الخاصة من', [])).toEqual([]);
    // «وزير الداخلية الأردني»: the adjective is the minister's, not the ministry's.
    expect(suggestNames('قال وزير الداخلية الأردني', [])).toEqual([]);
  });

  it('reads a kunya after a place word as the place, not a person', () => {
    expect(suggestNames('هدم منازل في قرية أم الزينات قرب', [], { tagger })).toMatchObject([
      { text: 'أم الزينات', kind: 'place', type: 'place' },
    ]);
    expect(suggestNames('قال أبو محمد الجولاني', [])).toMatchObject([{ kind: 'person' }]);
  });

  it('trusts the tagger alone on a single word only over its own, higher threshold', () => {
    expect(Number.isFinite(tagger.singleThreshold)).toBe(true);
    const text = 'وقال عماد إن الاجتماع ناقش مع كريم وسهام أوضاع المدينة';
    const all = suggestNames(text, [], { tagger, singleThreshold: -Infinity });
    const lone = all.filter((s) => s.source === 'tagger' && !s.text.includes(' '));
    expect(lone.length).toBeGreaterThan(0);
    expect(
      suggestNames(text, [], { tagger, singleThreshold: Infinity }).filter(
        (s) => s.source === 'tagger' && !s.text.includes(' '),
      ),
    ).toEqual([]);
    for (const s of suggest(text))
      if (s.source === 'tagger' && !s.text.includes(' '))
        expect(s.score).toBeGreaterThanOrEqual(tagger.singleThreshold);
  });

  it('keeps the head in the names of camps, hills, hospitals and crossings, not of towns', () => {
    expect(suggestNames('سيطرت الفصائل على قرية تل جبين شمال حلب', [])).toMatchObject([
      { text: 'تل جبين', kind: 'place' },
    ]);
    expect(suggestNames('وصل الجرحى إلى مستشفى الرازي', [])).toMatchObject([{ text: 'مستشفى الرازي' }]);
    expect(suggestNames('قصف في بلدة كفرمرزيتا', [])).toMatchObject([{ text: 'كفرمرزيتا' }]);
  });

  it("reads a town's second word with it, but not a verb or an adjective after it", () => {
    expect(suggestNames('داهمت دورية بلدة معرة مصرين ليلا', [])).toMatchObject([{ text: 'معرة مصرين' }]);
    expect(suggestNames('في بلدة عندان قصفت الطائرات', [])).toMatchObject([{ text: 'عندان' }]);
    expect(suggestNames('هجر سكان قرية البصة المدمرة', [], { tagger })).toMatchObject([{ text: 'البصة' }]);
  });

  it('never suggests where a known mention already is', () => {
    const text = 'اشتباكات في مدينة دير الزور ومدينة الباب وبلدة كفرنبودة';
    const known = spot(text, compiledBundledLexicon());
    expect(known.length).toBeGreaterThan(0);
    for (const s of suggest(text))
      for (const m of known) expect(s.end <= m.start || m.end <= s.start).toBe(true);
    // A known span the recogniser would have suggested is left to the known tier.
    expect(suggestNames('في بلدة كفرنبودة', [{ start: 8, end: 16 }], { tagger })).toEqual([]);
  });

  it('gives offsets into the original text, clitics excluded', () => {
    const text = 'وصل الرتل إلى بلدةِ كفرنبودة، ثم إلى مخيم الركبان';
    for (const s of suggest(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('drops stopwords, lone letters and numbers after a trigger', () => {
    expect(suggest('في بلدة في الشمال وفي قرية 12 وفي حي ب')).toEqual([]);
  });

  it('suggests nothing in text without Arabic', () => {
    expect(suggest('The town of Kafr Nabudah was shelled.')).toEqual([]);
  });

  it('keys a name by its folded spelling without proclitics', () => {
    expect(nameKey('وبِكَفرنبودة')).toBe('وبكفرنبوده');
    expect(nameKey('بالحسكة')).toBe('الحسكه');
    expect(nameKey('للحسكة الجديدة')).toBe('الحسكه الجديده');
  });
});
