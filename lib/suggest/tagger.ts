import { featuresOf, LABEL_COUNT, MAX_FEATURES, type WordInfo } from './features.ts';

/**
 * The statistical half of the recogniser: an averaged perceptron over the features of
 * `features.ts`, decoded greedily left to right (each word sees the label given to the previous one).
 * Trained offline by `scripts/train-recogniser.ts`; shipped as `model.json`.
 */

/** `model.json` as stored: compact (base64 arrays), with its provenance and licences. */
export interface ModelFile {
  format: 'rasid-recogniser/1';
  /** What the model was trained from, under which licences: kept with the data, as the licences ask. */
  licence: {
    summary: string;
    sources: { name: string; url: string; licence: string; use: string }[];
    texts: Record<string, string>;
  };
  training: Record<string, unknown>;
  labels: readonly string[];
  /** Weights are int8 × `scale`. */
  scale: number;
  /** base64 of the sorted Uint32 feature hashes. */
  features: string;
  /** base64 of one Uint8 per feature: which labels have a stored weight (bit `l` for label `l`). */
  masks: string;
  /** base64 of the Int8 weights, in feature order, label order within a feature. */
  weights: string;
  /** base64 of sorted Uint32 hashes of folded stems that are never names in the training data. */
  common: string;
  /** The margin a tagged span needs to be suggested (tuned on the training split). */
  threshold: number;
  /** The margin a tagged span of one word needs (tuned apart; absent: never). */
  singleThreshold?: number;
}

/** The decoded model: one open-addressing table from feature hash to its row of weights. */
export interface Tagger {
  /** Table of `size` slots: hash in `keys`, row in `rows` (row 0 is empty). */
  keys: Uint32Array;
  rows: Int32Array;
  mask: number;
  weights: Float32Array;
  common: Set<number>;
  threshold: number;
  singleThreshold: number;
}

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function uint32s(s: string): Uint32Array {
  const bytes = fromBase64(s);
  return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
}

/** Decodes `model.json` into lookup tables (a few milliseconds; do it once, when first needed). */
export function decodeModel(file: ModelFile): Tagger {
  if (file.format !== 'rasid-recogniser/1') throw new Error(`unknown recogniser model format ${file.format}`);
  const hashes = uint32s(file.features);
  const masks = fromBase64(file.masks);
  const raw = new Int8Array(fromBase64(file.weights).buffer);
  let size = 1;
  while (size < hashes.length * 2) size <<= 1;
  const keys = new Uint32Array(size);
  const rows = new Int32Array(size);
  const weights = new Float32Array((hashes.length + 1) * LABEL_COUNT);
  let w = 0;
  for (let f = 0; f < hashes.length; f++) {
    const h = hashes[f]!;
    let slot = h & (size - 1);
    while (rows[slot]) slot = (slot + 1) & (size - 1);
    keys[slot] = h;
    rows[slot] = f + 1;
    const m = masks[f]!;
    for (let l = 0; l < LABEL_COUNT; l++)
      if (m & (1 << l)) weights[(f + 1) * LABEL_COUNT + l] = raw[w++]! * file.scale;
  }
  return {
    keys,
    rows,
    mask: size - 1,
    weights,
    common: new Set(uint32s(file.common)),
    threshold: file.threshold,
    singleThreshold: file.singleThreshold ?? Infinity,
  };
}

function rowOf(t: Tagger, h: number): number {
  let slot = h & t.mask;
  for (;;) {
    const r = t.rows[slot]!;
    if (!r || t.keys[slot] === h) return r;
    slot = (slot + 1) & t.mask;
  }
}

/** A label and how far its score is ahead of the next best label's. */
export interface Tagged {
  labels: Uint8Array;
  margins: Float32Array;
}

/** `WordInfo.cls` of a function word. */
const STOPWORD = 5;

/** Is label `l` allowed after `prev`? An I- label continues its own kind only. */
const allowed = (prev: number, l: number) => l === 0 || l % 2 === 1 || prev === l || prev === l - 1;

/** Tags words `[from, to)` greedily (words outside keep label 0); a comma or sentence end resets the previous label. */
export function tag(t: Tagger, info: WordInfo, from = 0, to = info.stem.length, out?: Tagged): Tagged {
  const n = info.stem.length;
  const result = out ?? { labels: new Uint8Array(n), margins: new Float32Array(n) };
  const feats = new Uint32Array(MAX_FEATURES);
  const scores = new Float32Array(LABEL_COUNT);
  let prev = 0;
  const { cls, stem } = info;
  for (let i = from; i < to; i++) {
    if (info.words.gap[i]) prev = 0;
    // A function word, or a word never part of a name in the training data, is no name here either:
    // its label is O without scoring it (most of a text's words).
    if (cls[i] === STOPWORD || t.common.has(stem[i]!)) {
      result.labels[i] = 0;
      result.margins[i] = 0;
      prev = 0;
      continue;
    }
    const k = featuresOf(info, i, prev, feats);
    scores.fill(0);
    for (let j = 0; j < k; j++) {
      const r = rowOf(t, feats[j]!);
      if (!r) continue;
      const base = r * LABEL_COUNT;
      for (let l = 0; l < LABEL_COUNT; l++) scores[l]! += t.weights[base + l]!;
    }
    let best = 0;
    let second = -Infinity;
    for (let l = 1; l < LABEL_COUNT; l++) {
      if (!allowed(prev, l)) continue;
      if (scores[l]! > scores[best]!) {
        second = scores[best]!;
        best = l;
      } else if (scores[l]! > second) second = scores[l]!;
    }
    result.labels[i] = best;
    // When a word's label moved off O, `second` holds at least O's score.
    result.margins[i] = best === 0 ? 0 : scores[best]! - second;
    prev = best;
  }
  return result;
}
