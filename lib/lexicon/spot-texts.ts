import type { CompiledLexicon } from './compile-lexicon.ts';
import type { Entity } from './schema.ts';
import { spotIn } from './spot.ts';

/** A name found in one of several texts: its offsets in that text, its entity, the spelling that matched. */
export interface SpottedName {
  start: number;
  end: number;
  entity: Entity;
  /** The lexicon's spelling (as the lexicon writes it, not as the text does). */
  alias: string;
}

/** One text's names, and whether the entities named elsewhere could change them (`Spotted`). */
export interface SpottedText {
  names: SpottedName[];
  contextMatters: boolean;
}

/**
 * The names of several texts of one page, read in order, one at a time as the caller asks for them
 * (the page gets a turn between two; the background reads them all at once). `context`: the entities
 * named elsewhere on the page. `accumulate`: each text is read with the entities the texts before it
 * named as well (a page's first reading); without, every text with `context` alone (a reading again
 * once the whole page's names are known).
 */
export function* spotTexts(
  texts: Iterable<string>,
  lexicon: CompiledLexicon,
  context: ReadonlySet<string>,
  accumulate: boolean,
): Generator<SpottedText, void, undefined> {
  const named = accumulate ? new Set(context) : context;
  for (const text of texts) {
    const { mentions, contextMatters } = spotIn(text, lexicon, named);
    const names = mentions.map(({ start, end, alias }) => ({
      start,
      end,
      entity: alias.entity,
      alias: alias.alias.text,
    }));
    if (accumulate) for (const { entity } of names) (named as Set<string>).add(entity.id);
    yield { names, contextMatters };
  }
}

/** What a page asks the background to spot (`lexicon/spot`): `spotTexts`'s arguments. */
export interface SpotAsked {
  texts: string[];
  context: string[];
  accumulate: boolean;
}

/**
 * `spotTexts`'s answer as a message carries it: each name `[start, end, entity, alias]`, its entity an
 * index into `entities`, which holds each entity once however often it is named (extension messages
 * are JSON in Chromium: an object named 500 times would be copied 500 times).
 */
export interface SpotAnswer {
  entities: Entity[];
  found: { names: [number, number, number, string][]; contextMatters: boolean }[];
}

/** Spots a page's texts for a message's answer (the background's `lexicon/spot`). */
export function spotAnswer(lexicon: CompiledLexicon, { texts, context, accumulate }: SpotAsked): SpotAnswer {
  const entities: Entity[] = [];
  const index = new Map<Entity, number>();
  const numbered = (entity: Entity) => {
    let i = index.get(entity);
    if (i === undefined) index.set(entity, (i = entities.push(entity) - 1));
    return i;
  };
  const found: SpotAnswer['found'] = [];
  for (const { names, contextMatters } of spotTexts(texts, lexicon, new Set(context), accumulate))
    found.push({
      names: names.map(({ start, end, entity, alias }) => [start, end, numbered(entity), alias]),
      contextMatters,
    });
  return { entities, found };
}

/** A message's answer back as `spotTexts` gave it. */
export function spottedOf({ entities, found }: SpotAnswer): SpottedText[] {
  return found.map(({ names, contextMatters }) => ({
    names: names.map(([start, end, entity, alias]) => ({ start, end, entity: entities[entity]!, alias })),
    contextMatters,
  }));
}
