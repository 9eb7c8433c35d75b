import { isStopword } from '../arabic/stopwords.ts';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fold } from '../arabic/normalize.ts';
import { bundledLexicon, compiledBundledLexicon } from './bundled-lexicon.ts';
import { spot } from './spot.ts';

/** The places made by scripts/build-lexicon.ts from data, checked against that data (issue #13). */
const SHARED = new URL('../../../shared/data/syria-admin/', import.meta.url);
const { entities } = bundledLexicon;
const lexicon = compiledBundledLexicon();
const mentions = (text: string) => spot(text, lexicon);
const stripArticle = (s: string) => s.replace(/^ال/u, '');

interface AdminUnit {
  id: string;
  name: { ar: string; en: string };
}
/** A level of the divisions; none where `../shared` is missing (its tests are skipped then). */
const admin = (level: string): AdminUnit[] =>
  existsSync(SHARED)
    ? (JSON.parse(readFileSync(new URL(`${level}.json`, SHARED), 'utf8')) as AdminUnit[])
    : [];

/** Seats the build maps elsewhere on purpose (scripts/build-lexicon.ts, DISTRICT_SEATS). */
const NOT_A_TOWN = new Set([
  'sy-aleppo-mount-simeon',
  'sy-raqqa-al-thawrah',
  'sy-rif-dimashq-markaz-rif-dimashq',
  'sy-aleppo-mount-simeon-jebel-saman',
]);
/** Subdistrict seats whose spelling names a better-known place (Giza, Hodeidah, Nazareth, Sinjar…). */
const HOMONYMS = new Set(['الجيزة', 'الحديدة', 'الناصرة', 'سنجار', 'عوج'].map(fold));

describe.skipIf(!existsSync(SHARED))('Syria’s administrative divisions (OpenSyria)', () => {
  it('has all 14 governorates, 62 districts and 272 subdistricts to build from', () => {
    expect([admin('governorates').length, admin('districts').length, admin('subdistricts').length]).toEqual([
      14, 62, 272,
    ]);
  });

  it.each(admin('districts').filter((d) => !NOT_A_TOWN.has(d.id)))(
    'finds the seat of district $name.en in a sentence, as a Syrian place',
    ({ name }) => {
      const m = mentions(`وصل الوفد إلى مدينة ${name.ar} صباح اليوم`).find((x) =>
        fold(x.text).endsWith(fold(name.ar)),
      );
      expect(m?.alias.entity.type).toBe('place');
      expect(m?.alias.entity.country).toBe('sy');
    },
  );

  it('finds the seat of every subdistrict after a place word, as a Syrian place unless a better-known place has its name', () => {
    const missed: string[] = [];
    for (const s of admin('subdistricts')) {
      if (NOT_A_TOWN.has(s.id)) continue;
      const name = s.name.ar.replace(/^مركز /u, '');
      const key = stripArticle(fold(name)).replace(/ /gu, '');
      const m = ['مدينة', 'بلدة', 'قرية']
        .flatMap((word) => mentions(`قصفت الطائرات ${word} ${name} فجر اليوم`))
        .find((x) => fold(x.text).replace(/ /gu, '').endsWith(key));
      const syrian = m?.alias.entity.country === 'sy' || HOMONYMS.has(fold(name));
      if (!m || m.alias.entity.type !== 'place' || !syrian) missed.push(`${s.id} ${name}`);
    }
    // Two towns of the same name in different districts are one spelling: the second is not made.
    expect(missed).toEqual([]);
  });

  it('makes one entity per town, not one per level: a district named after its seat is the seat', () => {
    const byName = new Map<string, string[]>();
    for (const e of entities.filter((x) => x.country === 'sy' && x.type === 'place'))
      byName.set(fold(e.ar), [...(byName.get(fold(e.ar)) ?? []), e.id]);
    expect([...byName.values()].filter((ids) => ids.length > 1)).toEqual([]);
    // The governorate seats are the seed entities, not new ones.
    for (const id of ['aleppo', 'hasakah', 'raqqa', 'deir-ez-zor', 'idlib'])
      expect(mentions(`في مدينة ${entities.find((e) => e.id === id)!.ar}`)[0]?.alias.entity.id).toBe(id);
  });
});

describe('countries and territories (CLDR names with curated variants)', () => {
  const table: [sentence: string, id: string][] = [
    ['زار الوفد السعودية أمس', 'saudi-arabia'],
    ['زار الوفد المملكة العربية السعودية أمس', 'saudi-arabia'],
    ['وصل إلى الإمارات العربية المتحدة', 'united-arab-emirates'],
    ['وصل إلى الإمارات', 'united-arab-emirates'],
    ['عاد من أمريكا', 'usa'],
    ['عاد من أميركا', 'usa'],
    ['عاد من الولايات المتحدة', 'usa'],
    ['قال مسؤول في مصر', 'egypt'],
    ['قال مسؤول في جمهورية مصر العربية', 'egypt'],
    ['وصل إلى قطر', 'qatar'],
    ['الحرب في اليمن', 'yemen'],
    ['لاجئون في ألمانيا', 'germany'],
    ['وصل إلى الدنمارك', 'denmark'],
    ['وصل إلى الدانمرك', 'denmark'],
    ['غارات على قطاع غزة', 'gaza-strip'],
    ['سفير دولة فلسطين', 'palestine'],
    ['Talks in Saudi Arabia', 'saudi-arabia'],
  ];
  it.each(table)('%s → %s', (sentence, id) => {
    expect(mentions(sentence).map((m) => m.alias.entity.id)).toContain(id);
  });

  it('has every ISO 3166-1 country that Intl names, each once', () => {
    const countries = entities.filter((e) => e.subtype === 'country' || e.subtype === 'state');
    const codes = new Set(countries.map((e) => e.country));
    for (const code of ['sa', 'eg', 'ae', 'qa', 'ye', 'de', 'fr', 'cn', 'jp', 'br', 'ps', 'xk'])
      expect(codes).toContain(code);
    expect(countries.length).toBeGreaterThan(240);
  });

  const ordinary: [sentence: string, not: string][] = [
    ['قدم دعم مالي للمشروع', 'mali'],
    ['مدرسة بنين الابتدائية', 'benin'],
    ['على المدى القصير', 'sy-al-qusayr'],
    ['فتح الباب أمام المفاوضات', 'sy-al-bab'],
    ['القائم بالأعمال الأمريكي', 'al-qaim'],
    ['لتحقيق مآربه الخاصة', 'marib'],
    ['مسقط رأسه في الجنوب', 'muscat'],
    ['القاعدة العسكرية الروسية', 'al-qaeda'],
    ['كابل كهربائي', 'kabul'],
  ];
  it.each(ordinary)('leaves the ordinary word alone: %s — not %s', (sentence, id) => {
    expect(mentions(sentence).map((m) => m.alias.entity.id)).not.toContain(id);
  });
});

describe('the spellings of the bundled lexicon', () => {
  const seedAlias = (a: { seed?: string }) => a.seed !== undefined;

  it('has no plain spelling that is a function word or shorter than three letters (seed spellings aside)', () => {
    const bad = entities.flatMap((e) =>
      e.aliases
        .filter((a) => !a.when && !seedAlias(a))
        .filter((a) => {
          const key = fold(a.text);
          return isStopword(key) || key.replace(/[^\p{L}]/gu, '').length < 3;
        })
        .map((a) => `${e.id}: ${a.text}`),
    );
    expect(bad.filter((b) => !/^(united-nations|united-kingdom): (UN|UK)$/u.test(b))).toEqual([]);
  });

  it('gives people’s bare surnames only with a condition (curated people; the seeds’ spellings are as the seeds wrote them)', () => {
    const seeds = new Set(
      (
        JSON.parse(readFileSync(new URL('./data/seed-entities.json', import.meta.url), 'utf8')) as {
          id: string;
        }[]
      ).map((e) => e.id),
    );
    const people = entities.filter((e) => e.subtype === 'person' && !seeds.has(e.id));
    expect(people.length).toBeGreaterThan(250);
    for (const e of people) {
      const surname = fold(e.ar.trim().split(/\s+/u).at(-1)!);
      for (const a of e.aliases.filter((x) => x.lang !== 'en' && !x.when))
        expect(fold(a.text), `${e.id}: ${a.text}`).not.toBe(surname);
    }
  });

  it('knows the people and groups of the region’s news', () => {
    const table: [string, string][] = [
      ['اغتيال قاسم سليماني في بغداد', 'qasem-soleimani'],
      ['أسس أبو مصعب الزرقاوي التنظيم', 'abu-musab-al-zarqawi'],
      ['التقى مسعود بارزاني وفدا', 'masoud-barzani'],
      ['قال سيرغي لافروف', 'sergey-lavrov'],
      ['قال سيرجي لافروف', 'sergey-lavrov'],
      ['خطاب المرشد علي خامنئي', 'ali-khamenei'],
      ['قرر دونالد ترامب', 'donald-trump'],
      ['قرر دونالد ترمب', 'donald-trump'],
      ['عناصر تنظيم القاعدة', 'al-qaeda'],
      ['حركة حماس', 'hamas'],
      ['فصائل الحشد الشعبي', 'pmf'],
      ['مرتزقة فاغنر', 'wagner-group'],
      ['منظمة هيومن رايتس ووتش', 'hrw'],
      ['الاتحاد الأوروبي', 'european-union'],
      ['في القاهرة', 'cairo'],
      ['إقليم كردستان العراق', 'kurdistan-region'],
    ];
    for (const [sentence, id] of table)
      expect(
        mentions(sentence).map((m) => m.alias.entity.id),
        sentence,
      ).toContain(id);
  });

  it('takes a surname alone after a title or with the full name in the text, not otherwise', () => {
    const ids = (t: string) => mentions(t).map((m) => m.alias.entity.id);
    expect(ids('قال الرئيس ترامب إن')).toContain('donald-trump');
    expect(ids('قال دونالد ترامب إن القرار نهائي. وأضاف ترامب')).toEqual(['donald-trump', 'donald-trump']);
    expect(ids('وأضاف ترامب')).toEqual([]);
    expect(ids('الطريق الرئيسي في المدينة')).not.toContain('ebrahim-raisi');
  });
});
