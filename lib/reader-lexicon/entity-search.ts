import { fold } from '../arabic/normalize.ts';
import type { Entity } from '../lexicon/schema.ts';

/** How well a name answers a query: the same name, a name that starts with it, one of its words that does, or anywhere. */
const EXACT = 0;
const PREFIX = 1;
const WORD_PREFIX = 2;
const INSIDE = 3;

function rank(name: string, query: string): number | null {
  if (name === query) return EXACT;
  if (name.startsWith(query)) return PREFIX;
  const at = name.indexOf(query);
  if (at < 0) return null;
  return name[at - 1] === ' ' ? WORD_PREFIX : INSIDE;
}

/**
 * A search over a lexicon's entities by every name they answer to — the Arabic and English names and
 * every spelling — folded as the matcher folds (`fold`: hamza and alef forms, ة/ه, ى/ي, diacritics,
 * tatweel, Latin case), so that «روسيا», «روسيه» and “russia” all find Russia (issue 15 §3). The
 * names are folded once, when the search is made; each query folds only itself.
 */
export function entitySearch(entities: readonly Entity[]): (query: string, limit?: number) => Entity[] {
  const folded = entities.map((entity) => ({
    entity,
    names: [...new Set([entity.ar, entity.en, ...entity.aliases.map((a) => a.text)].map(fold))].filter(
      Boolean,
    ),
  }));
  return (query, limit = 8) => {
    const q = fold(query);
    if (!q) return [];
    const hits: { entity: Entity; score: number; order: number }[] = [];
    folded.forEach(({ entity, names }, order) => {
      let best: number | null = null;
      for (const name of names) {
        const r = rank(name, q);
        if (r !== null && (best === null || r < best)) best = r;
      }
      if (best !== null) hits.push({ entity, score: best, order });
    });
    // Best match first; among equals, the shorter canonical name (the state before «روسيا اليوم»),
    // then the lexicon's own order.
    hits.sort((a, b) => a.score - b.score || a.entity.ar.length - b.entity.ar.length || a.order - b.order);
    return hits.slice(0, limit).map((h) => h.entity);
  };
}
