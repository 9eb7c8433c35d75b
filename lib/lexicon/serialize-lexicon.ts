import { fold } from '../arabic/normalize.ts';
import {
  compileCondition,
  foldConditionWord,
  primeConditionWords,
  type CompiledAlias,
  type CompiledCondition,
  type CompiledLexicon,
} from './compile-lexicon.ts';
import type { Alias, Entity, Lexicon } from './schema.ts';
import { entitySource, type EntitySource } from './slim-lexicon.ts';

/**
 * A compiled lexicon as plain JSON, made at build time (see `wxt.config.ts`) so that no page ever
 * compiles the lexicon: the content script only decodes these arrays. Aliases are pointers into the
 * lexicon itself, which ships beside it.
 */
export interface SerializedLexicon {
  /**
   * 2 (issue #13, several thousand entities): per-node and per-alias data packed small — a byte
   * where a byte does, aliases implied by the lexicon's order — and condition words folded at build
   * time, so that a page decodes it in a few milliseconds.
   */
  version: 2;
  /**
   * Aliases not compiled (folded too short), as ordinals over every entity's aliases in order: the
   * compiled aliases are all the others, in that order.
   */
  skipped: number[];
  cooccurrence: boolean;
  symbols: number;
  /** (code, symbol) pairs: the symbol table is 64 K entries, almost all zero. */
  symbolPairs: number[];
  /** Every word of every alias condition, with its folded form: pages need not fold them. */
  conditionWords: Record<string, string>;
  /**
   * Typed arrays in base64. Per node: `onlySymbol` (the symbol of its only child, 0 if not one),
   * `onlyStep` (that child's number minus the node's, 255: the next of `onlyFar`), `termCount`
   * (aliases ending there). Then the edge hash table and `terminal`, as compiled.
   */
  arrays: Record<
    'onlySymbol' | 'onlyStep' | 'onlyFar' | 'termCount' | 'edgeKey' | 'edgeChild' | 'terminal',
    string
  >;
}

type ArrayName = keyof SerializedLexicon['arrays'];
const ARRAY_TYPES = {
  onlySymbol: Uint8Array,
  onlyStep: Uint8Array,
  onlyFar: Int32Array,
  termCount: Uint8Array,
  edgeKey: Int32Array,
  edgeChild: Int32Array,
  terminal: Uint32Array,
} as const;

/** `onlyStep` for a child further than this from its parent: look in `onlyFar`. */
const FAR = 255;

const toBase64 = (a: ArrayBufferView) => {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};
/** The platform's own decoder where there is one (Chromium 140, Firefox 133): a page decodes a megabyte. */
const nativeFromBase64 = (
  Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }
).fromBase64?.bind(Uint8Array);
const fromBase64 = (s: string) => {
  if (nativeFromBase64) return nativeFromBase64(s).buffer as ArrayBuffer;
  const raw = atob(s);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes.buffer;
};

export function serializeLexicon(lex: CompiledLexicon): SerializedLexicon {
  const symbolPairs: number[] = [];
  lex.symbol.forEach((sym, code) => sym && symbolPairs.push(code, sym));
  if (lex.symbols > 0xff) throw new Error(`${lex.symbols} symbols: more than a byte holds`);
  const conditionWords: Record<string, string> = {};
  for (const { alias } of lex.aliases)
    for (const list of [alias.when?.after, alias.when?.notFollowedBy])
      for (const word of list ?? []) conditionWords[word] = foldConditionWord(word);
  const compiled = new Set(lex.aliases.map((a) => a.alias));
  const skipped: number[] = [];
  let ordinal = 0;
  for (const e of lex.entities)
    for (const a of e.aliases) {
      if (!compiled.has(a)) skipped.push(ordinal);
      ordinal++;
    }
  const nodes = lex.onlyCode.length;
  const onlySymbol = new Uint8Array(nodes);
  const onlyStep = new Uint8Array(nodes);
  const onlyFar: number[] = [];
  const termCount = new Uint8Array(nodes);
  for (let n = 0; n < nodes; n++) {
    const count = lex.termStart[n + 1]! - lex.termStart[n]!;
    if (count > 0xff) throw new Error(`${count} aliases end at one node: more than a byte holds`);
    termCount[n] = count;
    if (lex.onlyChild[n]! < 0) continue;
    onlySymbol[n] = lex.symbol[lex.onlyCode[n]!]!;
    const step = lex.onlyChild[n]! - n;
    if (step > 0 && step < FAR) onlyStep[n] = step;
    else {
      onlyStep[n] = FAR;
      onlyFar.push(lex.onlyChild[n]!);
    }
  }
  return {
    version: 2,
    skipped,
    cooccurrence: lex.cooccurrence,
    symbols: lex.symbols,
    symbolPairs,
    conditionWords,
    arrays: {
      onlySymbol: toBase64(onlySymbol),
      onlyStep: toBase64(onlyStep),
      onlyFar: toBase64(Int32Array.from(onlyFar)),
      termCount: toBase64(termCount),
      edgeKey: toBase64(lex.edgeKey),
      edgeChild: toBase64(lex.edgeChild),
      terminal: toBase64(lex.terminal),
    },
  };
}

/**
 * A compiled alias as a page decodes it: its entity made when first asked for (most of the lexicon's
 * entities are never named on a page), its condition compiled when first asked for (most aliases are
 * never a candidate), its folded form made only for whoever asks.
 */
class DecodedAlias implements CompiledAlias {
  readonly #source: EntitySource;
  readonly #entity: number;
  readonly #alias: number;
  #when: CompiledCondition | null | undefined;
  constructor(source: EntitySource, entity: number, alias: number) {
    this.#source = source;
    this.#entity = entity;
    this.#alias = alias;
  }
  get entity(): Entity {
    return this.#source.at(this.#entity);
  }
  get alias(): Alias {
    return this.#source.at(this.#entity).aliases[this.#alias]!;
  }
  get when(): CompiledCondition | null {
    if (this.#when === undefined) this.#when = compileCondition(this.alias);
    return this.#when;
  }
  get folded(): string {
    return fold(this.alias.text);
  }
}

/**
 * The compiled lexicon from its serialised form and its entities: a lexicon in memory, or an
 * `EntitySource` that makes each entity when first asked for (the shipped lexicon, slim-lexicon.ts).
 */
export function deserializeLexicon(
  s: SerializedLexicon,
  lexicon: Pick<Lexicon, 'entities'> | EntitySource,
): CompiledLexicon {
  const source = 'entities' in lexicon ? entitySource(lexicon.entities) : lexicon;
  const symbol = new Uint16Array(0x10000);
  const codeOf = new Uint16Array(s.symbols + 1);
  for (let i = 0; i < s.symbolPairs.length; i += 2) {
    symbol[s.symbolPairs[i]!] = s.symbolPairs[i + 1]!;
    codeOf[s.symbolPairs[i + 1]!] = s.symbolPairs[i]!;
  }
  const array = <N extends ArrayName>(name: N) =>
    new ARRAY_TYPES[name](fromBase64(s.arrays[name])) as InstanceType<(typeof ARRAY_TYPES)[N]>;

  const onlySymbol = array('onlySymbol');
  const onlyStep = array('onlyStep');
  const onlyFar = array('onlyFar');
  const termCount = array('termCount');
  const nodes = onlySymbol.length;
  const onlyCode = new Uint16Array(nodes);
  const onlyChild = new Int32Array(nodes).fill(-1);
  const termStart = new Uint32Array(nodes + 1);
  for (let n = 0, far = 0, terms = 0; n < nodes; n++) {
    termStart[n] = terms;
    terms += termCount[n]!;
    termStart[n + 1] = terms;
    if (!onlySymbol[n]) continue;
    onlyCode[n] = codeOf[onlySymbol[n]!]!;
    onlyChild[n] = onlyStep[n] === FAR ? onlyFar[far++]! : n + onlyStep[n]!;
  }

  primeConditionWords(s.conditionWords);
  const skipped = new Set(s.skipped);
  const aliases: CompiledAlias[] = [];
  let ordinal = 0;
  for (let i = 0; i < source.length; i++)
    for (let j = 0, n = source.aliasCount(i); j < n; j++)
      if (!skipped.has(ordinal++)) aliases.push(new DecodedAlias(source, i, j));
  return {
    get entities() {
      return source.all();
    },
    ...(source.countries ? { countries: source.countries } : {}),
    aliases,
    cooccurrence: s.cooccurrence,
    symbol,
    symbols: s.symbols,
    onlyCode,
    onlyChild,
    edgeKey: array('edgeKey'),
    edgeChild: array('edgeChild'),
    termStart,
    terminal: array('terminal'),
  };
}
