import { describe, expect, it } from 'vitest';
import { compiledBundledLexicon } from './bundled-lexicon.ts';
import { spot } from './spot.ts';

/**
 * People and organisations of the region's news added to the curated lexicon (issue 13): each found
 * in a sentence as the news writes it, surnames only where the lexicon's rules allow, surnames that are
 * also words (غول «ghoul», مخبر «informant», السراج «the lamp») only after a title, and names that are
 * also words («آفاد» folds to «أفاد» "reported", «الأهرام» the Pyramids) only in their context.
 */
const lexicon = compiledBundledLexicon();
const ids = (text: string) => spot(text, lexicon).map((m) => m.alias.entity.id);

describe('curated people, in sentences as the news writes them', () => {
  const named: [sentence: string, id: string][] = [
    ['وقال رئيس الوزراء السوري وائل الحلقي إن الحكومة', 'wael-al-halqi'],
    ['قتل آصف شوكت وداود راجحة في تفجير مبنى الأمن القومي', 'assef-shawkat'],
    ['انتخب أحمد الجربا رئيسا للائتلاف', 'ahmad-al-jarba'],
    ['وصرح بدر جاموس رئيس هيئة التفاوض', 'badr-jamous'],
    ['زار رئيس البرلمان العراقي محمود المشهداني طهران', 'mahmoud-al-mashhadani'],
    ['وقال أبو فدك المحمداوي رئيس أركان الحشد', 'abu-fadak-al-mohammedawi'],
    ['قتل العميد محمد رضا زاهدي في غارة على القنصلية', 'mohammad-reza-zahedi'],
    ['التقى سعيد جليلي بالوفد', 'saeed-jalili'],
    ['قال رئيس الحكومة اللبنانية الأسبق فؤاد السنيورة', 'fouad-siniora'],
    ['أكد وزير الداخلية التركي سليمان صويلو', 'suleyman-soylu'],
    ['قال رئيس الأركان الإسرائيلي إيال زامير', 'eyal-zamir'],
    ['وقال رئيس الوزراء الفلسطيني محمد اشتية', 'mohammad-shtayyeh'],
    ['أعلن عيدروس الزبيدي رئيس المجلس الانتقالي', 'aidarous-al-zubaidi'],
    ['استقبل الشيخ طحنون بن زايد الوفد', 'tahnoun-bin-zayed'],
    ['قال رئيس الحكومة عبد الحميد الدبيبة', 'abdul-hamid-dbeibah'],
    ['وقال ميخائيل ميشوستين', 'mikhail-mishustin'],
    ['قالت ليندا توماس غرينفيلد أمام مجلس الأمن', 'linda-thomas-greenfield'],
    ['قال ستيفان دوجاريك المتحدث باسم الأمين العام', 'stephane-dujarric'],
    ['وقال قائد مغاوير الثورة مهند الطلاع إن', 'muhannad-al-talla'],
    ['أعلن المتحدث باسم الوحدات نوري محمود', 'nouri-mahmoud'],
    ['قال قائد القوة البحرية للحرس الثوري علي رضا تنكسيري', 'alireza-tangsiri'],
    ['وقال القيادي في حماس أسامة حمدان', 'osama-hamdan'],
    ['التقى وزير الدفاع السعودي خالد بن سلمان', 'khalid-bin-salman'],
    ['قال المتحدث باسم وزارة الدفاع الروسية إيغور كوناشينكوف', 'igor-konashenkov'],
    ['وصل المبعوث آموس هوكشتاين إلى بيروت', 'amos-hochstein'],
  ];
  it.each(named)('%s — names %s', (sentence, id) => {
    expect(ids(sentence)).toContain(id);
  });

  it('finds a surname after a title, or once the full name is in the text', () => {
    expect(ids('قال الرئيس خاتمي إن')).toContain('mohammad-khatami');
    expect(ids('التقى محمد خاتمي بالوفد، وقال خاتمي إن')).toEqual(['mohammad-khatami', 'mohammad-khatami']);
  });

  const words: [sentence: string, not: string][] = [
    ['قصة الغول في كتب الأطفال', 'abdullah-gul'],
    ['وقال غول إن المشروع', 'abdullah-gul'],
    ['اعتقل مخبر للشرطة في الحي', 'mohammad-mokhber'],
    ['أضاء السراج الغرفة', 'fayez-al-sarraj'],
    ['عاد المنفي إلى بلاده بعد سنوات', 'mohamed-al-menfi'],
    ['رفع المتظاهرون الشعار نفسه', 'mohammad-al-shaar'],
    ['قال مدرسو الثانوية ولايتي في التعليم', 'ali-akbar-velayati'],
    ['يعيش في منزل ريفي قرب النهر', 'ashraf-rifi'],
    ['وصلت دبابات أبرامز إلى الميناء', 'elliott-abrams'],
    ['كان الطالب الشاطر أول الناجحين', 'khairat-al-shater'],
    ['زار الوفد متحف باردو في تونس', 'tamir-pardo'],
  ];
  it.each(words)('%s — not %s', (sentence, id) => {
    expect(ids(sentence)).not.toContain(id);
  });
});

describe('curated actors, in sentences as the news writes them', () => {
  const named: [sentence: string, id: string][] = [
    ['أعلنت قوات الدعم السريع سيطرتها على', 'rapid-support-forces'],
    ['تبنت كتائب شهداء الأقصى العملية', 'al-aqsa-martyrs-brigades'],
    ['وقال المجلس الانتقالي الجنوبي في بيان', 'southern-transitional-council'],
    ['حذرت منظمة أوكسفام من المجاعة', 'oxfam'],
    ['وقال المجلس النرويجي للاجئين إن', 'norwegian-refugee-council'],
    ['ونقلت صحيفة الأهرام عن مصدر', 'al-ahram'],
    ['وذكرت وكالة مهر للأنباء', 'mehr-news-agency'],
    ['وقالت «آفاد» إن فرق الإنقاذ', 'afad'],
    ['دخلت الشرطة الاتحادية الموصل بعد معارك مع تنظيم داعش قرب بغداد', 'iraqi-federal-police'],
    ['هاجم مسلحون من عرين الأسود حاجزا إسرائيليا قرب نابلس في الضفة الغربية', 'lions-den'],
  ];
  it.each(named)('%s — names %s', (sentence, id) => {
    expect(ids(sentence)).toContain(id);
  });

  const words: [sentence: string, not: string][] = [
    ['وأفاد مراسلنا بأن القصف استمر', 'afad'],
    ['زار السياح الأهرام وأبو الهول', 'al-ahram'],
    ['تحدث الكاتب عن الربيع العربي الجديد', 'al-araby-al-jadeed'],
    ['دخل اللاعب عرين الأسود في المباراة', 'lions-den'],
    ['اعتقلت الشرطة الاتحادية الروسية في موسكو مشتبها به', 'iraqi-federal-police'],
  ];
  it.each(words)('%s — not %s', (sentence, id) => {
    expect(ids(sentence)).not.toContain(id);
  });
});
