import { isGeneric, isKunya, isStopword, triggerOf } from './triggers.ts';
import type { Words } from './words.ts';

/**
 * The tagger's features, shared by training and the page. A feature is a 32-bit hash of a template
 * number and the strings or classes it looks at: no strings are built per feature, and the model
 * stores hashes, not words (smaller, and the page never holds the training vocabulary as text).
 */

/** The tagger's labels: BIO over three kinds. */
export const LABELS = [
  'O',
  'B-person',
  'I-person',
  'B-place',
  'I-place',
  'B-organization',
  'I-organization',
] as const;
export const LABEL_COUNT = LABELS.length;

/** FNV-1a over `s[from, to)`. */
export function hashString(s: string, from = 0, to = s.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Mixes two 32-bit values (a murmur-style finaliser over their combination). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 13;
  h = Math.imul(h, 0x27d4eb2f);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Per-word values the features look at, computed once per text. */
export interface WordInfo {
  words: Words;
  stem: Uint32Array;
  folded: Uint32Array;
  pre2: Uint32Array;
  pre3: Uint32Array;
  suf2: Uint32Array;
  suf3: Uint32Array;
  /** The loose form (a proclitic guessed off), when it differs from the stem's word. */
  loose: Uint32Array;
  /** 0 none, 1 place, 2 person, 3 organization, 4 kunya, 5 stopword, 6 generic (directions, adjectives). */
  cls: Uint8Array;
  /** 0 Arabic, 1 digits, 2 Latin, 3 mixed; +4 when the word carries the article ال. */
  shape: Uint8Array;
}

const CLASS_OF = { place: 1, person: 2, organization: 3 } as const;

export function wordInfo(words: Words): WordInfo {
  const n = words.length;
  const info: WordInfo = {
    words,
    stem: new Uint32Array(n),
    folded: new Uint32Array(n),
    pre2: new Uint32Array(n),
    pre3: new Uint32Array(n),
    suf2: new Uint32Array(n),
    suf3: new Uint32Array(n),
    loose: new Uint32Array(n),
    cls: new Uint8Array(n),
    shape: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const s = words.stem[i]!;
    const f = words.folded[i]!;
    info.stem[i] = hashString(s);
    info.folded[i] = hashString(f);
    info.pre2[i] = hashString(s, 0, Math.min(2, s.length));
    info.pre3[i] = s.length > 3 ? hashString(s, 0, 3) : 0;
    info.suf2[i] = hashString(s, Math.max(0, s.length - 2));
    info.suf3[i] = s.length > 3 ? hashString(s, s.length - 3) : 0;
    const bare = words.bare[i]!;
    const loose = words.loose[i]!;
    info.loose[i] = loose === bare ? 0 : hashString(loose);
    const trigger = triggerOf(f, bare, loose);
    info.cls[i] = trigger
      ? CLASS_OF[trigger]
      : isKunya(f, loose)
        ? 4
        : isStopword(f) || isStopword(bare)
          ? 5
          : isGeneric(bare)
            ? 6
            : 0;
    const c = s.charCodeAt(0);
    const shape = c >= 0x30 && c <= 0x39 ? 1 : c < 0x600 ? 2 : 0;
    info.shape[i] = shape + (bare.length > s.length ? 4 : 0) + Math.min(s.length, 7) * 8;
  }
  return info;
}

const NONE = 0x5bd1e995;

/**
 * The features of word `i` given the previous word's label, written into `out` (returns the count).
 * Template numbers are part of the model: changing one means training again.
 */
export function featuresOf(info: WordInfo, i: number, prev: number, out: Uint32Array): number {
  const { stem, folded, cls, shape } = info;
  const gap = info.words.gap;
  const n = stem.length;
  const at = (a: Uint32Array | Uint8Array, j: number) => (j >= 0 && j < n ? a[j]! : NONE);
  // A gap (comma, sentence end) before a word cuts its left context; after it, its right context.
  const leftOpen = gap[i] === 0;
  const rightOpen = i + 1 < n && gap[i + 1] === 0;
  const p1 = leftOpen ? at(stem, i - 1) : NONE;
  const p2 = leftOpen && i > 0 && gap[i - 1] === 0 ? at(stem, i - 2) : NONE;
  const n1 = rightOpen ? at(stem, i + 1) : NONE;
  const n2 = rightOpen && i + 2 < n && gap[i + 2] === 0 ? at(stem, i + 2) : NONE;
  const c0 = cls[i]!;
  const cp1 = leftOpen ? at(cls, i - 1) : 9;
  const cp2 = leftOpen && i > 0 && gap[i - 1] === 0 ? at(cls, i - 2) : 9;
  const cn1 = rightOpen ? at(cls, i + 1) : 9;
  let k = 0;
  out[k++] = mix(1, 0);
  out[k++] = mix(2, stem[i]!);
  out[k++] = mix(3, folded[i]!);
  out[k++] = mix(4, info.pre2[i]!);
  out[k++] = mix(5, info.pre3[i]!);
  out[k++] = mix(6, info.suf2[i]!);
  out[k++] = mix(7, info.suf3[i]!);
  out[k++] = mix(8, shape[i]!);
  out[k++] = mix(9, p1);
  out[k++] = mix(10, n1);
  out[k++] = mix(11, p2);
  out[k++] = mix(12, n2);
  out[k++] = mix(13, leftOpen ? at(folded, i - 1) : NONE);
  out[k++] = mix(14, c0);
  out[k++] = mix(15, cp1);
  out[k++] = mix(16, cp2);
  out[k++] = mix(17, cn1);
  out[k++] = mix(18, gap[i]! * 4 + (i + 1 < n ? gap[i + 1]! : 2));
  out[k++] = mix(19, prev);
  out[k++] = mix(mix(20, prev), stem[i]!);
  out[k++] = mix(mix(21, prev), cp1);
  out[k++] = mix(mix(22, p1), stem[i]!);
  out[k++] = mix(mix(23, stem[i]!), n1);
  out[k++] = mix(mix(24, cp1), stem[i]!);
  out[k++] = mix(mix(25, prev), shape[i]!);
  out[k++] = mix(mix(26, c0), cn1);
  out[k++] = mix(27, info.loose[i]!);
  return k;
}

/** The most features `featuresOf` writes. */
export const MAX_FEATURES = 32;
