import { normalize, originalSpan } from '../arabic/normalize.ts';

/**
 * The words of a text as the recogniser sees them: folded (lib/arabic/normalize.ts), with their
 * attached proclitics split off, and offsets back into the original text. The tagger's training
 * (scripts/train-recogniser.ts), the measure (scripts/measure-ner.ts) and the page all read text
 * through this one function, so that features mean the same thing everywhere.
 */
export interface Words {
  /** Number of words. */
  length: number;
  /** Folded word `i`, with its clitics. */
  folded: string[];
  /** Folded word `i` without the proclitics before its article (see `bareOf`): بالحسكة → الحسكة. */
  bare: string[];
  /** A guess at the word without one proclitic (see `looseOf`). */
  loose: string[];
  /** The same without the article ال too: الحسكة → حسكة. The tagger's main lexical feature. */
  stem: string[];
  /** Original UTF-16 `[start[i], end[i])` of word `i` (marks on its last letter included). */
  start: number[];
  /** Original offset where word `i` starts without its proclitics (بريف → ريف; للحسكة → لحسكة). */
  nameStart: number[];
  /** Original offset where `loose[i]` starts (after the guessed proclitic). */
  looseStart: number[];
  end: number[];
  /** Folded offsets of word `i`. */
  fstart: number[];
  fend: number[];
  /**
   * What separates word `i` from the word before it: 0 a space, 1 a comma or quote or bracket,
   * 2 a sentence end (. ! ? ؟ ; : a line break). Names never run across 1 or 2.
   */
  gap: Uint8Array;
}

const WAW = 'و';
const FEH = 'ف';

/**
 * The folded word without the proclitics that are certain: those before the article (وال بال لل
 * فال كال وبال …; لل → ال). Before other letters a proclitic cannot be told from a name's first
 * letter (بلدة, كفرنبودة, وادي, لبنان): `looseOf` guesses, for the tagger's features only.
 */
export function bareOf(w: string): string {
  let i = 0;
  if (w[0] === WAW || w[0] === FEH) i = 1;
  const c = w[i];
  if (c === 'ب' || c === 'ك' || c === 'ل') {
    if (c === 'ل' && w[i + 1] === 'ل' && w.length - i > 3) return 'ا' + w.slice(i + 1);
    if (w[i + 1] === 'ا' && w[i + 2] === 'ل' && w.length - i > 4) return w.slice(i + 1);
  }
  if (i && w[1] === 'ا' && w[2] === 'ل' && w.length > 4) return w.slice(1);
  if (i && w[1] === 'ل' && w[2] === 'ل' && w.length > 4) return 'ا' + w.slice(2);
  return w;
}

/** A guess at the word without one leading proclitic و ف ب ل ك, when `bareOf` stripped none. */
export function looseOf(w: string, bare: string): string {
  if (bare !== w || w.length < 4) return bare;
  const c = w[0];
  return c === WAW || c === FEH || c === 'ب' || c === 'ل' || c === 'ك' ? w.slice(1) : w;
}

/** The bare word without the article ال. */
export function stemOf(bare: string): string {
  return bare.length > 4 && bare[0] === 'ا' && bare[1] === 'ل' ? bare.slice(2) : bare;
}

const SENTENCE = new Set([...'.!?؟;:؛\n'].map((c) => c.charCodeAt(0)));
const MINOR = new Set([...',،"\'«»“”„‟‘’‚‹›()[]{}﴾﴿「」/|–—…'].map((c) => c.charCodeAt(0)));

/** Splits `text` into words (see `Words`). */
export function readWords(text: string): Words {
  const f = normalize(text);
  const { codes, words } = f;
  const n = words.length >> 1;
  const out: Words = {
    length: n,
    folded: new Array<string>(n),
    bare: new Array<string>(n),
    loose: new Array<string>(n),
    stem: new Array<string>(n),
    start: new Array<number>(n),
    nameStart: new Array<number>(n),
    looseStart: new Array<number>(n),
    end: new Array<number>(n),
    fstart: new Array<number>(n),
    fend: new Array<number>(n),
    gap: new Uint8Array(n),
  };
  let prevEnd = 0;
  for (let w = 0; w < n; w++) {
    const s = words[2 * w]!;
    const e = words[2 * w + 1]!;
    const folded = String.fromCharCode.apply(null, codes.subarray(s, e) as unknown as number[]);
    out.folded[w] = folded;
    const bare = bareOf(folded);
    out.bare[w] = bare;
    out.loose[w] = looseOf(folded, bare);
    out.stem[w] = stemOf(bare);
    const [os, oe] = originalSpan(text, f, s, e);
    out.start[w] = os;
    out.end[w] = oe;
    // لل + حسكة is written for ل + الحسكة: the name starts at the second ل, as spot() has it.
    const cut = folded.length - bare.length + (folded.endsWith(bare) ? 0 : 1);
    out.nameStart[w] = cut ? f.starts[s + cut]! : os;
    out.looseStart[w] = out.loose[w] !== bare ? f.starts[s + 1]! : out.nameStart[w]!;
    out.fstart[w] = s;
    out.fend[w] = e;
    let gap = w === 0 ? 2 : 0;
    for (let k = prevEnd; k < s && gap < 2; k++) {
      const c = codes[k]!;
      if (SENTENCE.has(c)) gap = 2;
      else if (MINOR.has(c) || (c !== 0x20 && gap === 0)) gap = 1;
    }
    // A line break folds to a space: look for it in the original.
    if (gap < 2 && w > 0) {
      const from = out.end[w - 1]!;
      for (let k = from; k < os; k++) if (text.charCodeAt(k) === 10) gap = 2;
    }
    out.gap[w] = gap;
    prevEnd = e;
  }
  return out;
}
