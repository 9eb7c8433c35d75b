import { endAfter, normalize, WORD_HASH_BASE, wordTable, type Folded } from '../arabic/normalize.ts';
import { firstWordNode, mayStartWith, walkTrieOf, type FirstWordNodes } from './walk-trie.ts';
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

function twice(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Candidate names, in flat typed arrays (the seeds hold one name every 40 characters: objects would
 * be garbage, and growing plain arrays costs more than the matching). For candidate `k`: folded
 * `[start[k], end[k])`, the word it starts in, its trie node.
 */
class Candidates {
  start: Int32Array;
  end: Int32Array;
  word: Int32Array;
  node: Int32Array;
  length = 0;
  /** Candidates `[groups[g], groups[g + 1])` start in one word (the last group ends at `length`). */
  groups: Int32Array;
  groupCount = 0;
  /** Room for `size` candidates to begin with (news text holds about one per five words). */
  constructor(size: number) {
    size = Math.max(64, size);
    this.start = new Int32Array(size);
    this.end = new Int32Array(size);
    this.word = new Int32Array(size);
    this.node = new Int32Array(size);
    this.groups = new Int32Array(size);
  }
  push(start: number, end: number, word: number, node: number): void {
    const k = this.length++;
    if (k === this.start.length) this.#grow();
    if (k === 0 || this.word[k - 1] !== word) {
      if (this.groupCount === this.groups.length) this.groups = twice(this.groups);
      this.groups[this.groupCount++] = k;
    }
    this.start[k] = start;
    this.end[k] = end;
    this.word[k] = word;
    this.node[k] = node;
  }
  #grow(): void {
    this.start = twice(this.start);
    this.end = twice(this.end);
    this.word = twice(this.word);
    this.node = twice(this.node);
  }
}

/** `WORD_HASH_BASE` to the powers 0 … 63, for the hashes of a word's tails and prefixed forms. */
const POWERS = new Int32Array(64);
POWERS[0] = 1;
for (let k = 1; k < POWERS.length; k++) POWERS[k] = Math.imul(POWERS[k - 1]!, WORD_HASH_BASE);
function power(k: number): number {
  if (k < POWERS.length) return POWERS[k]!;
  let p = POWERS[POWERS.length - 1]!;
  for (let i = POWERS.length - 1; i < k; i++) p = Math.imul(p, WORD_HASH_BASE);
  return p;
}

/**
 * Every candidate name of the text, grouped by the word it starts in. A name may start at the word
 * itself, or behind the clitics و ف (conjunctions), ب ك ل (prepositions) and their combinations
 * (وب فك ول …). A name that starts with ال also takes لل (ل + ال: للحسكة, للاذقية), matched by walking
 * the trie over the elided ا (node `a`) or ال (node `al`).
 * A walk is taken only where a name may start with the rest of the word (`mayStartWith`). The word's
 * hash comes from folding; the hashes of its tails behind clitics, and of لل read as ال, follow from
 * it in a few multiplications (`wordHash` is Horner's rule), so no word is read twice to tell; most
 * words are no name's first word, and in news text three walks in four are saved. A walk from the root
 * begins where its first word leads (`walkFrom`), not one unit at a time.
 */
function collect(folded: Folded, lex: CompiledLexicon, out: Candidates): void {
  const { codes, words, wordHashes } = folded;
  ({ info: INFO, rows: ROWS, firstWords: FIRST_WORDS, firstWordNodes: FIRST_WORD_NODES } = walkTrieOf(lex));
  ({ symbol: SYMBOL, symbols: SYMBOLS, edgeKey: EDGE_KEY, edgeChild: EDGE_CHILD } = lex);
  // The nodes of ا and ال, for لل: looked up once, not for every word.
  const a = step(lex, 0, ALEF);
  const al = a < 0 ? -1 : step(lex, a, LAM);
  const first = FIRST_WORDS;
  for (let w = 0; w < words.length; w += 2) {
    const ws = words[w]!;
    const we = words[w + 1]!;
    const h = wordHashes[w >> 1]!;
    const c0 = codes[ws]!;
    if (mayStartWith(first, h)) walkFrom(codes, ws, we, ws, h, out);
    if (c0 === WAW || c0 === FEH) {
      const h1 = (h - Math.imul(c0, power(we - ws - 1))) | 0;
      behind(codes, ws, 1, we, a, al, h1, out);
      const c1 = codes[ws + 1]!;
      if (c1 === BEH || c1 === KAF || c1 === LAM)
        behind(codes, ws, 2, we, a, al, (h1 - Math.imul(c1, power(we - ws - 2))) | 0, out);
    } else if (c0 === BEH || c0 === KAF || c0 === LAM) {
      behind(codes, ws, 1, we, a, al, (h - Math.imul(c0, power(we - ws - 1))) | 0, out);
    }
  }
}

/** The walks behind `k` clitics; `h`, the `wordHash` of the rest of the word. */
function behind(
  codes: Uint16Array,
  ws: number,
  k: number,
  we: number,
  a: number,
  al: number,
  h: number,
  out: Candidates,
): void {
  const stem = ws + k;
  const len = we - stem;
  if (len < 2) return;
  const afterLam = codes[stem - 1] === LAM;
  const article = codes[stem] === ALEF && codes[stem + 1] === LAM;
  // «لالحسكة» is not Arabic spelling: after ل the article is always elided.
  if (!(afterLam && article) && mayStartWith(FIRST_WORDS, h)) walkFrom(codes, stem, we, ws, h, out);
  if (afterLam && codes[stem] === LAM && a >= 0) {
    // The rest read as ا + rest and as ال + rest.
    const withAlef = (Math.imul(ALEF, power(len)) + h) | 0;
    if (mayStartWith(FIRST_WORDS, withAlef)) walk(codes, stem, stem, ws, a, out); // لل + حسكة ← الحسكة
    const withArticle = (Math.imul(ALEF, power(len + 1)) + Math.imul(LAM, power(len)) + h) | 0;
    if (al >= 0 && mayStartWith(FIRST_WORDS, withArticle)) walk(codes, stem, stem, ws, al, out); // لل + اذقية ← اللاذقية
  }
}

/** The walk's tables, set by `collect` (module bindings read into locals: quicker than an object's). */
let INFO: Int32Array = new Int32Array(0);
let ROWS: Int32Array = new Int32Array(0);
let FIRST_WORDS: Uint32Array = new Uint32Array(0);
let FIRST_WORD_NODES: FirstWordNodes | null = null;
let SYMBOL: Uint16Array = new Uint16Array(0);
let SYMBOLS = 0;
let EDGE_KEY: Int32Array = new Int32Array(0);
let EDGE_CHILD: Int32Array = new Int32Array(0);

/**
 * The walk from the root over the word `codes[start, we)` (hash `h`) taken in one step: the node the
 * word leads to, if it is a first word (`firstWordNode`), and from there on along the text.
 */
function walkFrom(
  codes: Uint16Array,
  start: number,
  we: number,
  ws: number,
  h: number,
  out: Candidates,
): void {
  const node = firstWordNode(FIRST_WORD_NODES!, codes, start, we, h);
  if (node < 0) return;
  if (INFO[node * 2 + 1]! & 1) out.push(start, we, ws, node);
  walk(codes, start, we, ws, node, out);
}

/**
 * Follows the trie from `node` along `codes` from `pos` (a name starting at `start`); records every
 * alias ending at a word end after `pos`.
 * `stepIn` and `endsAt` (walk-trie.ts, tested against the compiled trie) written out: calling them
 * here made `spot()` 5–10% slower.
 */
function walk(
  codes: Uint16Array,
  start: number,
  pos: number,
  ws: number,
  node: number,
  out: Candidates,
): void {
  const n = codes.length;
  const info = INFO;
  const word = WORD;
  while (pos < n) {
    const code = codes[pos++]!;
    const how = info[node * 2]!;
    if (how > 0) {
      if (how !== code) return;
      node = info[node * 2 + 1]! >> 1;
    } else {
      const sym = SYMBOL[code]!;
      if (sym === 0) return;
      if (how < 0) {
        node = ROWS[(-how - 1) * (SYMBOLS + 1) + sym]!;
        if (node < 0) return;
      } else {
        const key = node * SYMBOLS + sym;
        const edgeKey = EDGE_KEY;
        const mask = edgeKey.length - 1;
        let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
        for (;;) {
          const k = edgeKey[slot]!;
          if (k === key) {
            node = EDGE_CHILD[slot]!;
            break;
          }
          if (k === -1) return;
          slot = (slot + 1) & mask;
        }
      }
    }
    if (info[node * 2 + 1]! & 1 && (pos === n || !word[codes[pos]!])) out.push(start, pos, ws, node);
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

/**
 * The entities a round of choice stands on, and what they say the text is about (worked out on
 * demand). `consulted` records whether a verdict looked at them: a word whose verdict did not is
 * decided once for every round.
 */
class Named {
  readonly #ids: ReadonlySet<string>;
  readonly #lex: CompiledLexicon;
  #subject: Set<string> | null = null;
  consulted = false;
  constructor(ids: ReadonlySet<string>, lex: CompiledLexicon) {
    this.#ids = ids;
    this.#lex = lex;
  }
  get ids(): ReadonlySet<string> {
    this.consulted = true;
    return this.#ids;
  }
  get subject(): ReadonlySet<string> {
    this.consulted = true;
    return (this.#subject ??= subjectOf(this.#ids, countriesOf(this.#lex)));
  }
}

/**
 * Context verdicts, by candidate and terminal: the same in every round. The first few terminals of a
 * candidate's node (all of them, nearly always) are kept in a byte array, the rest in a map.
 */
class Verdicts {
  static readonly #PER_CANDIDATE = 4;
  readonly #first: Uint8Array;
  readonly #more = new Map<number, number>();
  readonly #candidates: number;
  constructor(candidates: number) {
    this.#candidates = candidates;
    this.#first = new Uint8Array(candidates * Verdicts.#PER_CANDIDATE);
  }
  /** The verdict of terminal `t`, the `nth` of candidate `k`'s node. */
  of(alias: CompiledAlias, t: number, nth: number, codes: Uint16Array, c: Candidates, k: number): number {
    if (nth < Verdicts.#PER_CANDIDATE) {
      const at = k * Verdicts.#PER_CANDIDATE + nth;
      const known = this.#first[at]!;
      if (known) return known - 1;
      const verdict = context(alias, codes, c, k);
      this.#first[at] = verdict + 1;
      return verdict;
    }
    const key = t * this.#candidates + k;
    let verdict = this.#more.get(key);
    if (verdict === undefined) this.#more.set(key, (verdict = context(alias, codes, c, k)));
    return verdict;
  }
}

function anyIn(list: readonly string[], set: ReadonlySet<string>): boolean {
  for (let i = 0; i < list.length; i++) if (set.has(list[i]!)) return true;
  return false;
}

/** Does the alias name its entity at candidate `k`? See `AliasCondition`. */
function holds(
  alias: CompiledAlias,
  t: number,
  nth: number,
  codes: Uint16Array,
  c: Candidates,
  k: number,
  named: Named,
  verdicts: Verdicts,
): boolean {
  const when = alias.when;
  if (!when) return true;
  const about = when.about;
  if (about && !anyIn(about, named.subject)) return false;
  const verdict = verdicts.of(alias, t, nth, codes, c, k);
  return verdict === YES || (verdict === IF_NAMED && anyIn(when.cooccurs!, named.ids));
}

/** No candidate holds in a word. */
const NONE = -1;
/** Not decided once for every round. */
const UNDECIDED = -2;

/**
 * Leftmost-longest choice among candidates whose conditions hold; returns pairs `[k, t]` (candidate,
 * terminal). Candidates come grouped by word and a name always ends at a word end, so the choice is
 * made word by word: in a word not yet covered, the earliest start (fewest clitics) and then the
 * longest name that holds.
 * `cooccurs` and `about` conditions look at the entities the previous round chose, so the choice is
 * repeated until it is stable (two or three rounds in practice; grounded in the first, where neither
 * holds unless `context` names entities). A later round decides again only the words whose verdict
 * looked at what was named; when none did, one round is all.
 */
function choose(
  codes: Uint16Array,
  c: Candidates,
  lex: CompiledLexicon,
  context: ReadonlySet<string>,
): { chosen: Int32Array; contextMatters: boolean } {
  const groups = c.groupCount;
  const group = c.groups;
  /** Per group: its candidate and terminal (or NONE), once decided for every round. */
  const bestK = new Int32Array(groups).fill(UNDECIDED);
  const bestT = new Int32Array(groups);
  const verdicts = new Verdicts(c.length);
  let named = new Set<string>(context);
  let chosen = new Int32Array(0);
  let contextMatters = false;
  // One array for every round: a round's picks are read before the next round writes its own.
  const picks = new Int32Array(groups * 2);
  for (let round = 0; round < 4; round++) {
    const standing = new Named(named, lex);
    let count = 0;
    let anyDepends = false;
    let covered = -1;
    for (let g = 0; g < groups; g++) {
      const from = group[g]!;
      if (c.word[from]! < covered) continue;
      let k = bestK[g]!;
      if (k === UNDECIDED) {
        standing.consulted = false;
        k = bestInWord(
          codes,
          c,
          from,
          g + 1 < groups ? group[g + 1]! : c.length,
          lex,
          standing,
          verdicts,
          bestT,
          g,
        );
        // A verdict that looked at this round's names is made again in the next.
        if (standing.consulted) anyDepends = true;
        else bestK[g] = k;
      }
      if (k >= 0) {
        picks[count * 2] = k;
        picks[count * 2 + 1] = bestT[g]!;
        count++;
        covered = c.end[k]!;
      }
    }
    chosen = picks.subarray(0, count * 2);
    contextMatters ||= anyDepends;
    if (!lex.cooccurrence || !anyDepends) break;
    const next = new Set<string>(context);
    let same = true;
    // Most mentions repeat an alias already counted: each alias is looked at once.
    const seen = new Uint8Array(lex.aliases.length);
    for (let i = 1; i < chosen.length; i += 2) {
      const a = lex.terminal[chosen[i]!]!;
      if (seen[a]) continue;
      seen[a] = 1;
      const id = lex.aliases[a]!.entity.id;
      if (next.has(id)) continue;
      next.add(id);
      same &&= named.has(id);
    }
    if (same && next.size === named.size) break;
    named = next;
  }
  return { chosen, contextMatters };
}

/**
 * The best candidate of one word (NONE when none holds), its terminal into `bestT[g]`. Candidates
 * arrive by start (fewest clitics first), each start's by growing end; the wanted order is earliest
 * start, then longest: so each start's run is read backwards.
 */
function bestInWord(
  codes: Uint16Array,
  c: Candidates,
  from: number,
  to: number,
  lex: CompiledLexicon,
  named: Named,
  verdicts: Verdicts,
  bestT: Int32Array,
  g: number,
): number {
  for (let run = from; run < to;) {
    let runEnd = run;
    while (runEnd < to && c.start[runEnd] === c.start[run]) runEnd++;
    for (let k = runEnd - 1; k >= run; k--) {
      const node = c.node[k]!;
      const first = lex.termStart[node]!;
      for (let t = first; t < lex.termStart[node + 1]!; t++) {
        const alias = lex.aliases[lex.terminal[t]!]!;
        if (holds(alias, t, t - first, codes, c, k, named, verdicts)) {
          bestT[g] = t;
          return k;
        }
      }
    }
    run = runEnd;
  }
  return NONE;
}

/**
 * The names `findNames` found, in flat arrays (a page's hundreds of names as objects cost as much as
 * finding them): name `i` is `[start[i], end[i])` of the original text, `lex.aliases[alias[i]]`.
 */
export interface FoundNames {
  count: number;
  start: Int32Array;
  end: Int32Array;
  alias: Int32Array;
  /**
   * Whether a condition looked at the entities named (`cooccurs`, `about`): when none did, the same
   * text with any other `context` has the same names, and need not be read again.
   */
  contextMatters: boolean;
}

/**
 * The matcher: every name of a lexicon entity in `text`, in order, with offsets into `text` — folded,
 * matched and mapped back in one call. `context` names entities already named elsewhere in the same
 * document (an earlier chunk, the rest of the page), for `cooccurs` conditions.
 */
export function findNames(
  text: string,
  lex: CompiledLexicon,
  context: ReadonlySet<string> = new Set(),
): FoundNames {
  const folded = normalize(text);
  WORD = wordTable();
  const candidates = new Candidates(folded.words.length >> 3);
  collect(folded, lex, candidates);
  const { chosen, contextMatters } = choose(folded.codes, candidates, lex, context);
  const count = chosen.length >> 1;
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  const alias = new Int32Array(count);
  // Back to the original: names come in order, so one pass over the runs of the map (`Folded.runAt`).
  const { runAt, runDrift } = folded;
  let r = 0;
  for (let i = 0; i < count; i++) {
    const k = chosen[2 * i]!;
    const s = candidates.start[k]!;
    while (r + 1 < runAt.length && runAt[r + 1]! <= s) r++;
    start[i] = s + runDrift[r]!;
    const last = candidates.end[k]! - 1;
    while (r + 1 < runAt.length && runAt[r + 1]! <= last) r++;
    end[i] = endAfter(text, last + runDrift[r]!);
    alias[i] = lex.terminal[chosen[2 * i + 1]!]!;
  }
  return { count, start, end, alias, contextMatters };
}

/**
 * Makes what the matcher walks for `lex` (else made by its first `findNames`: about 20 ms for the
 * bundled lexicon, `npm run bench`): the background does it while a page's reader is injected, before
 * the page asks for names.
 */
export function readyToSpot(lex: CompiledLexicon): CompiledLexicon {
  walkTrieOf(lex);
  return lex;
}

/** `findNames`' names as objects, each with its text as written. */
export function spot(
  text: string,
  lex: CompiledLexicon,
  context: ReadonlySet<string> = new Set(),
): Mention[] {
  const found = findNames(text, lex, context);
  const mentions: Mention[] = new Array(found.count);
  for (let i = 0; i < found.count; i++) {
    const start = found.start[i]!;
    const end = found.end[i]!;
    mentions[i] = { start, end, text: text.slice(start, end), alias: lex.aliases[found.alias[i]!]! };
  }
  return mentions;
}
