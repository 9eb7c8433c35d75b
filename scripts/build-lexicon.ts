/**
 * `npm run lexicon:build` — writes the bundled lexicon, lib/lexicon/entities.json, from its sources
 * (issue #13 §1). Re-runnable: the same inputs give the same file.
 *
 * Inputs, in order of precedence (an earlier source owns a spelling; a later one never takes it):
 * 1. lib/lexicon/data/seed-entities.json — the entities found in the seed documents, ids and aliases
 *    as they were (the seed tests hold them); `seed-countries.json` attributes them to countries and
 *    `curated-aliases.json` adds curated spellings to them.
 * 2. lib/lexicon/data/curated-*.json — actors, people and places curated by hand, each with a note.
 * 3. Countries and territories: CLDR names through `Intl.DisplayNames` (Node's full ICU), with the
 *    variants and conditions of lib/lexicon/data/countries.json.
 * 4. Syria's governorates, districts and subdistricts: ../shared/data/syria-admin (OpenSyria, CC BY 4.0).
 * 5. Towns of Syria, Iraq, Lebanon and Jordan: ../shared/data/gazetteer (GeoNames cities15000, CC BY
 *    4.0), with lib/lexicon/data/gazetteer-arabic.json correcting or skipping its Arabic names.
 * 6. Towns of the Arab states, Turkey and Iran with an Arabic name in GeoNames cities500 (CC BY 4.0):
 *    lib/lexicon/data/geonames-cities500-arabic.tsv, cut from GeoNames' file by
 *    `node scripts/build-lexicon.ts --geonames path/to/cities500.txt` (see data/LICENSES.md).
 *    A town's name that is also an ordinary word — it occurs untagged (O) in the NER corpora of
 *    ../shared/data/ner-train — or a small town's name counts only after a place word (بلدة، قرية …).
 * One entity per real-world referent: a town, its district and its subdistrict are one entity, and a
 * place already known (seed, curated) is not made again. See lib/lexicon/README.md and data/LICENSES.md.
 */
import { isStopword } from '../lib/arabic/stopwords.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { fold } from '../lib/arabic/normalize.ts';
import {
  LEXICON_SCHEMA_VERSION,
  validateLexicon,
  type Alias,
  type AliasCondition,
  type Entity,
  type Lexicon,
  type Subtype,
} from '../lib/lexicon/schema.ts';

const ROOT = new URL('../', import.meta.url);
const DATA = new URL('lib/lexicon/data/', ROOT);
const SHARED = new URL(process.env.RASID_SHARED_DATA ?? '../shared/data/', ROOT);
/** Where the lexicon goes: entities.json, or elsewhere to compare (lib/lexicon/build-lexicon.test.ts). */
const OUT = process.env.RASID_LEXICON_OUT
  ? new URL(`file://${process.env.RASID_LEXICON_OUT}`)
  : new URL('lib/lexicon/entities.json', ROOT);

const readJson = <T>(url: URL): T => JSON.parse(readFileSync(url, 'utf8')) as T;
const data = <T>(name: string): T => readJson<T>(new URL(name, DATA));

/** A curated entity as written in data/curated-*.json: the entity's fields, with aliases in short form. */
interface CuratedEntity {
  id: string;
  type?: Entity['type'];
  subtype: Subtype;
  ar: string;
  en: string;
  /** More Arabic spellings, plain. */
  aka?: string[];
  /** More Latin-script spellings. */
  enAka?: string[];
  /** Surnames and short forms that may name someone else: they count after a title or with the full name. */
  short?: string[];
  /** Short forms that are also ordinary words (رئيسي «main», الصدر «chest»): they count only after a title. */
  titled?: string[];
  /** Aliases with their own conditions (schema form). */
  when?: Alias[];
  country?: string;
  note: string;
}

const warnings: string[] = [];
const warn = (message: string) => warnings.push(message);

/** Words before a person's surname that make it theirs: «الرئيس أردوغان», «الوزير لافروف». */
const TITLES = data<string[]>('person-titles.json');
/** Words before a place name that make it a place: «بلدة الحراك», «ريف الباب». */
const PLACE_WORDS = [
  'مدينة',
  'مدينتي',
  'بلدة',
  'بلدتي',
  'قرية',
  'قريتي',
  'ناحية',
  'منطقة',
  'ريف',
  'مركز',
  'أطراف',
  'محيط',
  'قرب',
  'بلدات',
  'قرى',
];

const TITLED_AMBIGUITY =
  'A surname that is also an ordinary word or a common name: it counts only after a title (الرئيس، الوزير، السيد …).';
const SHORT_AMBIGUITY =
  'A surname alone may name someone else: it counts after a title (الرئيس، الوزير …) or when the full name is in the text.';

// ---------------------------------------------------------------------------------------------------
// 1–2. Seed and curated entities

const seedEntities = data<Entity[]>('seed-entities.json');
const seedCountries = data<Record<string, string>>('seed-countries.json');
/** More spellings for seed entities: plain text, or an alias with its condition (schema form). */
const seedExtra = data<Record<string, (string | Alias)[]>>('curated-aliases.json');

function fromCurated(c: CuratedEntity, type: Entity['type']): Entity {
  // A spelling given with a condition is not also given plain.
  const conditional = new Set((c.when ?? []).map((a) => fold(a.text)));
  const plain = [c.ar, ...(c.aka ?? [])].filter((t) => !conditional.has(fold(t))).map((text) => ({ text }));
  const en = [c.en, ...(c.enAka ?? [])].map((text) => ({ text, lang: 'en' as const }));
  const short = (c.short ?? []).map((text) => ({
    text,
    when: { after: TITLES, cooccurs: [c.id] },
    ambiguity: SHORT_AMBIGUITY,
  }));
  const titled = (c.titled ?? []).map((text) => ({
    text,
    when: { after: TITLES },
    ambiguity: TITLED_AMBIGUITY,
  }));
  return {
    id: c.id,
    type: c.type ?? type,
    subtype: c.subtype,
    ar: c.ar,
    en: c.en,
    ...(c.country ? { country: c.country } : {}),
    aliases: [...plain, ...(c.when ?? []), ...short, ...titled, ...en],
    provenance: { source: 'curated', note: c.note },
  };
}

// ---------------------------------------------------------------------------------------------------
// 3. Countries and territories (CLDR through Intl)

interface CountryCuration {
  /** Entity id when the country already exists (a seed entity), else made from the English name. */
  id?: string;
  /** Canonical Arabic name when CLDR's is not the one the news uses. */
  ar?: string;
  en?: string;
  aka?: string[];
  enAka?: string[];
  /** CLDR spellings not to use (an ordinary word, a clash with a city). */
  drop?: string[];
  when?: Alias[];
  skip?: boolean;
}
const countryCuration = data<Record<string, CountryCuration>>('countries.json');
/** Not ISO 3166-1 countries or territories: macro-regions, reservations, pseudo-locales, withdrawn codes. */
const NOT_REGIONS = new Set(
  'AC CP CQ DG EA IC TA EU EZ UN QO XA XB ZZ AN BU CS DD DY FX HV NH RH SU TP UK VD YD YU ZR'.split(' '),
);

function countries(): Entity[] {
  const ar = new Intl.DisplayNames('ar', { type: 'region', fallback: 'none' });
  const arShort = new Intl.DisplayNames('ar', { type: 'region', fallback: 'none', style: 'short' });
  const en = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
  const out: Entity[] = [];
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = ar.of(code);
      if (!name || name === code || NOT_REGIONS.has(code)) continue;
      const c = countryCuration[code] ?? {};
      if (c.skip) continue;
      // CLDR writes qualifiers in brackets or after a dash («ميانمار (بورما)», «الكونغو - كينشاسا»).
      const cldr = [name, arShort.of(code)!]
        .flatMap((n) => n.split(/\s*[()]\s*|\s+-\s+/u))
        .map((n) => n.trim())
        .filter((n) => n && !c.drop?.includes(n));
      const canonical = c.ar ?? cldr[0]!;
      const english = c.en ?? en.of(code)!.replace(/&/gu, 'and');
      out.push({
        id: c.id ?? kebab(english),
        type: 'place',
        subtype: 'country',
        ar: canonical,
        en: english,
        country: code.toLowerCase(),
        aliases: [
          ...[canonical, ...cldr, ...(c.aka ?? [])].map((text) => ({ text })),
          ...(c.when ?? []),
          ...[english, en.of(code)!, ...(c.enAka ?? [])].map((text) => ({ text, lang: 'en' as const })),
        ],
        provenance: {
          source: 'curated',
          note: `CLDR region name for ${code} (Intl.DisplayNames)${c.aka || c.ar || c.when ? ', with curated variants' : ''}.`,
        },
      });
    }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// 4. Syria's administrative divisions (OpenSyria, CC BY 4.0)

interface AdminUnit {
  id: string;
  governorateId?: string;
  districtId?: string;
  name: { en: string; ar: string };
  aliases: { value: string; language: string; type: string }[];
  population?: { value: number };
}
const syriaAdmin = (name: string) => readJson<AdminUnit[]>(new URL(`syria-admin/${name}.json`, SHARED));

/**
 * Syrian place names that are also ordinary words, names of people or of better-known places:
 * they count only after a place word (بلدة، ريف …) or with their governorate or district named.
 */
const SYRIA_AMBIGUOUS = new Set(
  [
    'الثورة',
    'التل',
    'الباب',
    'الحاضر',
    'الحمراء',
    'الكرامة',
    'المزرعة',
    'الراعي',
    'الحاجب',
    'الجلاء',
    'الروضة',
    'الناصرة',
    'الحميدية',
    'الزيارة',
    'السبخة',
    'المنصورة',
    'الدالية',
    'ربيعة',
    'الجيزة',
    'سنجار',
    'ملح',
    'شين',
    'عوج',
    'الكريمة',
    'نوى',
    'بنان',
    'كسب',
    'سبة',
    'جاسم',
    'مهين',
    'صدد',
    'بلبل',
    'حيش',
    'سلوك',
    'الحراك',
    'الضمير',
    'معدان',
    'الهول',
    'القبو',
    'التبني',
    'سوسة',
    'نبل',
    'صور',
    'شقا',
    'تسيل',
    'الغارية',
    'المليحة',
    'الطواحين',
    'الصفصافة',
    'السوداء',
    'الفاخورة',
    'البطيحة',
    'مسعدة',
    'الحواش',
    'الحديدة',
    'الجرنية',
    'الرحيبة',
    'الديماس',
    'قطنا',
    'المالكية',
    'الجوادية',
    'القحطانية',
    'العريشة',
    'الشيوخ التحتانية',
    'الخشنية',
    'العنازة',
    'السعن',
    'الكسرة',
    'البصيرة',
    'العشارة',
    'الصنمين',
    'المسمية',
    'داعل',
    'الشجرة',
    'الحفة',
    'جبلة',
    'التمانعة',
    'الدانا',
    'الفرقلس',
    'الرقاما',
    'القريتين',
    'المخرم',
    'شطحة',
    'عين الشرقية',
    'الزربة',
    'الخفسة',
    'مركدة',
    'هنادي',
    'بانياس',
    'دوير رسلان',
    'القدموس',
    'تالين',
    'حمين',
    'القمصية',
    'السيسنية',
    'البارقية',
    'خشام',
    'صرين',
    'شران',
    'راجو',
    'عريمة',
    'غندورة',
    'الجانودية',
    'بداما',
    'سنجار',
    'قورقينا',
    'محمبل',
    'إحسم',
  ].map(fold),
);

/** Single-word subdistrict towns that the news names alone and that mean nothing else. */
const SYRIA_DISTINCTIVE = new Set(
  [
    'حرستا',
    'عربين',
    'مضايا',
    'جرمانا',
    'صيدنايا',
    'معلولا',
    'جنديرس',
    'عامودا',
    'الدرباسية',
    'اليعربية',
    'هجين',
    'تلبيسة',
    'سرمين',
    'بنش',
    'سلقين',
    'دركوش',
    'صلنفة',
    'يبرود',
    'جيرود',
    'الكسوة',
    'قدسيا',
    'صحنايا',
    'سعسع',
    'مارع',
    'أخترين',
    'تادف',
    'خناصر',
    'مسكنة',
    'مزيريب',
    'المسيفرة',
    'غباغب',
    'ذيبان',
    'موحسن',
    'تفتناز',
    'أرمناز',
    'سراقب',
    'حريتان',
    'الأتارب',
    'كنسبا',
    'عقيربات',
    'سلحب',
    'كرناز',
    'محردة',
    'السقيلبية',
    'صلخد',
    'شهبا',
    'ذيبين',
    'القريا',
    'إزرع',
    'صافيتا',
    'دريكيش',
    'تلكلخ',
    'الرستن',
    'الزبداني',
    'دير عطية',
    'النبك',
    'القطيفة',
    'رنكوس',
    'السفيرة',
    'مصياف',
    'القرداحة',
    'كسب',
    'أرواد',
  ].map(fold),
);

/**
 * Districts whose seat is not a town of the same name: their entity is another one, or none.
 * Keys are OpenSyria district ids.
 */
const DISTRICT_SEATS: Record<string, { entity: string } | { skip: string }> = {
  'sy-aleppo-mount-simeon': { entity: 'aleppo' },
  'sy-raqqa-al-thawrah': { entity: 'tabqa' },
  'sy-rif-dimashq-markaz-rif-dimashq': { skip: 'the districts around Damascus: no town of that name' },
};
/** Subdistricts not to make an entity of (their name is a district's seat under another name, or a region). */
const SUBDISTRICT_SKIP: Record<string, string> = {
  'sy-aleppo-mount-simeon-jebel-saman': 'Aleppo city',
};

const stripArticle = (s: string) => s.replace(/^ال/u, '');
const nameKey = (s: string) => stripArticle(fold(s)).replace(/ /gu, '');

/** Edit distance ≤ 1 between two short strings. */
function nearlySame(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) || a.slice(i) === b.slice(i + 1);
}

/** OpenSyria's Arabic aliases that are spellings of the name (not another place, not «ناحية …»). */
function spellings(unit: AdminUnit, name: string): string[] {
  const key = nameKey(name);
  return unit.aliases
    .filter((a) => a.language === 'ar' && /^[\u0621-\u064a ]+$/u.test(a.value))
    .map((a) => a.value.replace(/^(مركز|منطقة|ناحية|مدينة) /u, ''))
    .filter((v) => v !== name && nearlySame(nameKey(v), key) && nameKey(v).length >= 3);
}

const syrianPlaceCondition = (ids: string[]): AliasCondition => ({
  after: PLACE_WORDS,
  cooccurs: [...new Set(ids)],
});

function syriaPlaces(
  known: (name: string) => Entity | undefined,
  ordinary: ReadonlySet<string>,
  adopt: (e: Entity) => void,
): void {
  const governorates = syriaAdmin('governorates');
  const districts = syriaAdmin('districts');
  const subdistricts = syriaAdmin('subdistricts');
  const out: Entity[] = [];
  const governorateOf = new Map<string, string>();
  for (const g of governorates) {
    const e = known(g.name.ar);
    if (!e || e.subtype !== 'governorate') throw new Error(`no governorate entity for ${g.name.ar}`);
    governorateOf.set(g.id, e.id);
  }
  const note = (u: AdminUnit, level: string) =>
    `Seat of the ${level} ${u.name.en} (OpenSyria ${u.id}, CC BY 4.0; from OCHA COD-AB and GeoNames).`;
  const districtSeat = new Map<string, string>();
  const make = (u: AdminUnit, name: string, subtype: Subtype, ids: string[], level: string): Entity => {
    const plain = fold(name);
    const texts = [name, ...spellings(u, name)];
    // An ordinary word («الباب» the door, «القصير» short) counts only after a place word; a small
    // town's name also with its governorate or district named.
    const isOrdinary =
      SYRIA_AMBIGUOUS.has(plain) ||
      texts.some((t) => ordinary.has(fold(t)) || ordinary.has(stripArticle(fold(t))));
    const conditional =
      isOrdinary || (subtype === 'town' && !SYRIA_DISTINCTIVE.has(plain) && !name.includes(' '));
    const en = u.name.en.replace(/^Markaz /u, '');
    return {
      id: `sy-${kebab(en)}`,
      type: 'place',
      subtype,
      ar: name,
      en,
      country: 'sy',
      aliases: [
        ...texts.map((text) =>
          conditional
            ? isOrdinary
              ? {
                  text,
                  when: { after: PLACE_WORDS },
                  ambiguity: `«${text}» is also an ordinary word or another place's name: it counts only after a place word (بلدة، ريف …).`,
                }
              : {
                  text,
                  when: syrianPlaceCondition(ids),
                  ambiguity: `«${text}» is a small town's name that may name another place: it counts after a place word (بلدة، ريف …) or with its governorate or district named.`,
                }
            : { text },
        ),
        { text: en, lang: 'en' as const },
      ],
      provenance: { source: 'curated', note: note(u, level) },
    };
  };
  for (const d of districts) {
    const gov = governorateOf.get(d.governorateId!)!;
    const seat = DISTRICT_SEATS[d.id];
    if (seat && 'skip' in seat) continue;
    if (seat) {
      districtSeat.set(d.id, seat.entity);
      continue;
    }
    const existing = known(d.name.ar);
    if (existing) {
      districtSeat.set(d.id, existing.id);
      continue;
    }
    const e = make(d, d.name.ar, 'city', [gov], 'district');
    if (out.some((o) => o.id === e.id)) e.id = `${e.id}-${kebab(d.governorateId!.replace(/^sy-/u, ''))}`;
    out.push(e);
    adopt(e);
    districtSeat.set(d.id, e.id);
  }
  for (const s of subdistricts) {
    if (SUBDISTRICT_SKIP[s.id]) continue;
    const name = s.name.ar.replace(/^مركز /u, '');
    const gov = governorateOf.get(s.governorateId!)!;
    const seat = districtSeat.get(s.districtId!);
    const existing = known(name);
    if (existing) {
      const twice =
        existing.provenance.source === 'curated' &&
        existing.provenance.note?.startsWith('Seat of the subdistrict');
      if (existing.country !== 'sy' || twice)
        warn(`syria-admin: ${name} (${s.id}) left out: the spelling names ${existing.id}`);
      continue;
    }
    const e = make(s, name, 'town', seat ? [gov, seat] : [gov], 'subdistrict');
    if (out.some((o) => o.id === e.id)) e.id = `${e.id}-${kebab(s.districtId!.replace(/^sy-/u, ''))}`;
    out.push(e);
    adopt(e);
  }
}

// ---------------------------------------------------------------------------------------------------
// 5. GeoNames towns of Syria, Iraq, Lebanon, Jordan (cities15000, CC BY 4.0)

interface GazetteerFix {
  /** Canonical Arabic name, when GeoNames has none or a poor one. */
  ar?: string;
  aka?: string[];
  en?: string;
  skip?: string;
  /** Conditional: the name is also an ordinary word. */
  ambiguous?: boolean;
}
const gazetteerFixes = data<Record<string, GazetteerFix>>('gazetteer-arabic.json');

function gazetteerPlaces(
  known: (name: string) => Entity | undefined,
  ordinary: ReadonlySet<string>,
  adopt: (e: Entity) => void,
): Entity[] {
  const rows = readFileSync(new URL('gazetteer/geonames-cities15000-2012-SY-IQ-LB-JO.tsv', SHARED), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split('\t'));
  const out: Entity[] = [];
  for (const r of rows) {
    const [geonameid, , ascii, alternates, , , , , cc, , , , , , population] = r as string[];
    const fix = gazetteerFixes[geonameid!] ?? {};
    if (fix.skip) continue;
    // Arabic-script alternates in Arabic letters only (not Kurdish or Persian spellings), without
    // an administrative prefix (محافظة، قضاء، ناحية).
    const arabic = alternates!
      .split(',')
      .filter((n) => /^[\u0621-\u064a ]+$/u.test(n))
      .map((n) => n.replace(/^(محافظة|قضاء|ناحية) /u, ''));
    const names = [...new Set([...(fix.ar ? [fix.ar] : []), ...(fix.aka ?? []), ...(fix.ar ? [] : arabic)])];
    if (!names.length) {
      warn(`gazetteer: ${ascii} (${cc}, ${geonameid}) has no Arabic name`);
      continue;
    }
    if (names.some((n) => known(n))) continue; // a place Rasid knows already (seed, curated, syria-admin)
    const country = cc!.toLowerCase();
    const en = fix.en ?? ascii!;
    const ambiguous =
      fix.ambiguous || names.some((n) => ordinary.has(fold(n)) || ordinary.has(stripArticle(fold(n))));
    const e: Entity = {
      id: `${country}-${kebab(en)}`,
      type: 'place',
      subtype: Number(population) >= 100_000 ? 'city' : 'town',
      ar: names[0]!,
      en,
      country,
      aliases: [
        ...names.map((text) =>
          ambiguous
            ? {
                text,
                when: { after: PLACE_WORDS },
                ambiguity: `«${text}» is also an ordinary word: it counts only after a place word (مدينة، بلدة …).`,
              }
            : { text },
        ),
        { text: en, lang: 'en' as const },
      ],
      provenance: {
        source: 'curated',
        note: `GeoNames ${geonameid} (cities15000, CC BY 4.0)${fix.ar || fix.aka ? '; Arabic name curated' : ''}.`,
      },
    };
    out.push(e);
    adopt(e);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// 6. GeoNames cities500: towns with an Arabic name

const GEONAMES_SUBSET = new URL('geonames-cities500-arabic.tsv', DATA);
/** Countries whose towns are taken, and the population from which a town's name is taken plain. */
const GEONAMES_COUNTRIES: Record<string, { min: number }> = Object.fromEntries(
  [
    ...'SY IQ LB JO PS IL EG SA YE LY SD DZ MA TN AE QA KW BH OM MR SO DJ'.split(' ').map((cc) => [cc, 0]),
    ['TR', 100_000],
    ['IR', 100_000],
  ].map(([cc, min]) => [cc, { min: min as number }]),
);
/** Inhabited places only: not sections of a city (PPLX), historical or abandoned places. */
const TOWN_CODES = new Set([
  'PPL',
  'PPLA',
  'PPLA2',
  'PPLA3',
  'PPLA4',
  'PPLC',
  'PPLG',
  'PPLS',
  'PPLF',
  'PPLL',
]);
const PLAIN_FROM = 100_000;
const isArabicName = (n: string) => /^[\u0621-\u064a ]+$/u.test(n) && n.trim() === n;

/** `--geonames FILE`: cuts the rows Rasid uses (Arabic names, the countries above) from GeoNames' cities500.txt. */
function extractGeonames(file: string): void {
  const out = ['geonameid\tname\tasciiname\tarabic\tfeature\tcountry\tadmin1\tpopulation'];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const f = line.split('\t');
    const [id, name, ascii, alternates, , , fclass, fcode, cc, , admin1, , , , population] = f;
    if (!cc || !GEONAMES_COUNTRIES[cc] || fclass !== 'P' || !TOWN_CODES.has(fcode!)) continue;
    const arabic = [...new Set(alternates!.split(',').filter(isArabicName))];
    if (arabic.length)
      out.push([id, name, ascii, arabic.join(','), fcode, cc, admin1, population].join('\t'));
  }
  writeFileSync(GEONAMES_SUBSET, `${out.join('\n')}\n`);
  console.log(`${out.length - 1} towns → ${fileURLToPath(GEONAMES_SUBSET)}`);
}

/**
 * Ordinary words: word sequences (1–3 words, folded) that the NER corpora leave untagged. A place name
 * among them (النصر، الحرية، السلام …) is not taken plain.
 */
function ordinaryWords(): Set<string> {
  const words = new Set<string>();
  const corpora = [
    ['ner-train/wojood-sample/train.txt', /\s+/u],
    ['ner-train/newsfane-gold-2014/NewsFANE_Gold_2014_170K.txt', /\t/u],
  ] as const;
  for (const [path, sep] of corpora) {
    let run: string[] = [];
    let text: string;
    try {
      text = readFileSync(new URL(path, SHARED), 'utf8');
    } catch {
      warn(`ordinary words: ${path} not found, left out`);
      continue;
    }
    for (const line of text.split('\n')) {
      const [token, tag] = line.trim().split(sep);
      if (!token || tag !== 'O') {
        run = [];
        continue;
      }
      run = [...run.slice(-2), fold(token)];
      for (let n = 1; n <= run.length; n++) words.add(run.slice(-n).join(' '));
    }
  }
  return words;
}

function geonamesPlaces(
  known: (name: string) => Entity | undefined,
  countryEntity: ReadonlyMap<string, string>,
  ordinary: ReadonlySet<string>,
  taken: (id: string) => boolean,
  adopt: (e: Entity) => void,
): void {
  let text: string;
  try {
    text = readFileSync(GEONAMES_SUBSET, 'utf8');
  } catch {
    warn('geonames: data/geonames-cities500-arabic.tsv not found, left out');
    return;
  }
  const rows = text
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .sort((a, b) => Number(b[7]) - Number(a[7])); // the larger town first gets a shared name
  for (const [geonameid, , ascii, arabic, , cc, , population] of rows as string[][]) {
    const fix = gazetteerFixes[geonameid!] ?? {};
    if (fix.skip) continue;
    const pop = Number(population);
    const country = cc!.toLowerCase();
    const alternates = arabic!.split(',').map((n) => n.replace(/^(محافظة|قضاء|ناحية|مدينة|بلدة|قرية) /u, ''));
    // The first spelling is the name; others only when they spell the same name (not another place's).
    const first = fix.ar ?? alternates[0]!;
    const names = [
      ...new Set([
        first,
        ...(fix.aka ?? []),
        ...alternates.filter((n) => nearlySame(nameKey(n), nameKey(first))),
      ]),
    ].filter((n) => nameKey(n).length >= 3 && !/(^| )ال /u.test(n)); // not «ال معوضة»
    if (!names.length || names.some((n) => known(n))) continue;
    if (pop < (GEONAMES_COUNTRIES[cc!]?.min ?? Infinity)) continue;
    const isOrdinary = names.some((n) => ordinary.has(fold(n)) || ordinary.has(stripArticle(fold(n))));
    const plain = pop >= PLAIN_FROM && !isOrdinary && !fix.ambiguous;
    const countryId = countryEntity.get(country);
    const condition: AliasCondition =
      isOrdinary || fix.ambiguous || !countryId
        ? { after: PLACE_WORDS }
        : { after: PLACE_WORDS, cooccurs: [countryId] };
    const en = fix.en ?? ascii!.replace(/[`']/gu, ''); // GeoNames writes ayn as ` (`Aqraba)
    const id = `${country}-${kebab(en)}`;
    const e: Entity = {
      id: taken(id) ? `${id}-${geonameid}` : id,
      type: 'place',
      subtype: pop >= PLAIN_FROM ? 'city' : pop >= 10_000 ? 'town' : 'village',
      ar: names[0]!,
      en,
      country,
      aliases: [
        ...names.map((text) =>
          plain
            ? { text }
            : {
                text,
                when: condition,
                ambiguity: isOrdinary
                  ? `«${text}» is also an ordinary word: it counts only after a place word (بلدة، قرية …).`
                  : `«${text}» is a small town's name that may name another place: it counts after a place word or with its country named.`,
              },
        ),
        { text: en, lang: 'en' as const },
      ],
      provenance: { source: 'curated', note: `GeoNames ${geonameid} (cities500, CC BY 4.0).` },
    };
    adopt(e);
  }
}

// ---------------------------------------------------------------------------------------------------
// Merging

function kebab(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[’'‘`ʿʾ]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '');
}

function build(): Lexicon {
  const entities: Entity[] = [];
  /** Folded spelling → owner entity id. */
  const owner = new Map<string, string>();
  /**
   * The countries whose texts a shared generic spelling already stands for («الحكومة» is Syria's in a
   * text about Syria, Iraq's in a text about Iraq): null once any owner holds it without an `about`.
   */
  const aboutOf = new Map<string, Set<string> | null>();
  /** Another entity may take a spelling only for texts about countries no owner has claimed yet. */
  const sharable = (key: string, a: Alias) => {
    const taken = aboutOf.get(key);
    return !!taken && !!a.when?.about && a.when.about.every((country) => !taken.has(country));
  };
  /** Folded name without its article → place entity, for «the same place» across sources. */
  const placeByName = new Map<string, Entity>();
  const byId = new Map<string, Entity>();

  /** A seed entity keeps every alias it had (the seed tests check them). */
  const accept = (e: Entity, origin: string, keepAll = false): Entity | null => {
    if (byId.has(e.id)) {
      warn(`${origin}: duplicate id ${e.id} left out`);
      return null;
    }
    const seen = new Set<string>();
    e.aliases = e.aliases.filter((a) => {
      const key = fold(a.text);
      if (seen.has(key)) return false;
      seen.add(key);
      const other = owner.get(key);
      if (other && other !== e.id && !sharable(key, a)) {
        if (!keepAll) warn(`${origin}: «${a.text}» of ${e.id} left to ${other}`);
        return keepAll;
      }
      const letters = key.replace(/[^\p{L}]/gu, '').length;
      if (!a.when && !keepAll && (letters < 3 || isStopword(key))) {
        warn(`${origin}: «${a.text}» of ${e.id} is too short or a function word, left out`);
        return false;
      }
      return true;
    });
    if (!e.aliases.some((a) => fold(a.text) === fold(e.ar) && a.lang !== 'en')) {
      warn(`${origin}: ${e.id} left out: its name «${e.ar}» belongs to ${owner.get(fold(e.ar))}`);
      return null;
    }
    if (!e.aliases.some((a) => a.lang === 'en')) {
      warn(`${origin}: ${e.id} left out: no English spelling left`);
      return null;
    }
    for (const a of e.aliases) {
      const key = fold(a.text);
      if (!owner.has(key)) owner.set(key, e.id);
      const about = a.when?.about;
      const taken = aboutOf.has(key) ? aboutOf.get(key)! : new Set<string>();
      aboutOf.set(key, about && taken ? new Set([...taken, ...about]) : null);
    }
    if (e.type === 'place')
      for (const a of e.aliases)
        if (a.lang !== 'en' && !placeByName.has(nameKey(a.text))) placeByName.set(nameKey(a.text), e);
    byId.set(e.id, e);
    entities.push(e);
    return e;
  };

  for (const seed of seedEntities) {
    const e: Entity = structuredClone(seed);
    const country = seedCountries[e.id];
    if (country) e.country = country;
    const more = seedExtra[e.id] ?? [];
    e.aliases = [
      ...e.aliases,
      ...more.map((a) =>
        typeof a !== 'string' ? a : /[a-z]/iu.test(a) ? { text: a, lang: 'en' as const } : { text: a },
      ),
    ];
    accept(e, 'seed', true);
  }
  for (const [file, type] of [
    ['curated-places.json', 'place'],
    ['curated-actors.json', 'actor'],
    ['curated-people.json', 'actor'],
  ] as const)
    for (const c of data<CuratedEntity[]>(file)) accept(fromCurated(c, type), file);
  for (const e of countries()) accept(e, 'countries');

  const known = (name: string) => placeByName.get(nameKey(name));
  const ordinary = ordinaryWords();
  syriaPlaces(known, ordinary, (e) => void accept(e, 'syria-admin'));
  gazetteerPlaces(known, ordinary, (e) => void accept(e, 'gazetteer'));
  const countryEntity = new Map<string, string>();
  for (const e of entities)
    if ((e.subtype === 'country' || e.subtype === 'state') && e.country && !countryEntity.has(e.country))
      countryEntity.set(e.country, e.id);
  geonamesPlaces(
    known,
    countryEntity,
    ordinary,
    (id) => byId.has(id),
    (e) => void accept(e, 'geonames'),
  );

  // Conditions may name only entities that exist (an unknown id is a build error, not a silent miss).
  for (const e of entities)
    for (const a of e.aliases)
      if (a.when?.cooccurs) a.when.cooccurs = a.when.cooccurs.filter((id) => byId.has(id));
  return { schemaVersion: LEXICON_SCHEMA_VERSION, entities };
}

const geonamesAt = process.argv.indexOf('--geonames');
if (geonamesAt > 0) extractGeonames(process.argv[geonamesAt + 1]!);
const lexicon = build();
const errors = validateLexicon(lexicon);
if (errors.length) {
  console.error(errors.slice(0, 40).join('\n'));
  process.exit(1);
}
// Formatted as the repository formats entities.json (the gate checks it).
const formatAs = fileURLToPath(new URL('lib/lexicon/entities.json', ROOT));
const text = await prettier.format(JSON.stringify(lexicon), {
  ...(await prettier.resolveConfig(formatAs)),
  filepath: formatAs,
});
writeFileSync(OUT, text);

const counts = new Map<string, number>();
for (const e of lexicon.entities)
  counts.set(`${e.type}/${e.subtype}`, (counts.get(`${e.type}/${e.subtype}`) ?? 0) + 1);
const aliases = lexicon.entities.reduce((n, e) => n + e.aliases.length, 0);
if (process.argv.includes('--verbose')) for (const w of warnings) console.warn(w);
console.log(
  `${lexicon.entities.length} entities, ${aliases} aliases → lib/lexicon/entities.json (${warnings.length} spellings or entities left out; --verbose lists them)`,
);
console.log(
  [...counts]
    .sort()
    .map(([k, n]) => `${k} ${n}`)
    .join(', '),
);
