import { fold } from '../arabic/normalize.ts';
import type { Alias, AliasCondition, Entity, Lexicon } from './schema.ts';

/**
 * A set of folded words, looked up by a span of folded codes without building a string: by hash,
 * then compared unit by unit.
 */
export class WordSet {
  readonly #byHash = new Map<number, string[]>();
  constructor(words: readonly string[]) {
    for (const w of words) {
      const h = hashCodes(w, 0, w.length);
      this.#byHash.set(h, [...(this.#byHash.get(h) ?? []), w]);
    }
  }
  /** Is `codes[b, e)` one of the words? */
  has(codes: ArrayLike<number>, b: number, e: number): boolean {
    const words = this.#byHash.get(hashCodes(codes, b, e));
    return (
      words?.some((w) => w.length === e - b && [...w].every((_, i) => w.charCodeAt(i) === codes[b + i])) ??
      false
    );
  }
}

/** FNV-1a over UTF-16 codes, from a string or a code array. */
function hashCodes(src: string | ArrayLike<number>, b: number, e: number): number {
  let h = 0x811c9dc5;
  for (let i = b; i < e; i++)
    h = Math.imul(h ^ (typeof src === 'string' ? src.charCodeAt(i) : src[i]!), 0x01000193);
  return h >>> 0;
}

/** An alias condition with its words folded, ready to compare with folded text. */
export interface CompiledCondition {
  quoted: boolean;
  after: WordSet | null;
  cooccurs: readonly string[] | null;
  notFollowedBy: WordSet | null;
  /** Countries the text must be about (see `AliasCondition.about`), or null. */
  about: readonly string[] | null;
}

export interface CompiledAlias {
  entity: Entity;
  alias: Alias;
  folded: string;
  when: CompiledCondition | null;
}

/**
 * The lexicon compiled for matching: a trie over folded aliases whose edges live in one
 * open-addressing hash table keyed by (node, symbol), symbols being the characters that occur in
 * aliases. A step is one table look-up and a probe or two; a character no alias uses fails at once.
 * Compiled once per process or browser session; matching never loops over aliases.
 */
export interface CompiledLexicon {
  readonly entities: readonly Entity[];
  /** Entity id → country, when the lexicon can tell without reading every entity (a decoded one). */
  countries?: () => ReadonlyMap<string, string>;
  aliases: readonly CompiledAlias[];
  /**
   * Whether any alias has a `cooccurs` or `about` condition, which look at what the text names:
   * else one round of choice suffices.
   */
  cooccurrence: boolean;
  /** UTF-16 code → symbol (1…), 0 when no alias has that character. */
  symbol: Uint16Array;
  symbols: number;
  /** For a node with exactly one child (most nodes: the letters of one name), that child's code and node; else code 0. */
  onlyCode: Uint16Array;
  onlyChild: Int32Array;
  /** Hash table of edges: slot → key `node * symbols + symbol` (-1 when empty) and child node. */
  edgeKey: Int32Array;
  edgeChild: Int32Array;
  /** Aliases ending at node `n`: `terminal[termStart[n]]` to `terminal[termStart[n + 1]]`. */
  termStart: Uint32Array;
  terminal: Uint32Array;
}

/**
 * Compiled conditions by their source object: aliases that share one `when` object (the shipped
 * lexicon shares them, see slim-lexicon.ts) share one compiled condition, built once.
 */
const compiledConditions = new WeakMap<AliasCondition, CompiledCondition>();

export function compileCondition(alias: Alias): CompiledCondition | null {
  const w = alias.when;
  if (!w) return null;
  let compiled = compiledConditions.get(w);
  if (!compiled) compiledConditions.set(w, (compiled = compileConditionOf(w)));
  return compiled;
}

/** Condition words folded once each: thousands of conditions share a few hundred words. */
const foldedWords = new Map<string, string>();
export function foldConditionWord(word: string): string {
  let folded = foldedWords.get(word);
  if (folded === undefined) foldedWords.set(word, (folded = fold(word)));
  return folded;
}

/** Condition words as folded at build time (serialize-lexicon.ts): a page then folds none of them. */
export function primeConditionWords(words: Readonly<Record<string, string>>): void {
  for (const word in words) if (!foldedWords.has(word)) foldedWords.set(word, words[word]!);
}

function compileConditionOf(w: AliasCondition): CompiledCondition {
  const words = (list: string[] | undefined) =>
    list?.length ? new WordSet(list.map(foldConditionWord)) : null;
  return {
    quoted: w.quoted === true,
    after: words(w.after),
    cooccurs: w.cooccurs?.length ? w.cooccurs : null,
    notFollowedBy: words(w.notFollowedBy),
    about: w.about?.length ? w.about : null,
  };
}

const countries = new WeakMap<CompiledLexicon, Map<string, string>>();

/**
 * Entity id → the country it belongs to (`Entity.country`), for `about` conditions: made on first
 * use, once per compiled lexicon (a page with no such alias in sight never makes it).
 */
export function countriesOf(lex: CompiledLexicon): ReadonlyMap<string, string> {
  if (lex.countries) return lex.countries();
  let map = countries.get(lex);
  if (!map) {
    map = new Map();
    for (const e of lex.entities) if (e.country) map.set(e.id, e.country);
    countries.set(lex, map);
  }
  return map;
}

/** Folded aliases shorter than this are not matched: a single letter is never a name. */
const MIN_ALIAS_LENGTH = 2;

export function compileLexicon(lexicon: Pick<Lexicon, 'entities'>): CompiledLexicon {
  const aliases: CompiledAlias[] = [];
  const children: Map<number, number>[] = [new Map()];
  const ends: number[][] = [[]];

  for (const entity of lexicon.entities) {
    for (const alias of entity.aliases) {
      const folded = fold(alias.text);
      if (folded.length < MIN_ALIAS_LENGTH) continue;
      let node = 0;
      for (let i = 0; i < folded.length; i++) {
        const code = folded.charCodeAt(i);
        let next = children[node]!.get(code);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          ends.push([]);
          children[node]!.set(code, next);
        }
        node = next;
      }
      ends[node]!.push(aliases.length);
      aliases.push({ entity, alias, folded, when: compileCondition(alias) });
    }
  }

  const nodes = children.length;
  const symbol = new Uint16Array(0x10000);
  let symbols = 1;
  for (const map of children) for (const code of map.keys()) if (!symbol[code]) symbol[code] = symbols++;

  // Only branching nodes (and the root) keep their edges in the hash table: a node with one child
  // is stepped through `onlyCode`/`onlyChild`, and most nodes are letters inside one name.
  const hashed = (map: Map<number, number>, node: number) => node === 0 || map.size > 1;
  let edges = 0;
  children.forEach((map, node) => void (hashed(map, node) && (edges += map.size)));
  const size = 2 ** Math.ceil(Math.log2(Math.max(16, edges * 1.5)));
  const edgeKey = new Int32Array(size).fill(-1);
  const edgeChild = new Int32Array(size);
  children.forEach((map, node) => {
    if (!hashed(map, node)) return;
    for (const [code, child] of map) {
      const key = node * symbols + symbol[code]!;
      let slot = hashSlot(key, size);
      while (edgeKey[slot] !== -1) slot = (slot + 1) & (size - 1);
      edgeKey[slot] = key;
      edgeChild[slot] = child;
    }
  });

  const termStart = new Uint32Array(nodes + 1);
  let terms = 0;
  for (let n = 0; n < nodes; n++) {
    termStart[n] = terms;
    terms += ends[n]!.length;
  }
  termStart[nodes] = terms;
  const terminal = new Uint32Array(terms);
  for (let n = 0; n < nodes; n++) {
    // Unconditional aliases first: where a spelling is plain for one entity, it wins.
    const list = ends[n]!.sort(
      (a, b) => Number(aliases[a]!.when !== null) - Number(aliases[b]!.when !== null),
    );
    terminal.set(list, termStart[n]!);
  }
  const onlyCode = new Uint16Array(nodes);
  const onlyChild = new Int32Array(nodes).fill(-1);
  children.forEach((map, node) => {
    if (map.size !== 1 || node === 0) return;
    for (const [code, child] of map) {
      onlyCode[node] = code;
      onlyChild[node] = child;
    }
  });
  const cooccurrence = aliases.some((a) => a.when?.cooccurs || a.when?.about);
  return {
    entities: lexicon.entities,
    aliases,
    cooccurrence,
    onlyCode,
    onlyChild,
    symbol,
    symbols,
    edgeKey,
    edgeChild,
    termStart,
    terminal,
  };
}

const hashSlot = (key: number, size: number) => (Math.imul(key, 0x9e3779b1) >>> 0) & (size - 1);

/** The node reached from `node` by `code`, or -1. */
export function step(lex: CompiledLexicon, node: number, code: number): number {
  const only = lex.onlyCode[node]!;
  if (only !== 0) return only === code ? lex.onlyChild[node]! : -1;
  const sym = lex.symbol[code]!;
  if (sym === 0) return -1;
  const key = node * lex.symbols + sym;
  const { edgeKey } = lex;
  const mask = edgeKey.length - 1;
  for (let slot = hashSlot(key, edgeKey.length); ; slot = (slot + 1) & mask) {
    const k = edgeKey[slot]!;
    if (k === key) return lex.edgeChild[slot]!;
    if (k === -1) return -1;
  }
}
