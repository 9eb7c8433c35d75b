import { fold } from '../arabic/normalize.ts';
import { wordInfo, type WordInfo } from './features.ts';
import type { NameKind } from './ner-corpus.ts';
import { tag, type Tagged, type Tagger } from './tagger.ts';
import { isNamedByWord, isNation, isPlaceInName, isStateBody } from './triggers.ts';
import { bareOf, readWords, type Words } from './words.ts';

/**
 * Names Rasid does not know yet: the second tier. Arabic trigger patterns («في بلدة …», «القائد …»,
 * «أبو …», «حركة …») and a small tagger trained offline (tagger.ts) each propose spans; a span is
 * suggested when both agree, or when one of them is sure on its own. Pure: no DOM, no network.
 */

export type { NameKind };

/** One suggested name. Offsets are UTF-16 offsets into the original text, like spot()'s Mention. */
export interface Suggestion {
  start: number;
  end: number;
  /** The name exactly as written (proclitics excluded: «بريف» → «ريف»). */
  text: string;
  /** Rasid's entity type: people and organisations are actors. */
  type: 'actor' | 'place';
  kind: NameKind;
  /** The folded spelling (lib/arabic/normalize.ts), the name's key in the reader's history. */
  key: string;
  /** What proposed it. */
  source: 'pattern' | 'tagger' | 'both';
  /** The tagger's mean margin over the span's words (0 when it saw no name there). */
  score: number;
}

/** A span already named by the known tier (spot()'s Mention fits). */
export interface KnownSpan {
  start: number;
  end: number;
}

export interface SuggestOptions {
  /** The decoded model (see bundled-recogniser.ts); without one, only the patterns run. */
  tagger?: Tagger | null;
  /** Overrides the model's own score threshold for tagger-only suggestions of two words or more. */
  threshold?: number;
  /** Overrides the model's own (higher) score threshold for tagger-only suggestions of one word. */
  singleThreshold?: number;
}

const KIND_BY_LABEL: (NameKind | null)[] = [
  null,
  'person',
  'person',
  'place',
  'place',
  'organization',
  'organization',
];
const CLASS_PLACE = 1;
const CLASS_PERSON = 2;
const CLASS_ORG = 3;
const CLASS_KUNYA = 4;
const CLASS_STOP = 5;
const CLASS_GENERIC = 6;

interface Candidate {
  from: number;
  to: number;
  kind: NameKind;
  source: Suggestion['source'];
  score: number;
}

/** Words covered by a known mention (both sorted by offset). */
function knownWords(words: Words, known: readonly KnownSpan[]): Uint8Array {
  const mask = new Uint8Array(words.length);
  const sorted = [...known].sort((a, b) => a.start - b.start);
  let w = 0;
  for (const m of sorted) {
    while (w < words.length && words.end[w]! <= m.start) w++;
    for (let k = w; k < words.length && words.start[k]! < m.end; k++) mask[k] = 1;
  }
  return mask;
}

function meanMargin(t: Tagged | null, from: number, to: number): number {
  if (!t) return 0;
  let sum = 0;
  for (let i = from; i < to; i++) sum += t.labels[i] ? t.margins[i]! : 0;
  return sum / (to - from);
}

/** Spans the tagger labels, word runs of one kind starting with its B- label. */
function taggedSpans(t: Tagged, n: number, known: Uint8Array, out: Candidate[]): void {
  for (let i = 0; i < n;) {
    const l = t.labels[i]!;
    if (!l || known[i]) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && t.labels[j] === l + (l % 2) && !known[j]) j++;
    out.push({ from: i, to: j, kind: KIND_BY_LABEL[l]!, source: 'tagger', score: meanMargin(t, i, j) });
    i = j;
  }
}

/**
 * Spans the trigger patterns propose. A name runs from the word after a trigger (from the trigger
 * itself for organisations: «حركة نور الدين الزنكي») over words that are not stopwords, triggers,
 * known names or common words, on the same side of any comma.
 */
function patternSpans(
  info: WordInfo,
  t: Tagged | null,
  common: Set<number>,
  known: Uint8Array,
  out: Candidate[],
): void {
  const { words, cls, stem } = info;
  const n = words.length;
  const free = (j: number) => j < n && !known[j] && !words.gap[j] && cls[j] !== CLASS_STOP;
  const nameish = (j: number) => free(j) && (!common.has(stem[j]!) || (t !== null && t.labels[j]! > 0));
  // Words after the first: the tagger must see a name there, or the word is rare and carries ال (a nisba: الجولاني).
  const goesOn = (j: number) =>
    free(j) &&
    (cls[j]! === 0 || cls[j] === CLASS_GENERIC) &&
    ((t !== null && t.labels[j]! > 0) || (!common.has(stem[j]!) && words.bare[j]!.startsWith('ال')));
  const nation = (j: number) => free(j) && isNation(words.bare[j]!);
  for (let i = 0; i < n; i++) {
    // «الحكومة الإيطالية», «القوات العراقية»: a state's body and the state's adjective.
    if (!known[i] && isStateBody(words.bare[i]!, words.loose[i]!) && nation(i + 1)) {
      out.push({
        from: i,
        to: i + 2,
        kind: 'organization',
        source: 'pattern',
        score: meanMargin(t, i, i + 2),
      });
      continue;
    }
    const c = cls[i]!;
    if (!c || c > CLASS_KUNYA || known[i]) continue;
    if (c === CLASS_KUNYA) {
      // «أبو محمد الجولاني»: the kunya, the name after it, a nisba.
      if (i > 0 && !words.gap[i] && (cls[i - 1] === CLASS_KUNYA || cls[i - 1] === CLASS_PLACE)) continue;
      if (!free(i + 1) || cls[i + 1]! !== 0) continue;
      let j = i + 2;
      while (j < i + 4 && goesOn(j)) j++;
      out.push({ from: i, to: j, kind: 'person', source: 'pattern', score: meanMargin(t, i, j) });
      continue;
    }
    const first = i + 1;
    // «وزارة الدفاع», «صحيفة الحياة»: the name is an ordinary word.
    const byWord = c === CLASS_ORG && isNamedByWord(words.bare[i]!, words.loose[i]!);
    if (c === CLASS_PLACE && free(first) && cls[first] === CLASS_KUNYA) {
      // «قرية أم الزينات», «منطقة أبو فاخرة»: a place named with a kunya.
      let j = first + 1;
      if (!free(j) || cls[j] !== 0) continue;
      j++;
      while (j < first + 3 && goesOn(j)) j++;
      out.push({ from: first, to: j, kind: 'place', source: 'pattern', score: meanMargin(t, first, j) });
      continue;
    }
    if (!(byWord ? free(first) : nameish(first))) continue;
    if (c === CLASS_PERSON && cls[first] === CLASS_KUNYA) continue; // the kunya pattern takes it
    if (cls[first] !== 0) continue;
    // After a title the name proper comes without the article («العميد سهيل الحسن»); «اللواء الطيار» is a title still.
    if (c === CLASS_PERSON && words.bare[first]!.startsWith('ال')) continue;
    let j = first + 1;
    const max = c === CLASS_ORG ? 4 : 3;
    // A town's name of two words is common (معرة مصرين, دير حافر): after a place head, a second rare word
    // goes on with it even without the article — unless it looks like a verb («بلدة عندان قصفت …»:
    // a perfect in ـت, an imperfect in يـ or تـ).
    const secondWord = (k: number) =>
      c === CLASS_PLACE &&
      k === first + 1 &&
      free(k) &&
      cls[k] === 0 &&
      !common.has(stem[k]!) &&
      !/^[يت]|ت$/u.test(words.bare[k]!);
    while (j < first + max && (goesOn(j) || (c === CLASS_ORG && nation(j)) || secondWord(j))) j++;
    const kind: NameKind = c === CLASS_PLACE ? 'place' : c === CLASS_PERSON ? 'person' : 'organization';
    const from =
      c === CLASS_ORG || (c === CLASS_PLACE && isPlaceInName(words.bare[i]!, words.loose[i]!)) ? i : first;
    out.push({ from, to: j, kind, source: 'pattern', score: meanMargin(t, first, j) });
  }
}

function hasGeneric({ cls }: WordInfo, c: Candidate): boolean {
  for (let i = c.from; i < c.to; i++) if (cls[i] === CLASS_GENERIC || cls[i] === CLASS_STOP) return true;
  return false;
}

const isDigits = (s: string) => /^[0-9]+$/u.test(s);

/** Is the span worth showing: not a lone letter, number, stopword or common word. */
function worthy(info: WordInfo, common: Set<number>, c: Candidate): boolean {
  const { words, cls, stem } = info;
  let content = 0;
  for (let i = c.from; i < c.to; i++) {
    const s = stem[i]!;
    if (words.stem[i]!.length < 2 || isDigits(words.stem[i]!)) return false;
    if (cls[i] === 0 && !common.has(s)) content++;
    // «القوات العراقية»: a nation's adjective names the body before it.
    else if (i > c.from && isNation(words.bare[i]!)) content++;
  }
  return content > 0 && !(c.to - c.from === 1 && words.bare[c.from]!.length < 3);
}

/**
 * Names in `text` that the known tier did not find: never overlapping a `known` span, in text order.
 * Cost: one folding pass and one tagger pass over the text's words (see `npm run bench:suggest`).
 */
export function suggestNames(
  text: string,
  known: readonly KnownSpan[],
  options: SuggestOptions = {},
): Suggestion[] {
  // Nothing to read in a page without Arabic letters.
  if (!/[\u0621-\u064a]/u.test(text)) return [];
  const words = readWords(text);
  const info = wordInfo(words);
  const knownMask = knownWords(words, known);
  const tagger = options.tagger ?? null;
  const tagged = tagger ? tag(tagger, info) : null;
  const common = tagger?.common ?? EMPTY;
  const threshold = options.threshold ?? tagger?.threshold ?? Infinity;
  const singleThreshold = options.singleThreshold ?? tagger?.singleThreshold ?? Infinity;

  const fromTagger: Candidate[] = [];
  if (tagged) taggedSpans(tagged, words.length, knownMask, fromTagger);
  const fromPatterns: Candidate[] = [];
  patternSpans(info, tagged, common, knownMask, fromPatterns);

  // Agreement: a pattern span that shares a word with a tagger span of the same kind.
  const candidates: Candidate[] = [];
  for (const p of fromPatterns) {
    const agrees = fromTagger.some((t) => t.kind === p.kind && t.from < p.to && p.from < t.to);
    candidates.push({ ...p, source: agrees ? 'both' : 'pattern' });
  }
  // The tagger alone is trusted for names of two words or more, none a stopword, a direction or an
  // adjective; a lone word (adjectives and plurals fool it) only with a higher score, tuned apart.
  for (const t of fromTagger)
    if (t.score >= (t.to - t.from > 1 ? threshold : singleThreshold) && !hasGeneric(info, t))
      candidates.push(t);
  const rank = { both: 0, pattern: 1, tagger: 2 } as const;
  candidates.sort((a, b) => rank[a.source] - rank[b.source] || b.score - a.score || a.from - b.from);

  const taken = new Uint8Array(words.length);
  const chosen: Candidate[] = [];
  for (const c of candidates) {
    if (!worthy(info, common, c)) continue;
    let free = true;
    for (let i = c.from; i < c.to && free; i++) free = !taken[i] && !knownMask[i];
    if (!free) continue;
    taken.fill(1, c.from, c.to);
    chosen.push(c);
  }
  chosen.sort((a, b) => a.from - b.from);
  return chosen.map((c) => {
    // A name does not start with the conjunction و (ف): «وحلب» is «و» + «حلب». Other letters
    // are too often a name's own (بيروت, لبنان, كفرنبودة); patterns place names after their trigger.
    const f0 = words.folded[c.from]![0];
    const conj =
      c.source === 'tagger' && words.loose[c.from] !== words.bare[c.from] && (f0 === 'و' || f0 === 'ف');
    const start = conj ? words.looseStart[c.from]! : words.nameStart[c.from]!;
    const end = words.end[c.to - 1]!;
    const name = text.slice(start, end);
    return {
      start,
      end,
      text: name,
      type: c.kind === 'place' ? 'place' : 'actor',
      kind: c.kind,
      key: keyOf(words, c.from, c.to, conj),
      source: c.source,
      score: Math.round(c.score * 100) / 100,
    };
  });
}

const EMPTY = new Set<number>();

/** The folded spelling of words `[from, to)`, the first without its proclitics (or its conjunction, `conj`). */
function keyOf(words: Words, from: number, to: number, conj: boolean): string {
  const parts = [conj ? words.loose[from]! : words.bare[from]!];
  for (let i = from + 1; i < to; i++) parts.push(words.folded[i]!);
  return parts.join(' ');
}

/** The history key of a name as written elsewhere (the reader's lexicon, a dismissed spelling). */
export function nameKey(name: string): string {
  const folded = fold(name);
  const space = folded.indexOf(' ');
  return space < 0 ? bareOf(folded) : bareOf(folded.slice(0, space)) + folded.slice(space);
}
