import { normalize, originalSpan, wordTable } from '../arabic/normalize.ts';
import {
  countriesOf,
  step,
  type CompiledAlias,
  type CompiledLexicon,
  type WordSet,
} from './compile-lexicon.ts';

/** One mention of an entity: offsets are UTF-16 offsets into the original text. */
export interface Mention {
  start: number;
  end: number;
  /** The original text of the mention, exactly as written (clitics excluded). */
  text: string;
  alias: CompiledAlias;
}

/** Word units: set on the first `spot()`, when the folding tables are built. */
let WORD: Uint8Array = new Uint8Array(0);

const ALEF = 0x0627;
const LAM = 0x0644;
const WAW = 0x0648;
const FEH = 0x0641;
const BEH = 0x0628;
const KAF = 0x0643;
const SPACE = 0x20;
/** Quotation marks and brackets that make `quoted` true, on either side. */
const QUOTES = new Set([...'"\'«»“”„‟‘’‚‹›()[]{}﴾﴿「」'].map((c) => c.charCodeAt(0)));

/**
 * Candidate names, in flat arrays (the seeds hold one name every 40 characters: objects would be
 * garbage). For candidate `k`: folded `[start[k], end[k])`, the word it starts in, its trie node.
 */
class Candidates {
  start: number[] = [];
  end: number[] = [];
  word: number[] = [];
  node: number[] = [];
  push(start: number, end: number, word: number, node: number): void {
    this.start.push(start);
    this.end.push(end);
    this.word.push(word);
    this.node.push(node);
  }
  get length(): number {
    return this.start.length;
  }
}

/**
 * Where a name may start inside the word at `ws`: the word itself, or behind the clitics
 * و ف (conjunctions), ب ك ل (prepositions) and their combinations (وب فك ول …). A name that starts
 * with ال also takes لل (ل + ال: للحسكة, للاذقية), matched by walking the trie over the elided ا or ال.
 */
function collectWord(
  codes: Uint16Array,
  ws: number,
  we: number,
  lex: CompiledLexicon,
  out: Candidates,
): void {
  walk(codes, ws, ws, ws, 0, lex, out);
  const c0 = codes[ws];
  if (c0 === WAW || c0 === FEH) {
    behind(codes, ws, 1, we, lex, out);
    const c1 = codes[ws + 1];
    if (c1 === BEH || c1 === KAF || c1 === LAM) behind(codes, ws, 2, we, lex, out);
  } else if (c0 === BEH || c0 === KAF || c0 === LAM) {
    behind(codes, ws, 1, we, lex, out);
  }
}

function behind(
  codes: Uint16Array,
  ws: number,
  k: number,
  we: number,
  lex: CompiledLexicon,
  out: Candidates,
): void {
  const stem = ws + k;
  if (we - stem < 2) return;
  const afterLam = codes[stem - 1] === LAM;
  const article = codes[stem] === ALEF && codes[stem + 1] === LAM;
  // «لالحسكة» is not Arabic spelling: after ل the article is always elided.
  if (!(afterLam && article)) walk(codes, stem, stem, ws, 0, lex, out);
  if (afterLam && codes[stem] === LAM) {
    const a = step(lex, 0, ALEF);
    if (a < 0) return;
    walk(codes, stem, stem, ws, a, lex, out); // لل + حسكة ← الحسكة
    const al = step(lex, a, LAM);
    if (al >= 0) walk(codes, stem, stem, ws, al, lex, out); // لل + اذقية ← اللاذقية
  }
}

/** Follows the trie from `node` along `codes` from `from`; records every alias ending at a word end. */
function walk(
  codes: Uint16Array,
  from: number,
  start: number,
  word: number,
  node: number,
  lex: CompiledLexicon,
  out: Candidates,
): void {
  const n = codes.length;
  const { termStart } = lex;
  for (let pos = from; pos < n;) {
    node = step(lex, node, codes[pos++]!);
    if (node < 0) return;
    if (termStart[node]! < termStart[node + 1]! && (pos === n || !WORD[codes[pos]!]))
      out.push(start, pos, word, node);
  }
}

const isGap = (c: number) => !WORD[c] && (c === SPACE || QUOTES.has(c));

/** Is the word before folded offset `at` (skipping spaces and quotes), or that word without its clitics (لتنظيم → تنظيم), in `words`? */
function previousWordIn(codes: Uint16Array, at: number, words: WordSet): boolean {
  let e = at;
  while (e > 0 && isGap(codes[e - 1]!)) e--;
  let b = e;
  while (b > 0 && WORD[codes[b - 1]!]) b--;
  if (words.has(codes, b, e)) return true;
  const c0 = codes[b];
  if (c0 !== WAW && c0 !== FEH && c0 !== BEH && c0 !== KAF && c0 !== LAM) return false;
  if (words.has(codes, b + 1, e)) return true;
  const c1 = codes[b + 1];
  return (c0 === WAW || c0 === FEH) && (c1 === BEH || c1 === KAF || c1 === LAM) && words.has(codes, b + 2, e);
}

/** Is the word after folded offset `at` (skipping spaces and quotes) in `words`? */
function nextWordIn(codes: Uint16Array, at: number, words: WordSet): boolean {
  let b = at;
  while (b < codes.length && isGap(codes[b]!)) b++;
  let e = b;
  while (e < codes.length && WORD[codes[e]!]) e++;
  return words.has(codes, b, e);
}

function isQuoted(codes: Uint16Array, word: number, end: number): boolean {
  let b = word - 1;
  while (b >= 0 && codes[b] === SPACE) b--;
  let e = end;
  while (e < codes.length && codes[e] === SPACE) e++;
  return b >= 0 && e < codes.length && QUOTES.has(codes[b]!) && QUOTES.has(codes[e]!);
}

/** What the context alone says of a conditional alias at a candidate: the same in every round. */
const NO = 0;
const YES = 1;
const IF_NAMED = 2;

function context(alias: CompiledAlias, codes: Uint16Array, c: Candidates, k: number): number {
  const w = alias.when!;
  if (w.notFollowedBy && nextWordIn(codes, c.end[k]!, w.notFollowedBy)) return NO;
  if (!w.quoted && !w.after && !w.cooccurs) return YES;
  if (w.quoted && isQuoted(codes, c.word[k]!, c.end[k]!)) return YES;
  if (w.after && previousWordIn(codes, c.word[k]!, w.after)) return YES;
  return w.cooccurs ? IF_NAMED : NO;
}

/**
 * What the text is about, as far as the entities it names tell: the countries with the most distinct
 * named entities (ties included), or none when no named entity belongs to a country.
 */
export function subjectOf(named: ReadonlySet<string>, countryOf: ReadonlyMap<string, string>): Set<string> {
  const count = new Map<string, number>();
  let most = 0;
  for (const id of named) {
    const country = countryOf.get(id);
    if (!country) continue;
    const n = (count.get(country) ?? 0) + 1;
    count.set(country, n);
    if (n > most) most = n;
  }
  return new Set([...count].filter(([, n]) => n === most).map(([country]) => country));
}

/** The entities a round of choice stands on, and what they say the text is about (worked out on demand). */
class Named {
  readonly ids: ReadonlySet<string>;
  readonly #lex: CompiledLexicon;
  #subject: Set<string> | null = null;
  constructor(ids: ReadonlySet<string>, lex: CompiledLexicon) {
    this.ids = ids;
    this.#lex = lex;
  }
  get subject(): ReadonlySet<string> {
    return (this.#subject ??= subjectOf(this.ids, countriesOf(this.#lex)));
  }
}

/** Does the alias name its entity at candidate `k`? See `AliasCondition`. Context verdicts are cached across rounds. */
function holds(
  alias: CompiledAlias,
  t: number,
  codes: Uint16Array,
  c: Candidates,
  k: number,
  named: Named,
  cache: Map<number, number>,
): boolean {
  if (!alias.when) return true;
  const about = alias.when.about;
  if (about && !about.some((country) => named.subject.has(country))) return false;
  const key = k * 4 + (t & 3);
  let verdict = cache.get(key);
  if (verdict === undefined) cache.set(key, (verdict = context(alias, codes, c, k)));
  return verdict === YES || (verdict === IF_NAMED && alias.when.cooccurs!.some((id) => named.ids.has(id)));
}

interface Choice {
  k: number;
  alias: CompiledAlias;
}

/**
 * Leftmost-longest choice among candidates whose conditions hold. Candidates come grouped by word
 * and a name always ends at a word end, so the choice is made word by word: in a word not yet
 * covered, the earliest start (fewest clitics) and then the longest name that holds.
 * `cooccurs` and `about` conditions look at the entities the previous round chose, so the choice is
 * repeated until it is stable (two or three rounds in practice; grounded in the first, where neither
 * holds unless `context` names entities).
 */
function choose(
  codes: Uint16Array,
  c: Candidates,
  lex: CompiledLexicon,
  context: ReadonlySet<string>,
): Choice[] {
  let named = new Set<string>(context);
  let chosen: Choice[] = [];
  const cache = new Map<number, number>();
  for (let round = 0; round < 4; round++) {
    const standing = new Named(named, lex);
    chosen = [];
    let covered = -1;
    for (let g = 0; g < c.length;) {
      const w = c.word[g]!;
      let h = g;
      while (h < c.length && c.word[h] === w) h++;
      if (w >= covered) {
        const best = bestInWord(codes, c, g, h, lex, standing, cache);
        if (best) {
          chosen.push(best);
          covered = c.end[best.k]!;
        }
      }
      g = h;
    }
    if (!lex.cooccurrence) break;
    const next = new Set<string>(context);
    let same = true;
    for (const { alias } of chosen) {
      const id = alias.entity.id;
      if (next.has(id)) continue;
      next.add(id);
      same &&= named.has(id);
    }
    if (same && next.size === named.size) break;
    named = next;
  }
  return chosen;
}

/**
 * The best candidate of one word. Candidates arrive by start (fewest clitics first), each start's
 * by growing end; the wanted order is earliest start, then longest: so each start's run is read backwards.
 */
function bestInWord(
  codes: Uint16Array,
  c: Candidates,
  from: number,
  to: number,
  lex: CompiledLexicon,
  named: Named,
  cache: Map<number, number>,
): Choice | null {
  for (let run = from; run < to;) {
    let runEnd = run;
    while (runEnd < to && c.start[runEnd] === c.start[run]) runEnd++;
    for (let k = runEnd - 1; k >= run; k--) {
      const node = c.node[k]!;
      for (let t = lex.termStart[node]!; t < lex.termStart[node + 1]!; t++) {
        const alias = lex.aliases[lex.terminal[t]!]!;
        if (holds(alias, t, codes, c, k, named, cache)) return { k, alias };
      }
    }
    run = runEnd;
  }
  return null;
}

/**
 * Every mention of a lexicon entity in `text`, in order, with offsets into `text`. `context` names
 * entities already named elsewhere in the same document (an earlier chunk, the rest of the page),
 * for `cooccurs` conditions.
 */
export function spot(
  text: string,
  lex: CompiledLexicon,
  context: ReadonlySet<string> = new Set(),
): Mention[] {
  const folded = normalize(text);
  WORD = wordTable();
  const { codes, words } = folded;
  const candidates = new Candidates();
  for (let w = 0; w < words.length; w += 2) collectWord(codes, words[w]!, words[w + 1]!, lex, candidates);
  return choose(codes, candidates, lex, context).map(({ k, alias }) => {
    const [start, end] = originalSpan(text, folded, candidates.start[k]!, candidates.end[k]!);
    return { start, end, text: text.slice(start, end), alias };
  });
}
