import { fold } from '../arabic/normalize.ts';
import { stemOf } from './words.ts';

/**
 * Words that announce a name in Arabic news, and words that never are one. Written as a reader
 * spells them; folded on first use (the content script loads this on every page).
 */

/** Before a place: «في بلدة كفرنبودة», «مخيم الركبان». Compared clitics stripped (وبريف → ريف). */
const PLACE = `مدينة مدينتي بلدة بلدتي قرية قريتي ريف حي ناحية مخيم معبر محافظة محافظتي منطقة قضاء
  بلدات قرى مدن مخيمات أحياء مطار سد حقل جبل جبال نهر وادي سهل بادية ضاحية مدينتا
  دوار ساحة شارع جسر معسكر مزرعة مزارع تلة تل مستشفى مستشفيات مشفى مسجد جامع كنيسة`;

/**
 * Place heads that are part of the name they announce, as the lexicon writes such names («مخيم
 * الركبان», «معبر باب الهوى», «تل أبيض», «وادي بردى», «مستشفى الرازي»); after the others (مدينة،
 * بلدة، قرية، ريف …) the name is the town's own («الحسكة», not «مدينة الحسكة»).
 */
const PLACE_IN_NAME = `مخيم معبر مطار سد حقل جبل وادي سهل نهر دوار ساحة شارع جسر معسكر تلة تل مستشفى مشفى
  مسجد جامع كنيسة`;

/** Titles before a person: «القائد أبو محمد الجولاني», «العميد سهيل الحسن». Compared with ال. */
const PERSON = `القائد قائد المدعو الملقب الرئيس العميد اللواء العقيد المقدم الرائد النقيب الملازم
  الجنرال الشيخ الشهيد القيادي الأمير الملك المبعوث المرشد الداعية السيد السيدة الدكتور د الناشط
  الصحفي الإعلامي المحامي المعارض النائب الوزير الوزيرة المتحدث المتحدثة الرقيب المساعد الحاج
  الإمام المطران البطريرك الأمين المفتي زعيم الزعيم رئيسها رئيسه نائب المستشار المراسل الكاتب
  الباحث المهندس الطبيب الفنان اللاعب المدرب الأستاذ المواطن الشاب الطفل الطفلة السفير القاضي`;

/** Heads of an organisation's name: «حركة نور الدين الزنكي», «جبهة النصرة». Clitics stripped, without ال. */
const ORGANIZATION = `حركة جبهة لواء ألوية كتائب كتيبة فصيل منظمة جمعية حزب تجمع تنظيم جيش فيلق فرقة
  هيئة مجلس اتحاد جماعة ميليشيا ميليشيات مليشيا قوات شركة وكالة صحيفة قناة مؤسسة رابطة
  تيار ائتلاف شبكة غرفة سرايا سرية عصائب منظمات جامعة اللجنة لجنة وزارة جريدة مجلة إذاعة بلدية
  محكمة نقابة دائرة مديرية بورصة كلية`;

/**
 * Organisation heads whose name is an ordinary word: «وزارة الخارجية», «صحيفة الحياة», «قناة
 * الجزيرة», «جريدة الكفاح». After them the first word counts even if it is common.
 */
const NAMED_BY_WORD = `وزارة وزارتي جريدة صحيفة مجلة إذاعة قناة وكالة`;

/**
 * A state's bodies, named by the state's adjective: «الحكومة الإيطالية», «القوات العراقية», «الشرطة
 * التركية», «خارجية النظام» is not one (no adjective). Compared clitics stripped, with or without ال.
 */
const STATE_BODY = `الحكومة حكومة الجيش جيش القوات قوات الشرطة شرطة السلطات سلطات البحرية
  المخابرات مخابرات الاستخبارات استخبارات الرئاسة البرلمان الحرس خفر`;

/**
 * Nations' adjectives, masculine, without ال (the feminine adds ة): «الحكومة الليبية». The states of
 * the region and the powers in its news; a hand list, since the nisba of a name is not regular enough
 * (أمريكا → الأمريكي but also الأميركي; مصر → المصري).
 */
const NATION = `سوري عراقي لبناني أردني فلسطيني إسرائيلي تركي إيراني روسي أمريكي أميركي بريطاني فرنسي
  ألماني إيطالي إسباني صيني ياباني هندي باكستاني أفغاني مصري ليبي تونسي جزائري مغربي سوداني يمني
  سعودي قطري كويتي إماراتي بحريني عماني أوكراني يوناني قبرصي أذربيجاني أرمني جورجي كردي هولندي
  بلجيكي سويدي نمساوي كندي أسترالي إثيوبي صومالي موريتاني نيجيري تشادي مالي كوري`;

/** Kunyas: «أبو محمد الجولاني», «أم عمر». */
const KUNYA = 'أبو أبي أبا أم';

/** Words that are never (part of) a suggested name. */
const STOP = `في من على إلى الى عن مع أن إن أو ثم قد لا لم لن ما هذا هذه ذلك تلك التي الذي الذين اللذين
  اللتين اللواتي كان كانت يكون تكون بعد قبل عند حيث كل بين خلال ضد حول منذ حتى إذا إذ كما لكن بل
  هو هي هم هن نحن أنا أنت انه أنه أنها إنه إنها أنهم لأن كي عبر دون نحو لدى لدي غير سوى أي أية
  بعض جميع عدة عدد أكثر أقل أمس اليوم غدا الآن يوم أيام شهر عام سنة تم تمت وقد فقد ولا وفي وهو
  وهي كذلك أيضا فيما بينما عندما وذلك ذاته نفسه قال وقال قالت أكد أضاف وأضاف أشار وأشار أعلن
  يا هنا هناك ثمة إلا ليس ليست مثل جدا فقط الى يجب يمكن عليه عليها عليهم إليه إليها منه منها
  فيه فيها له لها لهم بها به بهم وفق وفقا إثر جراء بسبب رغم تجاه أمام خلف فوق تحت داخل خارج
  رحمه رحمها المدمرة المهجرة المحاصرة المنكوبة
  باسم بإسم لصالح لاجئين للاجئين اللاجئين نازحين للنازحين النازحين ككل بمعرفة بتسهيل إعلان واعلان وإعلان أول ثاني ثالث الأول الثاني الثالث الأولى الثانية نحو حوالي قرابة نحوا مساء صباح ظهر ليلة`;

/** Directions and common adjectives: part of names (الغوطة الشرقية), never a name alone. */
const GENERIC = `شمال جنوب شرق غرب شمالي جنوبي شرقي غربي الشمالي الجنوبي الشرقي الغربي الشمالية الجنوبية
  الشرقية الغربية الوسطى الأوسط الكبرى الكبير الصغير الصغرى العليا السفلى المحتلة الحدودية الحدودي
  الدولي الدولية الوطني الوطنية العربي العربية السوري السورية العراقي العراقية التركي التركية الروسي
  الروسية الإيراني الإيرانية الأمريكي الأمريكية الأميركي الأميركية اللبناني اللبنانية الكردية الكردي
  جديد جديدة الإسلامية الإسلامي الشعبية الشعبي الحر الحرة الجديد الجديدة القديم القديمة العام العامة الخاصة
  المسلحة المسلح الإرهابي الإرهابية المتحدة الأمن الحكومة الدولة المعارضة النظام الجيش
  الأنباء الأخبار الإعلام الرسمي الرسمية الحكومي الحكومية المحلي المحلية الإخبارية الفضائية رسمي رسمية
  حكومي حكومية محلي محلية إخبارية فضائية`;

export type TriggerKind = 'place' | 'person' | 'organization';

interface Tables {
  place: Set<string>;
  person: Set<string>;
  organization: Set<string>;
  kunya: Set<string>;
  stop: Set<string>;
  generic: Set<string>;
  namedByWord: Set<string>;
  stateBody: Set<string>;
  nation: Set<string>;
  placeInName: Set<string>;
}

let tables: Tables | undefined;

const set = (words: string, map: (w: string) => string = (w) => w) =>
  new Set(
    words
      .split(/\s+/u)
      .filter(Boolean)
      .map((w) => map(fold(w))),
  );

/** The trigger and stopword tables, folded on first use. */
export function triggerTables(): Tables {
  return (tables ??= {
    place: set(PLACE),
    person: set(PERSON),
    organization: set(ORGANIZATION),
    kunya: set(KUNYA),
    stop: set(STOP),
    generic: set(GENERIC),
    namedByWord: set(NAMED_BY_WORD),
    stateBody: set(STATE_BODY),
    nation: set(NATION),
    placeInName: set(PLACE_IN_NAME),
  });
}

/**
 * Which kind of name a word announces, given its folded, bare and loose forms (words.ts): وبريف,
 * لحركة, واللواء (a title; لواء without the article is a brigade).
 */
export function triggerOf(folded: string, bare: string, loose: string): TriggerKind | null {
  const t = triggerTables();
  // `loose` is a guess (وزير is a word, not و + زير): the word as written is tried first.
  if (t.person.has(folded) || t.person.has(bare) || t.person.has(loose)) return 'person';
  if (t.place.has(folded) || t.place.has(bare) || t.place.has(loose)) return 'place';
  if (t.organization.has(folded) || t.organization.has(bare) || t.organization.has(loose))
    return 'organization';
  return null;
}

/** Is the word a kunya head (أبو, وأبي …)? */
export function isKunya(folded: string, loose: string): boolean {
  const { kunya } = triggerTables();
  return kunya.has(folded) || kunya.has(loose);
}

/**
 * Directions and common adjectives (see GENERIC), with or without the article; and place and
 * organisation heads with the article, which point back to a name already given (المدينة, الحركة)
 * rather than announce one.
 */
export function isGeneric(bare: string): boolean {
  const t = triggerTables();
  const stem = stemOf(bare);
  return (
    t.generic.has(bare) ||
    t.generic.has(stem) ||
    (stem !== bare && (t.place.has(stem) || t.organization.has(stem)))
  );
}

/** Stopwords, as written (وقال is listed with its و). */
export function isStopword(folded: string): boolean {
  return triggerTables().stop.has(folded);
}

/** Is the word (bare, or as loosely stripped) an organisation head named by an ordinary word (وزارة الدفاع)? */
export function isNamedByWord(bare: string, loose: string): boolean {
  const t = triggerTables().namedByWord;
  return t.has(bare) || t.has(loose);
}

/** Is the word (bare) a state's body (الحكومة, القوات, لجيش …), to be named by a nation's adjective? */
export function isStateBody(bare: string, loose: string): boolean {
  const t = triggerTables().stateBody;
  return t.has(bare) || t.has(loose) || t.has(stemOf(bare));
}

/** Is the word (bare) a nation's adjective: الليبية, التركي, إيراني? */
export function isNation(bare: string): boolean {
  const stem = stemOf(bare);
  const nation = triggerTables().nation;
  return nation.has(stem) || (stem.endsWith('ه') && nation.has(stem.slice(0, -1)));
}

/** Is the place head (bare, or loosely stripped) part of the name after it (مخيم الركبان, تل أبيض)? */
export function isPlaceInName(bare: string, loose: string): boolean {
  const t = triggerTables().placeInName;
  return t.has(bare) || t.has(loose);
}
