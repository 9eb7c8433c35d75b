/**
 * `npm run train:recogniser` — trains the suggestion tier's tagger and writes
 * `lib/suggest/model.json` (with its licences inside) and `lib/suggest/MODEL-LICENSE.md`.
 *
 * Inputs (named, read-only; RASID_DATA overrides the folder, default ../shared/data):
 * - ner-train/wojood-sample/train.txt (MIT) — never val.txt (the measure) nor any test split;
 * - ner-train/newsfane-gold-2014/NewsFANE_Gold_2014_170K.txt (CC BY-SA 3.0).
 * Deterministic: the same inputs give the same bytes (fixed seed, sorted tables, no dates).
 * The score threshold for tagger-only suggestions is tuned without looking at val: four models are
 * trained, each without a quarter of Wojood's train sentences, and the threshold is the lowest at which
 * their suggestions on the quarters they did not see are right (overlap a gold name) at least
 * PRECISION of the time;
 * lone-word suggestions get their own threshold, tuned the same way (SINGLE_PRECISION).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { compiledBundledLexicon } from '../lib/lexicon/bundled-lexicon.ts';
import { spot } from '../lib/lexicon/spot.ts';
import { MODEL_LICENCE_SUMMARY, MODEL_SOURCES } from '../lib/suggest/model-licence.ts';
import { parseNewsFane, parseWojood, readSentence, type ReadSentence } from '../lib/suggest/ner-corpus.ts';
import { suggestNames } from '../lib/suggest/suggest-names.ts';
import { decodeModel, type ModelFile } from '../lib/suggest/tagger.ts';
import { trainTagger, type TrainOptions } from '../lib/suggest/train-tagger.ts';

const DATA = process.env.RASID_DATA ?? join(import.meta.dirname, '../../shared/data');
const WOJOOD = join(DATA, 'ner-train/wojood-sample');
const FANE = join(DATA, 'ner-train/newsfane-gold-2014');
const OUT = join(import.meta.dirname, '../lib/suggest');
const OPTIONS: TrainOptions = { epochs: 6, seed: 13, prune: 0.05, commonMinCount: 4 };
/** The precision tagger-only suggestions must reach on the held-out quarter. */
const PRECISION = 0.8;
/**
 * The same for tagger-only suggestions of one word, held to the floor for suggestions (75%):
 * they are a small share of all suggestions, whose precision stays well above it (README).
 */
const SINGLE_PRECISION = 0.75;

const read = (path: string) => readFileSync(path, 'utf8');
const wojood = parseWojood(read(join(WOJOOD, 'train.txt'))).map(readSentence);
const fane = parseNewsFane(read(join(FANE, 'NewsFANE_Gold_2014_170K.txt'))).map(readSentence);

function modelFile(
  packed: ReturnType<typeof trainTagger>,
  threshold: number,
  singleThreshold: number,
): ModelFile {
  return {
    format: 'rasid-recogniser/1',
    licence: {
      summary: MODEL_LICENCE_SUMMARY,
      sources: MODEL_SOURCES,
      texts: {
        'Wojood sample (MIT)': read(join(WOJOOD, 'LICENSE.repo-MIT.txt')).trim(),
        'NewsFANE Gold (CC BY-SA 3.0)': read(join(FANE, 'License.txt')).replace(/\r\n/gu, '\n').trim(),
      },
    },
    training: {
      script: 'scripts/train-recogniser.ts',
      options: OPTIONS,
      thresholdPrecision: PRECISION,
      singleThresholdPrecision: SINGLE_PRECISION,
      ...packed.stats,
    },
    labels: ['O', 'B-person', 'I-person', 'B-place', 'I-place', 'B-organization', 'I-organization'],
    scale: packed.scale,
    features: packed.features,
    masks: packed.masks,
    weights: packed.weights,
    common: packed.common,
    threshold,
    singleThreshold,
  };
}

/** Tagger-only suggestions on held-out sentences, with whether each falls on a gold name. */
function taggerOnly(
  file: ModelFile,
  sentences: ReadSentence[],
): { score: number; right: boolean; single: boolean }[] {
  const tagger = decodeModel(file);
  const lexicon = compiledBundledLexicon();
  const out: { score: number; right: boolean; single: boolean }[] = [];
  for (const s of sentences) {
    const known = spot(s.text, lexicon);
    for (const g of suggestNames(s.text, known, {
      tagger,
      threshold: -Infinity,
      singleThreshold: -Infinity,
    })) {
      if (g.source !== 'tagger') continue;
      const right = s.spans.some(
        (span) => span.kind && s.words.start[span.from]! < g.end && g.start < s.words.end[span.to - 1]!,
      );
      out.push({ score: g.score, right, single: !/\s/u.test(g.text) });
    }
  }
  return out;
}

/** The lowest score whose suggestions at or above it are right `precision` of the time (at least 10 of them). */
function lowestScore(scored: { score: number; right: boolean }[], precision: number, what: string): number {
  let best = Infinity;
  let right = 0;
  [...scored]
    .sort((a, b) => b.score - a.score)
    .forEach((s, i) => {
      if (s.right) right++;
      if (i >= 9 && right / (i + 1) >= precision) best = s.score;
    });
  console.log(`${what}: ${best} (${scored.length} tagger-only suggestions on held-out quarters)`);
  return Number.isFinite(best) ? best : 1e9;
}

/** Both thresholds: names of two words or more, and lone words (held to a higher precision). */
function tuneThresholds(): [number, number] {
  // Four folds, pooled: a quarter's few dozen tagger-only suggestions alone make a noisy threshold.
  const scored = [0, 1, 2, 3].flatMap((fold) => {
    const held = wojood.filter((_, i) => i % 4 === fold);
    const rest = wojood.filter((_, i) => i % 4 !== fold);
    return taggerOnly(modelFile(trainTagger([...rest, ...fane], OPTIONS), 0, 0), held);
  });
  return [
    lowestScore(
      scored.filter((s) => !s.single),
      PRECISION,
      'threshold',
    ),
    lowestScore(
      scored.filter((s) => s.single),
      SINGLE_PRECISION,
      'single-word threshold',
    ),
  ];
}

const [threshold, singleThreshold] = tuneThresholds();
const packed = trainTagger([...wojood, ...fane], OPTIONS);
const file = modelFile(packed, threshold, singleThreshold);
// Written as the repository's formatter writes JSON, so that `prettier --check` and a re-run agree.
const modelPath = join(OUT, 'model.json');
const json = await format(JSON.stringify(file), { ...(await resolveConfig(modelPath)), parser: 'json' });
writeFileSync(modelPath, json);
writeFileSync(
  join(OUT, 'MODEL-LICENSE.md'),
  `# Licence of model.json\n\n${MODEL_LICENCE_SUMMARY}\n\n` +
    MODEL_SOURCES.map((s) => `- ${s.name} — ${s.url} — ${s.licence}; ${s.use}`).join('\n') +
    '\n\n' +
    Object.entries(file.licence.texts)
      .map(([name, text]) => `## ${name}\n\n\`\`\`text\n${text}\n\`\`\`\n`)
      .join('\n'),
);
console.log(
  `model.json: ${(json.length / 1024).toFixed(0)} KB, ${packed.stats.featuresKept} of ${packed.stats.featuresSeen} features, ` +
    `${packed.stats.words} training words`,
);
