import { describe, expect, it } from 'vitest';
import { compiledBundledLexicon } from './bundled-lexicon.ts';
import { compileLexicon } from './compile-lexicon.ts';
import { validateLexicon, type Entity } from './schema.ts';
import { spot, subjectOf } from './spot.ts';
import { testEntity } from '../../tests/support/test-entity.ts';

/**
 * «النظام», «المعارضة», «الحكومة» … name a Syrian actor only in a text about Syria (issue #13: in an
 * article about Iran, «النظام» was counted as the Syrian regime). The `about` condition.
 */
const entity = (id: string, country: string, aliases: Entity['aliases']): Entity =>
  testEntity(id, 'actor', aliases, { subtype: 'state', country });
const small = compileLexicon({
  entities: [
    entity('syria', 'sy', [{ text: 'سوريا' }]),
    entity('damascus', 'sy', [{ text: 'دمشق' }]),
    entity('aleppo', 'sy', [{ text: 'حلب' }]),
    entity('iran', 'ir', [{ text: 'إيران' }]),
    entity('tehran', 'ir', [{ text: 'طهران' }]),
    entity('iraq', 'iq', [{ text: 'العراق' }]),
    entity('syrian-regime', 'sy', [
      { text: 'النظام السوري' },
      { text: 'النظام', when: { about: ['sy'] }, ambiguity: 'any regime' },
    ]),
    entity('coalition', 'us', [
      {
        text: 'التحالف',
        when: { about: ['sy', 'iq'], notFollowedBy: ['العربي'] },
        ambiguity: 'any alliance',
      },
    ]),
  ],
});
const ids = (text: string, context?: Set<string>) => spot(text, small, context).map((m) => m.alias.entity.id);

describe('what a text is about', () => {
  const countryOf = new Map([
    ['syria', 'sy'],
    ['damascus', 'sy'],
    ['iran', 'ir'],
    ['tehran', 'ir'],
  ]);
  it('is the country with the most distinct entities named, ties included', () => {
    expect([...subjectOf(new Set(['iran', 'tehran', 'syria']), countryOf)]).toEqual(['ir']);
    expect([...subjectOf(new Set(['iran', 'syria']), countryOf)].sort()).toEqual(['ir', 'sy']);
    expect([...subjectOf(new Set(['un']), countryOf)]).toEqual([]);
  });
});

describe('the about condition', () => {
  it('an article about Iran: «النظام» is not the Syrian regime, even with Syria named once', () => {
    expect(ids('قال مسؤول في طهران إن النظام في إيران لن يتراجع، وإن دعمه لسوريا مستمر')).not.toContain(
      'syrian-regime',
    );
  });
  it('an article about Iraq: «النظام» is not Syrian, «التحالف» is the coalition', () => {
    expect(ids('أعلن التحالف انسحابه من العراق، وقال إن النظام السياسي مستقر')).toEqual([
      'coalition',
      'iraq',
    ]);
  });
  it('an article about Syria: «النظام» is the Syrian regime', () => {
    expect(ids('قصف النظام أحياء حلب، وقالت دمشق')).toEqual(['syrian-regime', 'aleppo', 'damascus']);
  });
  it('a text that names no country: nothing', () => {
    expect(ids('قال إن النظام لن يتغير')).toEqual([]);
  });
  it('the rest of the page counts too (context from earlier blocks)', () => {
    expect(ids('قال إن النظام لن يتغير', new Set(['damascus']))).toEqual(['syrian-regime']);
    expect(ids('قال إن النظام لن يتغير', new Set(['tehran']))).toEqual([]);
  });
  it('is required: the other conditions do not make up for it', () => {
    expect(ids('أعلن التحالف العربي في طهران وإيران')).toEqual(['tehran', 'iran']);
  });
});

describe('the bundled lexicon, article by article', () => {
  const lexicon = compiledBundledLexicon();
  const found = (text: string) => spot(text, lexicon).map((m) => `${m.text}→${m.alias.entity.id}`);

  it('an article about Iran: «النظام» and «الحكومة» are Iran’s; no Syrian regime, opposition or government', () => {
    const text =
      'قال المرشد الإيراني علي خامنئي في طهران إن النظام لن يتراجع أمام الضغوط، وإن المعارضة في الخارج تخدم أعداء إيران، ' +
      'فيما أكدت الحكومة أن دعمها لسوريا مستمر. وأضاف أن الحرس الثوري جاهز.';
    const ids = found(text).map((f) => f.split('→')[1]);
    expect(ids).toEqual(expect.arrayContaining(['ali-khamenei', 'tehran', 'iran', 'syria', 'irgc']));
    expect(found(text)).toEqual(
      expect.arrayContaining(['النظام→iranian-government', 'الحكومة→iranian-government']),
    );
    expect(ids).not.toContain('syrian-regime');
    expect(ids).not.toContain('syrian-opposition');
    expect(ids).not.toContain('syrian-government');
  });

  it('«الحكومة» and «الجيش» are the country’s the text is about, and nobody’s when another country follows', () => {
    expect(
      found('أعلن الجيش في أنقرة أن تركيا ستواصل عملياتها، وقالت الحكومة في إسطنبول إن الجيش التركي مستعد.'),
    ).toEqual(
      expect.arrayContaining([
        'الجيش→turkish-army',
        'الحكومة→turkish-government',
        'الجيش التركي→turkish-army',
      ]),
    );
    expect(
      found('قال الجيش الإسرائيلي إن الجيش قصف مواقع في جنوب لبنان، وأكدت الحكومة في تل أبيب ذلك.'),
    ).toEqual(expect.arrayContaining(['الجيش→israeli-army', 'الحكومة→israeli-government']));
    // About Iraq, «الحكومة اللبنانية» is Lebanon's own spelling, not a generic «الحكومة».
    const iraq = found('قالت الحكومة في بغداد إن العراق لن يتدخل، وردت الحكومة اللبنانية في بيروت');
    expect(iraq).toContain('الحكومة→iraqi-government');
    expect(iraq).toContain('الحكومة اللبنانية→lebanese-government');
    // A text about no country: «الحكومة» and «الجيش» name nobody.
    expect(found('قالت الحكومة إن الجيش مستعد')).toEqual([]);
  });

  it('an article about Iraq: the coalition is, the Syrian government is not', () => {
    const ids = found(
      'أعلنت الحكومة العراقية في بغداد أن التحالف سيغادر العراق، فيما قالت الحكومة إن الحشد الشعبي باق في الموصل والأنبار، وإن النظام السياسي مستقر.',
    ).map((f) => f.split('→')[1]);
    expect(ids).toEqual(
      expect.arrayContaining(['iraqi-government', 'international-coalition', 'pmf', 'mosul']),
    );
    expect(ids).not.toContain('syrian-government');
    expect(ids).not.toContain('syrian-regime');
  });

  it('an article about Syria keeps today’s readings', () => {
    expect(
      found(
        'قصفت قوات النظام مدينة إدلب وريف حلب، وقالت المعارضة إن النظام استهدف سراقب، فيما قالت الحكومة إن الجيش تصدى لهجوم.',
      ),
    ).toEqual([
      'قوات النظام→syrian-regime-forces',
      'إدلب→idlib',
      'حلب→aleppo',
      'المعارضة→syrian-opposition',
      'النظام→syrian-regime',
      'سراقب→saraqib',
      'الحكومة→syrian-government',
    ]);
  });
});

describe('validation of the new fields', () => {
  const lexicon = (e: Partial<Entity>) => ({
    schemaVersion: 1,
    entities: [
      {
        id: 'x',
        type: 'place',
        subtype: 'city',
        ar: 'س',
        en: 'x',
        aliases: [{ text: 'س' }],
        provenance: { source: 'curated' },
        ...e,
      },
    ],
  });
  it('accepts a country code and an about list', () => {
    expect(
      validateLexicon(
        lexicon({ country: 'sy', aliases: [{ text: 'س', when: { about: ['sy', 'iq'] }, ambiguity: 'y' }] }),
      ),
    ).toEqual([]);
  });
  it('rejects a country that is not a lower-case ISO code, and an about list of anything else', () => {
    expect(validateLexicon(lexicon({ country: 'Syria' }))).toEqual([
      expect.stringMatching(/country must be/u),
    ]);
    expect(
      validateLexicon(lexicon({ aliases: [{ text: 'س', when: { about: ['SY'] }, ambiguity: 'y' }] })),
    ).toEqual([expect.stringMatching(/about must be/u)]);
    expect(
      validateLexicon(lexicon({ aliases: [{ text: 'س', when: { about: 'sy' } as never, ambiguity: 'y' }] })),
    ).toEqual([expect.stringMatching(/about must be/u)]);
  });
});
