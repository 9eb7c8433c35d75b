import { describe, expect, it } from 'vitest';
import { parseNewsFane, parseWojood, readSentence } from './ner-corpus.ts';
import { trainTagger } from './train-tagger.ts';

const WOJOOD = `قصف B-ORG
الطيران I-ORG
بلدة O
كفرنبودة B-GPE
في O
ريف B-LOC
حماة I-LOC B-GPE
$#$ O

قال O
القائد O
أبو B-PERS
محمد I-PERS
الجولاني I-PERS
.  O
`;
const FANE =
  '\uFEFF\u200Eو\tO\r\n\u200Eقال\tO\r\n\u200Eبرند\tB-Other_PER\r\n\u200Eجوتشولك\tI-Other_PER\r\n\u200Eفي\tO\r\n\u200Eالمانيا\tB-Nation\r\n\r\n';
const options = { epochs: 3, seed: 7, prune: 0, commonMinCount: 1 };

describe('training the tagger', () => {
  it('reads nested Wojood tags as spans of every level, ignoring «$#$»', () => {
    const [first] = parseWojood(WOJOOD);
    expect(first!.tokens).not.toContain('$#$');
    expect(first!.spans.map((s) => s.tag).sort()).toEqual(['GPE', 'GPE', 'LOC', 'ORG']);
  });

  it('joins NewsFANE’s split clitics back onto their words', () => {
    const [s] = parseNewsFane(FANE);
    expect(s!.tokens[0]).toBe('وقال');
    expect(s!.spans.map((x) => [x.kind, s!.tokens.slice(x.from, x.to).join(' ')])).toEqual([
      ['person', 'برند جوتشولك'],
      ['place', 'المانيا'],
    ]);
  });

  it('is deterministic: the same data and seed give the same model', () => {
    const data = [...parseWojood(WOJOOD), ...parseNewsFane(FANE)].map(readSentence);
    const a = trainTagger(data, options);
    const b = trainTagger(data, options);
    expect(a).toEqual(b);
    expect(a.stats.featuresKept).toBeGreaterThan(0);
    expect(trainTagger(data, { ...options, seed: 8 }).features).toBeDefined();
  });
});
