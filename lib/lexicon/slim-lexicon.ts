import type { Alias, AliasCondition, Entity, Lexicon } from './schema.ts';

/**
 * The bundled lexicon as the extension ships it (issue #13: several thousand entities, decoded on
 * every page): what the matcher, the cards and the panel read — ids, names, types, countries, every
 * alias with its condition, in the same order, so the build-time compiled trie still points at them
 * — and none of the documentation: provenance notes, seed quotes, ambiguity notes. The full file
 * stays the source, validated and tested. See scripts/precompiled-lexicon-plugin.ts.
 */
export function slimLexicon(lexicon: Lexicon): Lexicon {
  return {
    schemaVersion: lexicon.schemaVersion,
    entities: lexicon.entities.map((e): Entity => {
      // A seed entity keeps its seed provenance (its type asks for it), without the quote.
      const provenance: Entity['provenance'] =
        e.provenance.source === 'seed'
          ? { source: 'seed', seed: e.provenance.seed, quote: '' }
          : e.provenance.source === 'curated'
            ? { source: 'curated' }
            : e.provenance;
      return {
        id: e.id,
        type: e.type,
        subtype: e.subtype,
        ar: e.ar,
        en: e.en,
        ...(e.country ? { country: e.country } : {}),
        aliases: e.aliases.map((a): Alias => ({
          text: a.text,
          ...(a.lang ? { lang: a.lang } : {}),
          ...(a.when ? { when: a.when, ambiguity: '' } : {}),
        })),
        provenance,
      };
    }),
  };
}

/**
 * An alias, packed: `0` is the entity's Arabic name and `1` its English one (a Latin-script alias),
 * a string any other plain Arabic alias, `[text]` another Latin-script one, `[text, condition]` a
 * conditional Arabic alias and `[text, condition, 'en']` a conditional Latin-script one, where
 * `condition` indexes `PackedLexicon.when`.
 */
type PackedAlias = 0 | 1 | string | [string] | [string, number] | [string, number, 'en'];
/** An entity, packed: positions instead of keys; the seed's file stem, or 0 for curated. */
type PackedEntity = [
  id: string,
  type: Entity['type'],
  subtype: Entity['subtype'],
  ar: string,
  en: string,
  country: string,
  aliases: PackedAlias[],
  seed: string | 0,
];

/** The slim lexicon in a few bytes per alias (the content script parses it on every Arabic page). */
export interface PackedLexicon {
  schemaVersion: Lexicon['schemaVersion'];
  entities: PackedEntity[];
  /** Each distinct condition once: hundreds of aliases share a few lists of words. */
  when: AliasCondition[];
}

export function packLexicon(lexicon: Lexicon): PackedLexicon {
  const index = new Map<string, number>();
  const when: AliasCondition[] = [];
  const conditionOf = (w: AliasCondition) => {
    const key = JSON.stringify(w);
    let i = index.get(key);
    if (i === undefined) index.set(key, (i = when.push(w) - 1));
    return i;
  };
  const entities = slimLexicon(lexicon).entities.map((e): PackedEntity => {
    if (e.provenance.source === 'reader') throw new Error(`${e.id}: a reader's entity is not bundled`);
    const aliases = e.aliases.map((a): PackedAlias => {
      const en = a.lang === 'en';
      if (a.when) return en ? [a.text, conditionOf(a.when), 'en'] : [a.text, conditionOf(a.when)];
      if (a.lang === 'ar') throw new Error(`${e.id}: write Arabic aliases without lang`);
      if (en) return a.text === e.en ? 1 : [a.text];
      return a.text === e.ar ? 0 : a.text;
    });
    const seed = e.provenance.source === 'seed' ? e.provenance.seed : 0;
    return [e.id, e.type, e.subtype, e.ar, e.en, e.country ?? '', aliases, seed];
  });
  return { schemaVersion: lexicon.schemaVersion, entities, when };
}

/**
 * The entities of a lexicon as a decoder reads them: by position, made when first asked for. A page
 * names a few dozen of the bundled lexicon's thousands of entities; the rest are never made.
 */
export interface EntitySource {
  readonly length: number;
  /** Entity `i` (the same object every time). */
  at(i: number): Entity;
  /** How many aliases entity `i` has. */
  aliasCount(i: number): number;
  /** Every entity, in order (each made once). */
  all(): readonly Entity[];
  /**
   * Entity id → its country, for every entity that has one, without making them (else `countriesOf`
   * reads every entity).
   */
  countries?(): ReadonlyMap<string, string>;
}

/** Entities already made (a lexicon in memory, the reader's merged one) as a source. */
export function entitySource(entities: readonly Entity[]): EntitySource {
  return {
    length: entities.length,
    at: (i) => entities[i]!,
    aliasCount: (i) => entities[i]!.aliases.length,
    all: () => entities,
  };
}

/** Entity `p` of a packed lexicon, unpacked. Plain loops and indexed reads: this runs on cold pages. */
function unpackEntity(p: PackedEntity, when: readonly AliasCondition[]): Entity {
  const ar = p[3];
  const en = p[4];
  const packedAliases = p[6];
  const aliases: Alias[] = new Array(packedAliases.length);
  for (let j = 0; j < aliases.length; j++) {
    const a = packedAliases[j]!;
    aliases[j] =
      a === 0
        ? { text: ar }
        : a === 1
          ? { text: en, lang: 'en' }
          : typeof a === 'string'
            ? { text: a }
            : a.length === 1
              ? { text: a[0], lang: 'en' }
              : a.length === 3
                ? { text: a[0], lang: 'en', when: when[a[1]]!, ambiguity: '' }
                : { text: a[0], when: when[a[1]]!, ambiguity: '' };
  }
  const seed = p[7];
  const provenance: Entity['provenance'] = seed ? { source: 'seed', seed, quote: '' } : { source: 'curated' };
  return p[5]
    ? { id: p[0], type: p[1], subtype: p[2], ar, en, country: p[5], aliases, provenance }
    : { id: p[0], type: p[1], subtype: p[2], ar, en, aliases, provenance };
}

/** A packed lexicon's entities, unpacked one by one when first asked for (aliases with one condition share it). */
export function packedEntitySource(packed: PackedLexicon): EntitySource {
  const { when } = packed;
  const made: (Entity | undefined)[] = new Array(packed.entities.length);
  let all: Entity[] | undefined;
  let countries: Map<string, string> | undefined;
  const at = (i: number) => (made[i] ??= unpackEntity(packed.entities[i]!, when));
  return {
    length: made.length,
    at,
    aliasCount: (i) => packed.entities[i]![6].length,
    all() {
      if (!all) {
        all = new Array(made.length);
        for (let i = 0; i < made.length; i++) all[i] = at(i);
      }
      return all;
    },
    countries() {
      if (!countries) {
        countries = new Map();
        for (const p of packed.entities) if (p[5]) countries.set(p[0], p[5]);
      }
      return countries;
    },
  };
}

/** The slim lexicon back from `packLexicon`: aliases with one condition share one object. */
export function unpackLexicon(packed: PackedLexicon): Lexicon {
  return { schemaVersion: packed.schemaVersion, entities: [...packedEntitySource(packed).all()] };
}
