import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fold } from '../arabic/normalize.ts';
import { bundledLexicon, compiledBundledLexicon } from './bundled-lexicon.ts';
import { validateLexicon } from './schema.ts';
import { spot } from './spot.ts';

const SEEDS = new URL('../../tests/fixtures/seeds/', import.meta.url);
const seedText = (stem: string) => readFileSync(new URL(`${stem}.txt`, SEEDS), 'utf8');
const { entities } = bundledLexicon;

describe('the bundled lexicon', () => {
  it('is valid against schema version 1', () => {
    expect(validateLexicon(bundledLexicon)).toEqual([]);
  });

  it('rejects what breaks the schema, with a message per problem', () => {
    const broken = {
      schemaVersion: 2,
      entities: [
        { id: 'Bad Id', type: 'thing', subtype: 'city', ar: '', en: 'x', aliases: [], provenance: {} },
      ],
    };
    const errors = validateLexicon(broken);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/schemaVersion/u),
        expect.stringMatching(/kebab-case/u),
        expect.stringMatching(/type must be/u),
        expect.stringMatching(/ar is required/u),
        expect.stringMatching(/aliases/u),
        expect.stringMatching(/provenance/u),
      ]),
    );
  });

  it('has well over a hundred entities, actors and places', () => {
    expect(entities.length).toBeGreaterThan(100);
    expect(entities.filter((e) => e.type === 'actor').length).toBeGreaterThan(40);
    expect(entities.filter((e) => e.type === 'place').length).toBeGreaterThan(40);
  });

  it('lists each canonical Arabic name among the aliases, with an English alias for English pages', () => {
    for (const e of entities) {
      expect(
        e.aliases.map((a) => fold(a.text)),
        e.id,
      ).toContain(fold(e.ar));
      expect(
        e.aliases.some((a) => a.lang === 'en'),
        e.id,
      ).toBe(true);
    }
  });

  it('gives no spelling to two entities, but a generic word to each country’s texts', () => {
    // «الحكومة» is Syria's government in a text about Syria and Iraq's in a text about Iraq: a
    // spelling is shared only between `about` conditions over different countries.
    const owners = new Map<string, { id: string; about: readonly string[] | undefined }[]>();
    const clashes: string[] = [];
    for (const e of entities)
      for (const a of e.aliases) {
        const key = fold(a.text);
        const others = (owners.get(key) ?? []).filter((o) => o.id !== e.id);
        const about = a.when?.about;
        if (others.some((o) => !o.about || !about || o.about.some((c) => about.includes(c))))
          clashes.push(`${a.text}: ${others.map((o) => o.id).join(', ')} and ${e.id}`);
        owners.set(key, [...(owners.get(key) ?? []), { id: e.id, about }]);
      }
    expect(clashes).toEqual([]);
    expect(owners.get(fold('الحكومة'))!.map((o) => o.id)).toEqual(
      expect.arrayContaining(['syrian-government', 'iraqi-government', 'iranian-government']),
    );
  });

  it('names every Syrian governorate', () => {
    const governorates = entities.filter((e) => e.subtype === 'governorate').map((e) => fold(e.ar));
    for (const name of [
      'دمشق',
      'ريف دمشق',
      'حلب',
      'حمص',
      'حماة',
      'اللاذقية',
      'طرطوس',
      'إدلب',
      'دير الزور',
      'الرقة',
      'الحسكة',
      'درعا',
      'السويداء',
      'القنيطرة',
    ])
      expect(governorates, name).toContain(fold(name));
  });
});

describe('provenance', () => {
  const seedAliases = entities.flatMap((e) =>
    e.aliases.filter((a) => a.seed).map((a) => [e.id, a.text, a.seed!] as const),
  );

  it.each(seedAliases)('%s: «%s» occurs in seed %s after folding', (_id, alias, seed) => {
    expect(fold(seedText(seed))).toContain(fold(alias));
  });

  it('quotes every seed-derived entity verbatim from its seed', () => {
    for (const e of entities) {
      if (e.provenance.source !== 'seed') continue;
      expect(seedText(e.provenance.seed), e.id).toContain(e.provenance.quote);
    }
  });
});

describe('ordinary words are left alone (counter-examples from ordinary sentences)', () => {
  const lexicon = compiledBundledLexicon();
  const ids = (text: string) => spot(text, lexicon).map((m) => m.alias.entity.id);
  const table: [sentence: string, not: string][] = [
    ['استقبل رئيس الدولة الوفد الزائر', 'isis'],
    ['تعمل مؤسسات الدولة على تحسين الخدمات', 'isis'],
    ['يعاني النظام الصحي من نقص في الأدوية', 'syrian-regime'],
    ['أعلن التحالف الانتخابي فوزه', 'international-coalition'],
    ['الأسد ملك الغابة', 'bashar-al-assad'],
    ['حماة الديار عليكم سلام', 'hama'],
    ['ساهم التنظيم الجيد في نجاح المؤتمر', 'isis'],
    ['أطلق المتظاهرون هتافات في الميدان', 'al-midan'],
    ['جلس تحت الشجرة', 'al-shajara'],
  ];
  it.each(table)('%s — not %s', (sentence, id) => {
    expect(ids(sentence)).not.toContain(id);
  });

  const named: [sentence: string, id: string][] = [
    ['قاتل مقاتلو تنظيم "الدولة" في البادية', 'isis'],
    ['قصفت قوات النظام ريف إدلب', 'syrian-regime-forces'],
    ['دخلت قوات النظام السوري إلى حماة', 'hama'],
  ];
  it.each(named)('%s — names %s', (sentence, id) => {
    expect(ids(sentence)).toContain(id);
  });
});

/** Gold mentions written from a reading of each seed: tests/fixtures/seeds/<stem>.expected.json. */
describe('the seeds, mention by mention', () => {
  const gold = readdirSync(SEEDS).filter((f) => f.endsWith('.expected.json'));
  it.each(gold)('%s', (file) => {
    const stem = file.replace('.expected.json', '');
    const expected = JSON.parse(readFileSync(new URL(file, SEEDS), 'utf8')) as {
      text: string;
      entity: string;
    }[];
    const actual = spot(seedText(stem), compiledBundledLexicon()).map((m) => ({
      text: m.text,
      entity: m.alias.entity.id,
    }));
    expect(actual).toEqual(expected);
  });
});
