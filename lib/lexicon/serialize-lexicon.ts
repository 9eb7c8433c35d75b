import { compileCondition, type CompiledLexicon } from './compile-lexicon.ts';
import type { Lexicon } from './schema.ts';

/**
 * A compiled lexicon as plain JSON, made at build time (see `wxt.config.ts`) so that no page ever
 * compiles the lexicon: the content script only decodes these arrays. Aliases are pointers into the
 * lexicon itself, which ships beside it.
 */
export interface SerializedLexicon {
  version: 1;
  /** [entity index, alias index] per compiled alias. */
  aliases: [number, number][];
  folded: string[];
  cooccurrence: boolean;
  symbols: number;
  /** (code, symbol) pairs: the symbol table is 64 K entries, almost all zero. */
  symbolPairs: number[];
  arrays: Record<'onlyCode' | 'onlyChild' | 'edgeKey' | 'edgeChild' | 'termStart' | 'terminal', string>;
}

type ArrayName = keyof SerializedLexicon['arrays'];
const ARRAY_TYPES = {
  onlyCode: Uint16Array,
  onlyChild: Int32Array,
  edgeKey: Int32Array,
  edgeChild: Int32Array,
  termStart: Uint32Array,
  terminal: Uint32Array,
} as const;

const toBase64 = (a: ArrayBufferView) => {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};
const fromBase64 = (s: string) => {
  const raw = atob(s);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes.buffer;
};

export function serializeLexicon(lex: CompiledLexicon): SerializedLexicon {
  const entityIndex = new Map(lex.entities.map((e, i) => [e, i]));
  const symbolPairs: number[] = [];
  lex.symbol.forEach((sym, code) => sym && symbolPairs.push(code, sym));
  const arrays = Object.fromEntries(
    (Object.keys(ARRAY_TYPES) as ArrayName[]).map((name) => [name, toBase64(lex[name])]),
  ) as SerializedLexicon['arrays'];
  return {
    version: 1,
    aliases: lex.aliases.map((a) => [entityIndex.get(a.entity)!, a.entity.aliases.indexOf(a.alias)]),
    folded: lex.aliases.map((a) => a.folded),
    cooccurrence: lex.cooccurrence,
    symbols: lex.symbols,
    symbolPairs,
    arrays,
  };
}

export function deserializeLexicon(
  s: SerializedLexicon,
  lexicon: Pick<Lexicon, 'entities'>,
): CompiledLexicon {
  const symbol = new Uint16Array(0x10000);
  for (let i = 0; i < s.symbolPairs.length; i += 2) symbol[s.symbolPairs[i]!] = s.symbolPairs[i + 1]!;
  const array = <N extends ArrayName>(name: N) =>
    new ARRAY_TYPES[name](fromBase64(s.arrays[name])) as InstanceType<(typeof ARRAY_TYPES)[N]>;
  return {
    entities: lexicon.entities,
    aliases: s.aliases.map(([e, a], i) => {
      const entity = lexicon.entities[e]!;
      const alias = entity.aliases[a]!;
      return { entity, alias, folded: s.folded[i]!, when: compileCondition(alias) };
    }),
    cooccurrence: s.cooccurrence,
    symbol,
    symbols: s.symbols,
    onlyCode: array('onlyCode'),
    onlyChild: array('onlyChild'),
    edgeKey: array('edgeKey'),
    edgeChild: array('edgeChild'),
    termStart: array('termStart'),
    terminal: array('terminal'),
  };
}
