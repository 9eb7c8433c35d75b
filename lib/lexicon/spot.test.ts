import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fold } from '../arabic/normalize.ts';
import { compiledBundledLexicon } from './bundled-lexicon.ts';
import { compileLexicon } from './compile-lexicon.ts';
import { findNames, spot } from './spot.ts';
import { testEntity } from '../../tests/support/test-entity.ts';

const SEEDS = 'tests/fixtures/seeds/';

/** A small lexicon of its own, so these rules are tested apart from the bundled data. */
const entity = testEntity;
const lexicon = compileLexicon({
  entities: [
    entity('damascus', 'place', [{ text: 'دمشق' }]),
    entity('hasakah', 'place', [{ text: 'الحسكة' }]),
    entity('latakia', 'place', [{ text: 'اللاذقية' }]),
    entity('iran', 'actor', [{ text: 'إيران' }]),
    entity('deir-ez-zor', 'place', [{ text: 'دير الزور' }, { text: 'Deir ez-Zor', lang: 'en' }]),
    entity('deir-ez-zor-airport', 'place', [{ text: 'مطار دير الزور العسكري' }]),
    entity('coalition', 'actor', [
      { text: 'التحالف الدولي' },
      { text: 'التحالف', when: { notFollowedBy: ['الروسي'] }, ambiguity: 'x' },
    ]),
    entity('hts', 'actor', [{ text: 'هيئة تحرير الشام' }]),
    entity('un', 'actor', [{ text: 'الأمم المتحدة' }]),
    entity('bosra', 'place', [{ text: 'بصرى الشام' }]),
    entity('sdf', 'actor', [{ text: 'قوات سوريا الديمقراطية' }, { text: 'SDF', lang: 'en' }]),
    entity('syria', 'place', [{ text: 'سوريا' }]),
    entity('m4', 'place', [{ text: 'M4', lang: 'en' }]),
    entity('isis', 'actor', [
      { text: 'داعش' },
      { text: 'الدولة', when: { quoted: true, after: ['تنظيم', 'عناصر'] }, ambiguity: 'رئيس الدولة' },
      { text: 'التنظيم', when: { cooccurs: ['isis'] }, ambiguity: 'التنظيم الإداري' },
    ]),
    entity('assad', 'actor', [
      { text: 'الأسد', when: { cooccurs: ['syria'] }, ambiguity: 'الأسد ملك الغابة' },
    ]),
  ],
});

/** [entity id, exact text] for every mention. */
const found = (text: string) => spot(text, lexicon).map((m) => [m.alias.entity.id, m.text]);

describe('clitics: the name is found behind them, and the highlight covers only the name', () => {
  const plain: [string, string][] = [
    ['و', 'ودمشق'],
    ['ف', 'فدمشق'],
    ['ب', 'بدمشق'],
    ['ك', 'كدمشق'],
    ['ل', 'لدمشق'],
    ['وب', 'وبدمشق'],
    ['ول', 'ولدمشق'],
    ['وك', 'وكدمشق'],
    ['فب', 'فبدمشق'],
    ['فل', 'فلدمشق'],
  ];
  it.each(plain)('behind %s: %s', (_clitic, word) => {
    expect(found(`وصل إلى ${word} أمس`)).toEqual([['damascus', 'دمشق']]);
  });

  const article: [string, string, string][] = [
    ['و', 'والحسكة', 'الحسكة'],
    ['ف', 'فالحسكة', 'الحسكة'],
    ['ب', 'بالحسكة', 'الحسكة'],
    ['ك', 'كالحسكة', 'الحسكة'],
    ['وب', 'وبالحسكة', 'الحسكة'],
    ['فب', 'فبالحسكة', 'الحسكة'],
    ['لل (ل + ال)', 'للحسكة', 'لحسكة'],
    ['ولل', 'وللحسكة', 'لحسكة'],
    ['فلل', 'فللحسكة', 'لحسكة'],
    ['لل before a name whose word starts with ل', 'للاذقية', 'لاذقية'],
    ['ولل before a name whose word starts with ل', 'وللاذقية', 'لاذقية'],
  ];
  it.each(article)('an ال name behind %s: %s', (_clitic, word, text) => {
    const hit = found(`الطريق ${word} مقطوع`);
    expect(hit).toHaveLength(1);
    expect(hit[0]![1]).toBe(text);
  });

  it('matches a multi-word name behind a clitic', () => {
    expect(found('اشتباكات بين النظام وقوات سوريا الديمقراطية')).toEqual([['sdf', 'قوات سوريا الديمقراطية']]);
  });
  it('does not take «لال…», which is not Arabic spelling', () => expect(found('لالحسكة')).toEqual([]));
  it('does not take a letter that is not a clitic', () => expect(found('تدمشق مدمشق')).toEqual([]));
});

describe('word boundaries: no match inside a longer word', () => {
  const table: [string, string][] = [
    ['a nisba adjective', 'الحرس الإيراني'],
    ['a plural', 'التحالفات الإقليمية'],
    ['a suffix', 'المطبخ الدمشقي'],
    ['a Latin alias inside a longer token', 'طريق M40 السريع'],
    ['a Latin alias inside a word', 'SDFx'],
  ];
  it.each(table)('%s: %s', (_case, text) => expect(found(text)).toEqual([]));

  it('matches before punctuation and at the end of the text', () => {
    expect(found('إيران، دمشق.')).toEqual([
      ['iran', 'إيران'],
      ['damascus', 'دمشق'],
    ]);
  });
  it('matches Latin aliases whatever their case', () => {
    expect(found('The sdf and the Sdf, on the M4')).toEqual([
      ['sdf', 'sdf'],
      ['sdf', 'Sdf'],
      ['m4', 'M4'],
    ]);
  });
  it('matches Latin-script aliases inside Arabic text', () =>
    expect(found('على طريق M4 الدولي')).toEqual([['m4', 'M4']]));
});

describe('longest match wins', () => {
  it.each([
    ['مطار دير الزور العسكري over دير الزور', 'قصف مطار دير الزور العسكري', 'deir-ez-zor-airport'],
    ['التحالف الدولي over التحالف', 'أعلن التحالف الدولي', 'coalition'],
    ['the SDF over Syria inside its name', 'قوات سوريا الديمقراطية', 'sdf'],
  ])('%s', (_case, text, id) => {
    expect(found(text)).toEqual([
      [
        id,
        text
          .split(' ')
          .slice(text.startsWith('قوات') ? 0 : 1)
          .join(' '),
      ],
    ]);
  });
  it('falls back to a shorter name when the longer one is not all there', () => {
    expect(found('مطار دير الزور')).toEqual([['deir-ez-zor', 'دير الزور']]);
  });
});

describe('names as they are really written', () => {
  const table: [string, string, string][] = [
    ['with diacritics', 'دِمَشْقُ', 'damascus'],
    ['with tatweel', 'دمـــشق', 'damascus'],
    ['obfuscated', 'هيئـ.ـة تحرير الشـ.ـام', 'hts'],
    ['without hamza on the alef', 'الامم المتحدة', 'un'],
    ['with teh marbuta written heh', 'الامم المتحده', 'un'],
    ['with alef maqsura written yeh', 'بصري الشام', 'bosra'],
    ['with a line break inside the name', 'دير\nالزور', 'deir-ez-zor'],
    ['with a no-break space inside the name', 'دير\u00a0الزور', 'deir-ez-zor'],
    ['with Persian yeh', 'ایران', 'iran'],
    ['in English with a hyphen', 'Deir ez-Zor', 'deir-ez-zor'],
  ];
  it.each(table)('%s: %s', (_case, text, id) => {
    expect(found(`في ${text} اليوم`)).toEqual([[id, text]]);
  });
});

describe('ambiguous words need their context', () => {
  const table: [string, string, string | null][] = [
    ['الدولة after تنظيم', 'مقاتلي تنظيم الدولة', 'isis'],
    ['الدولة after لتنظيم (the clitic is stripped)', 'التابعة لتنظيم الدولة', 'isis'],
    ['الدولة in quotation marks', 'مقاتلو "الدولة" في الجنوب', 'isis'],
    ['الدولة in guillemets', 'عناصر من «الدولة»', 'isis'],
    ['الدولة after تنظيم with quotes between', 'تنظيم "الدولة"', 'isis'],
    ['رئيس الدولة is not ISIS', 'استقبل رئيس الدولة الوفد', null],
    ['مؤسسات الدولة is not ISIS', 'بناء مؤسسات الدولة', null],
    ['التحالف followed by an excluding word', 'التحالف الروسي الإيراني', null],
    ['التحالف otherwise', 'غارات التحالف على الرقة', 'coalition'],
  ];
  it.each(table)('%s', (_case, text, id) => {
    const ids = spot(text, lexicon).map((m) => m.alias.entity.id);
    expect(ids).toEqual(id ? [id] : []);
  });

  it('التنظيم names ISIS only when ISIS is named plainly elsewhere', () => {
    expect(found('أعاد التنظيم ترتيب صفوفه')).toEqual([]);
    expect(found('داعش يتقدم. أعاد التنظيم ترتيب صفوفه')).toEqual([
      ['isis', 'داعش'],
      ['isis', 'التنظيم'],
    ]);
  });
  it('a co-occurrence condition can rest on a mention accepted through another condition', () => {
    expect(found('عناصر "الدولة" في البادية. وأعاد التنظيم انتشاره')).toEqual([
      ['isis', 'الدولة'],
      ['isis', 'التنظيم'],
    ]);
  });
  it('الأسد is the lion without Syria in the text, and Assad with it', () => {
    expect(found('الأسد ملك الغابة')).toEqual([]);
    expect(found('قال الأسد إن سوريا')).toEqual([
      ['assad', 'الأسد'],
      ['syria', 'سوريا'],
    ]);
  });
});

describe('offsets', () => {
  /** A deterministic generator, so a failure can be replayed. */
  function random(seed: number) {
    return () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  }
  const decorations = [
    (s: string) => s,
    (s: string) => s.replace(/(.)/u, '$1ـ'),
    (s: string) => s.replace(/(.)$/u, 'ّ$1'),
    (s: string) => s.replace(/ /gu, '\u00a0'),
    (s: string) => `\u200f${s}`,
  ];
  const names = ['دمشق', 'الحسكة', 'إيران', 'دير الزور', 'هيئة تحرير الشام', 'داعش', 'SDF'];
  const clitics = ['', 'و', 'ب', 'وب', 'ف'];
  const filler = ['قال', 'مصدر', 'إن', 'القصف', 'استهدف', '،', 'في', 'أمس', '\n', '«', '»'];

  it('every reported span maps back to the original text exactly (property, 300 random texts)', () => {
    const next = random(42);
    const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
    for (let run = 0; run < 300; run++) {
      const parts: string[] = [];
      for (let i = 0; i < 12; i++) {
        parts.push(pick(filler));
        if (next() < 0.4) parts.push(pick(clitics) + pick(decorations)(pick(names)));
      }
      const text = parts.join(' ');
      for (const m of spot(text, lexicon)) {
        expect(text.slice(m.start, m.end)).toBe(m.text);
        // The span holds the whole name and nothing else: folded, it is one of the entity's aliases.
        const aliases = m.alias.entity.aliases.map((a) => fold(a.text));
        const span = fold(m.text);
        expect(aliases.includes(span) || aliases.includes(`ا${span}`), `${span} in ${text}`).toBe(true);
        // The characters around it are not letters of the same word (clitics excepted).
        expect(/[\p{L}\p{N}]/u.test(text[m.end] ?? ' ')).toBe(false);
      }
    }
  });
});

describe('context from the rest of the document', () => {
  it('lets a co-occurrence condition rest on an entity named elsewhere', () => {
    expect(spot('أعاد التنظيم ترتيب صفوفه', lexicon, new Set(['isis'])).map((m) => m.text)).toEqual([
      'التنظيم',
    ]);
    expect(spot('أعاد التنظيم ترتيب صفوفه', lexicon, new Set(['syria'])).map((m) => m.text)).toEqual([]);
  });
});

describe('every code point (issue #16: U+FFFE threw, U+FFFF was read as a space)', () => {
  /** Every UTF-16 code unit, lone surrogates and noncharacters included, then astral characters. */
  const everyUnit = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).join('');
  const astral = String.fromCodePoint(0x1f1f8, 0x1f1fe, 0x10ffff, 0x1d400, 0xe0041, 0x1fffe, 0x10fffe);

  it.each([
    ['every BMP unit between two names', `دمشق ${everyUnit} دير الزور`],
    ['every BMP unit inside a name', `دم${everyUnit.slice(0xfff0)}شق دمشق`],
    ['astral characters and noncharacters', `${astral}دمشق${astral} دمشق`],
  ])('%s: spot() returns, and every mention is a name in the text', (_, text) => {
    const found = spot(text, lexicon);
    for (const m of found) {
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeLessThanOrEqual(text.length);
      expect(fold(text.slice(m.start, m.end)).length).toBeGreaterThan(0);
    }
    expect(found.map((m) => m.alias.entity.id)).toContain('damascus');
  });

  it('reads U+FFFE and U+FFFF as nothing, not as a space: the name around them is found whole', () => {
    for (const odd of ['\ufffe', '\uffff'])
      expect(spot(`دير${odd} الزور و دم${odd}شق`, lexicon).map((m) => m.alias.entity.id)).toEqual([
        'deir-ez-zor',
        'damascus',
      ]);
  });
});

describe('the matcher as laid out for speed (issue #16)', () => {
  it('keeps each condition its own where many entities share one spelling', () => {
    // Five conditional aliases end at one trie node. Verdicts were once cached by candidate and
    // terminal modulo 4, so the fifth read the first's verdict.
    const shared = compileLexicon({
      entities: ['أ', 'ب', 'ت', 'ث', 'ج', 'ح'].map((after, i) =>
        entity(`town-${i}`, 'place', [{ text: 'النهر', when: { after: [`قرية${after}`] }, ambiguity: 'x' }]),
      ),
    });
    for (const [i, after] of ['أ', 'ب', 'ت', 'ث', 'ج', 'ح'].entries())
      expect(spot(`في قرية${after} النهر`, shared).map((m) => m.alias.entity.id)).toEqual([`town-${i}`]);
    expect(spot('في قريةخ النهر', shared)).toEqual([]);
  });

  it('walks nodes of many children, of a few, and of one, behind every clitic', () => {
    // ال has more children than `ROW_CHILDREN` (a row), الم three (the hash table), المن one.
    const letters = [...'بتثجحخدذرزسشصضطظعغفقك'];
    const names = [...letters.map((l) => `ال${l}وادي`), 'المنارة', 'المرفأ', 'الملعب'];
    const many = compileLexicon({
      entities: names.map((name, i) => entity(`n${i}`, 'place', [{ text: name }])),
    });
    for (const [i, name] of names.entries()) {
      const bare = name.slice(2);
      const text = `${name} و${name} وب${name} لل${bare} ف${name}`;
      expect(spot(text, many).map((m) => [m.alias.entity.id, m.text])).toEqual(
        [name, name, name, `ل${bare}`, name].map((t) => [`n${i}`, t]),
      );
    }
  });

  it('finds every mention of a text that is nothing but names', () => {
    const text = Array.from({ length: 3000 }, (_, i) => (i % 2 ? 'دمشق' : 'ودير الزور')).join(' ');
    const mentions = spot(text, lexicon);
    expect(mentions).toHaveLength(3000);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(mentions.slice(0, 2).map((m) => m.text)).toEqual(['دير الزور', 'دمشق']);
  });
});

describe('whether the context could matter (issue #16: a page’s chunks read again only where it could)', () => {
  it('says no for plain names, yes where a condition looked at what was named', () => {
    expect(findNames('وصل الوفد إلى دمشق', lexicon).contextMatters).toBe(false);
    expect(findNames('قال الأسد إن', lexicon).contextMatters).toBe(true);
    expect(findNames('أعاد التنظيم ترتيب صفوفه', lexicon).contextMatters).toBe(true);
    // A condition on the words around it alone does not look at what was named.
    expect(findNames('عناصر الدولة', lexicon).contextMatters).toBe(false);
  });

  it('when it says no, any other context finds the same mentions (the seeds, paragraph by paragraph)', () => {
    const bundled = compiledBundledLexicon();
    const contexts = [new Set<string>(), new Set(['syria']), new Set(['isis', 'iran', 'iraq', 'lebanon'])];
    let plain = 0;
    for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.txt')))
      for (const paragraph of readFileSync(SEEDS + file, 'utf8').split(/\n+/u)) {
        if (findNames(paragraph, bundled).contextMatters) continue;
        plain++;
        const first = spot(paragraph, bundled).map((m) => [m.start, m.alias.entity.id]);
        for (const context of contexts)
          expect(spot(paragraph, bundled, context).map((m) => [m.start, m.alias.entity.id])).toEqual(first);
      }
    expect(plain).toBeGreaterThan(5);
  });
});
