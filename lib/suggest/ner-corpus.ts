import { readWords, type Words } from './words.ts';

/**
 * Readers for the openly licensed NER corpora in ../shared/data/ner-train/ (training and measuring
 * only; nothing here runs on a page):
 * - Wojood sample (MIT): `token TAG [TAG…]`, nested BIO tags (one column per nesting level),
 *   sentences separated by blank lines, a `$#$ O` token closing some sentences (ignored);
 * - NewsFANE Gold (CC BY-SA 3.0): `token<TAB>TAG`, 50 fine classes, clitics split off as tokens
 *   («و سوريا», «ان ه»), every token behind U+200E; the clitics are joined back here so that its
 *   words look like running text.
 */

export type NameKind = 'person' | 'place' | 'organization';

/** A gold span over a sentence's tokens `[from, to)`. */
export interface GoldSpan {
  from: number;
  to: number;
  /** The corpus's own type (PERS, GPE …). */
  tag: string;
  /** Rasid's kind, or null for types Rasid does not look for (DATE, NORP, OCC …). */
  kind: NameKind | null;
}

export interface Sentence {
  tokens: string[];
  spans: GoldSpan[];
}

/** Wojood's types Rasid looks for. */
export const WOJOOD_KINDS: Record<string, NameKind> = {
  PERS: 'person',
  GPE: 'place',
  LOC: 'place',
  FAC: 'place',
  ORG: 'organization',
};

/** NewsFANE's fine classes, by Rasid kind (the rest — books, films, products, diseases … — are not names Rasid looks for). */
const NEWSFANE_KINDS: Record<string, NameKind> = {};
for (const c of 'Politician Athlete Artist Other_PER Religious_PER Scientist Businessperson Lawyer Police_PER Group_PER Engineer Journalist'.split(
  ' ',
))
  NEWSFANE_KINDS[c] = 'person';
for (const c of 'Nation Population-Center State-or-Province Continent County-or-District GPE-Cluster Water-Body Land Building-Grounds Airport Path Subarea-Facility Land-Region-Natural Celestial Boundary Special'.split(
  ' ',
))
  NEWSFANE_KINDS[c] = 'place';
for (const c of 'Government Non-Governmental Group Media Sports Commercial Educational Police Religious_ORG Medical-Science Entertainment'.split(
  ' ',
))
  NEWSFANE_KINDS[c] = 'organization';

/** BIO spans of one tag column. */
function spansOf(tags: (string | undefined)[], kinds: Record<string, NameKind>, out: GoldSpan[]): void {
  let open: GoldSpan | null = null;
  tags.forEach((t, i) => {
    const [bio, type] = t && t.length > 2 && t[1] === '-' ? [t[0], t.slice(2)] : ['O', ''];
    if (open && (bio !== 'I' || type !== open.tag)) {
      out.push(open);
      open = null;
    }
    if (bio === 'B' || (bio === 'I' && !open))
      open = { from: i, to: i + 1, tag: type, kind: kinds[type] ?? null };
    else if (open) open.to = i + 1;
  });
  if (open) out.push(open);
}

/** Parses the Wojood format: every span of every nesting level. */
export function parseWojood(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const block of text.split(/\r?\n\s*\r?\n/u)) {
    const rows = block
      .split(/\r?\n/u)
      .map((l) => l.trim().split(/\s+/u))
      .filter((r) => r[0] && r[0] !== '$#$');
    if (!rows.length) continue;
    const tokens = rows.map((r) => r[0]!);
    const spans: GoldSpan[] = [];
    // A token's tags are not aligned by level (a nested B-PERS may be the 2nd tag of one token and
    // the 3rd of the next): collect, per type, B/I tags from any column.
    const types = new Set(rows.flatMap((r) => r.slice(1).map((t) => t.slice(2))).filter(Boolean));
    for (const type of types) {
      const column = rows.map((r) => r.slice(1).find((t) => t.slice(2) === type));
      spansOf(column, WOJOOD_KINDS, spans);
    }
    spans.sort((a, b) => a.from - b.from || b.to - a.to);
    sentences.push({ tokens, spans });
  }
  return sentences;
}

const PROCLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'فب', 'فل', 'س']);
const ENCLITICS = new Set(['ه', 'ها', 'هم', 'هما', 'هن', 'كم', 'كما', 'كن', 'نا', 'ي', 'ني']);

/** Parses NewsFANE Gold, joining split clitics back onto their words. */
export function parseNewsFane(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const block of text.replace(/^\uFEFF/u, '').split(/\r?\n\s*\r?\n/u)) {
    const tokens: string[] = [];
    const tags: string[] = [];
    let pending = '';
    for (const line of block.split(/\r?\n/u)) {
      const [raw, tag = 'O'] = line.replace(/\u200E/gu, '').split('\t');
      const token = raw?.trim();
      if (!token) continue;
      if (PROCLITICS.has(token)) {
        pending += token;
        continue;
      }
      if (!pending && ENCLITICS.has(token) && tokens.length) {
        tokens[tokens.length - 1] += token;
        continue;
      }
      tokens.push(pending + token);
      tags.push(tag.trim());
      pending = '';
    }
    if (!tokens.length) continue;
    const spans: GoldSpan[] = [];
    spansOf(tags, NEWSFANE_KINDS, spans);
    sentences.push({ tokens, spans });
  }
  return sentences;
}

/** A sentence as running text, read by `readWords`, with its gold spans over those words. */
export interface ReadSentence {
  text: string;
  words: Words;
  /** Gold spans over words `[from, to)` (a word belongs to the token its first letter is in). */
  spans: GoldSpan[];
}

/** Joins a sentence's tokens with spaces and reads it as the page would be read. */
export function readSentence(s: Sentence): ReadSentence {
  const offsets: number[] = [];
  let text = '';
  for (const t of s.tokens) {
    if (text) text += ' ';
    offsets.push(text.length);
    text += t;
  }
  offsets.push(text.length + 1);
  const words = readWords(text);
  // Word → token: the token whose [offset, next offset) holds the word's start.
  const tokenOf = new Array<number>(words.length);
  let t = 0;
  for (let w = 0; w < words.length; w++) {
    while (t + 1 < offsets.length - 1 && offsets[t + 1]! <= words.start[w]!) t++;
    tokenOf[w] = t;
  }
  const spans: GoldSpan[] = [];
  for (const span of s.spans) {
    let from = -1;
    let to = -1;
    for (let w = 0; w < words.length; w++)
      if (tokenOf[w]! >= span.from && tokenOf[w]! < span.to) {
        if (from < 0) from = w;
        to = w + 1;
      }
    if (from >= 0) spans.push({ ...span, from, to });
  }
  return { text, words, spans };
}

/** The outermost spans of the kinds Rasid looks for: the flat labelling the tagger learns. */
export function outermost(spans: GoldSpan[]): GoldSpan[] {
  const kept: GoldSpan[] = [];
  const sorted = spans.filter((s) => s.kind).sort((a, b) => a.from - b.from || b.to - a.to);
  for (const s of sorted) if (!kept.some((k) => s.from < k.to && k.from < s.to)) kept.push(s);
  return kept;
}
