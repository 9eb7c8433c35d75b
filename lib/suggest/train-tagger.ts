import { featuresOf, LABEL_COUNT, LABELS, MAX_FEATURES, wordInfo, type WordInfo } from './features.ts';
import { outermost, type ReadSentence } from './ner-corpus.ts';

/**
 * Trains the tagger (an averaged perceptron, greedy decoding with the previous gold label as a
 * feature) and packs it as `model.json`'s arrays. Pure and deterministic: the same sentences, epochs
 * and seed give the same bytes. Used by `scripts/train-recogniser.ts` and its test.
 */

export interface TrainOptions {
  epochs: number;
  /** Seed of the shuffle between epochs. */
  seed: number;
  /** Features whose largest |weight| is below this share of the largest weight are dropped. */
  prune: number;
  /** A stem seen at least this often, and never inside a name, is "common". */
  commonMinCount: number;
}

export interface PackedModel {
  scale: number;
  features: string;
  masks: string;
  weights: string;
  common: string;
  stats: {
    sentences: number;
    words: number;
    featuresSeen: number;
    featuresKept: number;
    weightsKept: number;
  };
}

/** Gold label per word: BIO over the outermost spans of Rasid's kinds. */
export function goldLabels(s: ReadSentence): Uint8Array {
  const labels = new Uint8Array(s.words.length);
  for (const span of outermost(s.spans)) {
    const b = LABELS.indexOf(`B-${span.kind!}`);
    for (let w = span.from; w < span.to; w++) labels[w] = w === span.from ? b : b + 1;
  }
  return labels;
}

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Weights {
  w: Float64Array;
  /** Sum of the weights over all steps so far, up to `at`. */
  total: Float64Array;
  at: Float64Array;
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  return btoa(bin);
}

export function trainTagger(sentences: ReadSentence[], options: TrainOptions): PackedModel {
  const data = sentences
    .filter((s) => s.words.length)
    .map((s) => ({ info: wordInfo(s.words), gold: goldLabels(s) }));
  const table = new Map<number, Weights>();
  const get = (h: number): Weights => {
    let e = table.get(h);
    if (!e)
      table.set(
        h,
        (e = {
          w: new Float64Array(LABEL_COUNT),
          total: new Float64Array(LABEL_COUNT),
          at: new Float64Array(LABEL_COUNT),
        }),
      );
    return e;
  };
  let step = 1;
  const update = (h: number, label: number, delta: number) => {
    const e = get(h);
    e.total[label]! += (step - e.at[label]!) * e.w[label]!;
    e.at[label] = step;
    e.w[label]! += delta;
  };
  const feats = new Uint32Array(MAX_FEATURES);
  const scores = new Float64Array(LABEL_COUNT);
  const order = data.map((_, i) => i);
  const rand = random(options.seed);
  const predict = (info: WordInfo, i: number, prev: number): number => {
    const k = featuresOf(info, i, prev, feats);
    scores.fill(0);
    for (let j = 0; j < k; j++) {
      const e = table.get(feats[j]!);
      if (e) for (let l = 0; l < LABEL_COUNT; l++) scores[l]! += e.w[l]!;
    }
    let best = 0;
    for (let l = 1; l < LABEL_COUNT; l++) if (scores[l]! > scores[best]!) best = l;
    return best;
  };
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const d of order) {
      const { info, gold } = data[d]!;
      for (let i = 0; i < gold.length; i++) {
        // Trained on the gold previous label (teacher forcing); a comma or sentence end resets it.
        const prev = info.words.gap[i] ? 0 : i > 0 ? gold[i - 1]! : 0;
        const guess = predict(info, i, prev);
        const truth = gold[i]!;
        if (guess !== truth) {
          const k = featuresOf(info, i, prev, feats);
          for (let j = 0; j < k; j++) {
            update(feats[j]!, truth, 1);
            update(feats[j]!, guess, -1);
          }
        }
        step++;
      }
    }
  }
  // Averages, then pruning and int8 quantisation.
  const averaged: [number, Float64Array][] = [];
  let largest = 0;
  for (const [h, e] of table) {
    const avg = new Float64Array(LABEL_COUNT);
    for (let l = 0; l < LABEL_COUNT; l++) {
      avg[l] = (e.total[l]! + (step - e.at[l]!) * e.w[l]!) / step;
      largest = Math.max(largest, Math.abs(avg[l]!));
    }
    averaged.push([h, avg]);
  }
  averaged.sort((a, b) => a[0] - b[0]);
  const scale = largest / 127;
  const cut = largest * options.prune;
  const hashes: number[] = [];
  const masks: number[] = [];
  const weights: number[] = [];
  for (const [h, avg] of averaged) {
    let mask = 0;
    const kept: number[] = [];
    for (let l = 0; l < LABEL_COUNT; l++) {
      const q = Math.round(avg[l]! / scale);
      if (Math.abs(avg[l]!) >= cut && q !== 0) {
        mask |= 1 << l;
        kept.push(q);
      }
    }
    if (!mask) continue;
    hashes.push(h);
    masks.push(mask);
    weights.push(...kept);
  }
  // Common stems: frequent and never inside a gold name.
  const seen = new Map<number, number>();
  const named = new Set<number>();
  for (const { info, gold } of data)
    for (let i = 0; i < gold.length; i++) {
      const h = info.stem[i]!;
      seen.set(h, (seen.get(h) ?? 0) + 1);
      if (gold[i]) named.add(h);
    }
  const common = [...seen]
    .filter(([h, count]) => count >= options.commonMinCount && !named.has(h))
    .map(([h]) => h)
    .sort((a, b) => a - b);
  const u32 = (a: number[]) => new Uint8Array(Uint32Array.from(a).buffer);
  return {
    scale,
    features: toBase64(u32(hashes)),
    masks: toBase64(Uint8Array.from(masks)),
    weights: toBase64(new Uint8Array(Int8Array.from(weights).buffer)),
    common: toBase64(u32(common)),
    stats: {
      sentences: data.length,
      words: data.reduce((a, d) => a + d.gold.length, 0),
      featuresSeen: table.size,
      featuresKept: hashes.length,
      weightsKept: weights.length,
    },
  };
}
