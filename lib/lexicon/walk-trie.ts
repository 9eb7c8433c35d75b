import { WORD_HASH_BASE, wordTable } from '../arabic/normalize.ts';
import type { CompiledLexicon } from './compile-lexicon.ts';

/**
 * The trie laid out for walking (issue #16): what a step reads of a node, in one place. Per node `n`,
 * `info[2n]` tells how its children are found — a code > 0: its only child's code (0x10000, which no
 * code equals, for a leaf); 0: the edge hash table; < 0: row `-info[2n] - 1` of `rows`, its children by
 * symbol (-1 for none), kept for the busiest nodes (the root, ا, ال …), where most steps land —
 * and `info[2n + 1]` is its only child's number times 2, plus 1 when aliases end at it.
 * Made once per lexicon from the compiled arrays (about 0.5 MB for the bundled lexicon, and 0.45 MB for
 * its 5,400 first words: `firstWords`, `firstWordNodes`).
 */
export interface WalkTrie {
  info: Int32Array;
  rows: Int32Array;
  /**
   * The first words of the aliases, as a bit set over `firstWordBit` of their `wordHash` (see
   * `mayStartWith`): a walk from a word start can only find a name when the rest of that word is one
   * of them. Most words of a text are not (news text: three walks in four saved).
   */
  firstWords: Uint32Array;
  /** The same words with the node each leads to from the root: a walk starts there (`firstWordNode`). */
  firstWordNodes: FirstWordNodes;
}

/**
 * An open-addressing table by `wordHash`: slot `s` holds a first word, `codes[from[s], from[s] +
 * length[s])`, and the node it leads to, `node[s]` (-1: an empty slot). Not a `WordSet`
 * (compile-lexicon.ts): the hash is the one folding made, and the lookup is on the matcher's path.
 */
export interface FirstWordNodes {
  hash: Int32Array;
  node: Int32Array;
  from: Int32Array;
  length: Int32Array;
  codes: Uint16Array;
}
/** Nodes with at least this many children get a row. */
const ROW_CHILDREN = 8;
const LEAF = 0x10000;
const walkTries = new WeakMap<CompiledLexicon, WalkTrie>();
/** Has `walkTrieOf` made `lex`'s layout yet? */
export const walkTrieMade = (lex: CompiledLexicon): boolean => walkTries.has(lex);
export function walkTrieOf(lex: CompiledLexicon): WalkTrie {
  let trie = walkTries.get(lex);
  if (trie) return trie;
  const { edgeKey, edgeChild, symbols, onlyCode, onlyChild, termStart } = lex;
  const nodes = onlyCode.length;
  const width = symbols + 1;
  const childCount = new Int32Array(nodes);
  for (const key of edgeKey) if (key !== -1) childCount[Math.floor(key / symbols)]! += 1;
  const info = new Int32Array(nodes * 2);
  let rowCount = 0;
  for (let n = 0; n < nodes; n++) {
    if (onlyCode[n]) info[2 * n] = onlyCode[n]!;
    else if (n === 0 || childCount[n]! >= ROW_CHILDREN) info[2 * n] = -++rowCount;
    else if (!childCount[n]) info[2 * n] = LEAF;
    info[2 * n + 1] = (onlyCode[n] ? onlyChild[n]! * 2 : 0) + (termStart[n]! < termStart[n + 1]! ? 1 : 0);
  }
  const rows = new Int32Array(rowCount * width).fill(-1);
  for (let s = 0; s < edgeKey.length; s++) {
    const key = edgeKey[s]!;
    if (key === -1) continue;
    const node = Math.floor(key / symbols);
    if (info[2 * node]! < 0) rows[(-info[2 * node]! - 1) * width + (key - node * symbols)] = edgeChild[s]!;
  }
  walkTries.set(lex, (trie = { info, rows, ...firstWordsOf(lex) }));
  return trie;
}

const FIRST_WORD_BITS = 20;
const firstWordBit = (h: number): number => Math.imul(h, 0x9e3779b1) >>> (32 - FIRST_WORD_BITS);

/** May a name begin with the word run whose hash is `h`? False only when none does. */
export const mayStartWith = (firstWords: Uint32Array, h: number): boolean => {
  const bit = firstWordBit(h);
  return ((firstWords[bit >>> 5]! >>> (bit & 31)) & 1) === 1;
};

/** A first word's first slot in `FirstWordNodes`. */
const slotOf = (h: number, mask: number): number => (Math.imul(h, 0x85ebca6b) >>> 0) & mask;

/**
 * The node that the word `codes[b, e)`, whose `wordHash` is `h`, leads to from the root, if it is one
 * of the first words; else -1. The word is compared unit by unit: a hash alone may collide.
 */
export function firstWordNode(
  table: FirstWordNodes,
  codes: Uint16Array,
  b: number,
  e: number,
  h: number,
): number {
  const mask = table.node.length - 1;
  for (let slot = slotOf(h, mask); ; slot = (slot + 1) & mask) {
    const node = table.node[slot]!;
    if (node < 0) return -1;
    if (table.hash[slot] !== h || table.length[slot] !== e - b) continue;
    const from = table.from[slot]! - b;
    let i = b;
    while (i < e && table.codes[from + i] === codes[i]) i++;
    if (i === e) return node;
  }
}

/**
 * Every path of the trie from the root up to its first unit that is not a word unit, or to the end
 * of an alias: the first word each alias must find in the text. A walk from a word start that finds
 * an alias reads the rest of that word whole, since a candidate ends at a word end, so that rest is
 * one of these.
 */
function firstWordsOf(lex: CompiledLexicon): { firstWords: Uint32Array; firstWordNodes: FirstWordNodes } {
  const { edgeKey, edgeChild, symbols, symbol, onlyCode, onlyChild, termStart } = lex;
  const word = wordTable();
  const codeOf = new Uint16Array(symbols + 1);
  for (let code = 0; code < 0x10000; code++) if (symbol[code]) codeOf[symbol[code]!] = code;
  // Children of the branching nodes, from the edge table: [code, child] pairs listed per node.
  const nodes = onlyCode.length;
  const count = new Int32Array(nodes + 1);
  for (const key of edgeKey) if (key !== -1) count[Math.floor(key / symbols) + 1]! += 1;
  for (let n = 0; n < nodes; n++) count[n + 1]! += count[n]!;
  const from = count.slice();
  const listed = new Int32Array(count[nodes]! * 2);
  for (let s = 0; s < edgeKey.length; s++) {
    const key = edgeKey[s]!;
    if (key === -1) continue;
    const node = Math.floor(key / symbols);
    const at = from[node]!++;
    listed[at * 2] = codeOf[key - node * symbols]!;
    listed[at * 2 + 1] = edgeChild[s]!;
  }
  const bits = new Uint32Array(2 ** FIRST_WORD_BITS / 32);
  // Each first word once, by the node it leads to: its hash and units.
  const found = new Map<number, { hash: number; units: string }>();
  const path: number[] = [];
  const add = (hash: number, node: number, depth: number) => {
    if (found.has(node)) return;
    found.set(node, { hash, units: String.fromCharCode(...path.slice(0, depth)) });
    const bit = firstWordBit(hash);
    bits[bit >>> 5]! |= 1 << (bit & 31);
  };
  // Depth first, each node with its path's `wordHash` (normalize.ts), its depth and the unit leading to it.
  const stack: number[] = [0, 0, 0, 0];
  while (stack.length) {
    const code = stack.pop()!;
    const depth = stack.pop()!;
    const hash = stack.pop()!;
    const node = stack.pop()!;
    if (depth > 0) path[depth - 1] = code;
    const only = onlyCode[node]!;
    const first = only ? 0 : count[node]!;
    const last = only ? 1 : count[node + 1]!;
    for (let i = first; i < last; i++) {
      const c = only || listed[i * 2]!;
      const child = only ? onlyChild[node]! : listed[i * 2 + 1]!;
      if (!word[c]) {
        if (node !== 0) add(hash, node, depth);
        continue;
      }
      const next = (Math.imul(hash, WORD_HASH_BASE) + c) | 0;
      if (termStart[child]! < termStart[child + 1]!) {
        path[depth] = c;
        add(next, child, depth + 1);
      }
      stack.push(child, next, depth + 1, c);
    }
  }
  let size = 16;
  while (size < found.size * 2) size *= 2;
  const table: FirstWordNodes = {
    hash: new Int32Array(size),
    node: new Int32Array(size).fill(-1),
    from: new Int32Array(size),
    length: new Int32Array(size),
    codes: new Uint16Array([...found.values()].reduce((n, { units }) => n + units.length, 0)),
  };
  let at = 0;
  for (const [node, { hash, units }] of found) {
    let slot = slotOf(hash, size - 1);
    while (table.node[slot]! >= 0) slot = (slot + 1) & (size - 1);
    table.hash[slot] = hash;
    table.node[slot] = node;
    table.from[slot] = at;
    table.length[slot] = units.length;
    for (let i = 0; i < units.length; i++) table.codes[at + i] = units.charCodeAt(i);
    at += units.length;
  }
  return { firstWords: bits, firstWordNodes: table };
}

/**
 * One step as `spot()`'s walk takes it over the layout: the node reached from `node` by `code`, or -1.
 * The same as `step` (compile-lexicon.ts), which a test checks for every node and code.
 */
export function stepIn(trie: WalkTrie, lex: CompiledLexicon, node: number, code: number): number {
  const how = trie.info[node * 2]!;
  if (how > 0) return how === code ? trie.info[node * 2 + 1]! >> 1 : -1;
  const sym = lex.symbol[code]!;
  if (sym === 0) return -1;
  if (how < 0) return trie.rows[(-how - 1) * (lex.symbols + 1) + sym]!;
  const key = node * lex.symbols + sym;
  const mask = lex.edgeKey.length - 1;
  for (let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask; ; slot = (slot + 1) & mask) {
    const k = lex.edgeKey[slot]!;
    if (k === key) return lex.edgeChild[slot]!;
    if (k === -1) return -1;
  }
}

/** Do aliases end at `node`? */
export const endsAt = (trie: WalkTrie, node: number): boolean => (trie.info[node * 2 + 1]! & 1) === 1;
