import type { CompiledLexicon } from './compile-lexicon.ts';
import type { Entity } from './schema.ts';
import { findNames } from './spot.ts';

/** A name found in one of several texts: its offsets in that text, its entity, the spelling that matched. */
export interface SpottedName {
  start: number;
  end: number;
  entity: Entity;
  /** The lexicon's spelling (as the lexicon writes it, not as the text does). */
  alias: string;
}

/** One text's names, and whether the entities named elsewhere could change them (`FoundNames.contextMatters`). */
export interface SpottedText {
  names: SpottedName[];
  contextMatters: boolean;
}

/** One text's names with `context` named elsewhere. */
function spotText(text: string, lexicon: CompiledLexicon, context: ReadonlySet<string>): SpottedText {
  const found = findNames(text, lexicon, context);
  const names: SpottedName[] = new Array(found.count);
  for (let i = 0; i < found.count; i++) {
    const { entity, alias } = lexicon.aliases[found.alias[i]!]!;
    names[i] = { start: found.start[i]!, end: found.end[i]!, entity, alias: alias.text };
  }
  return { names, contextMatters: found.contextMatters };
}

/**
 * How a page's texts are read (`context`: the entities named elsewhere on the page):
 * - `page`: as a page is read (`spotPage`), the texts being all of it;
 * - `in-order`: each with the entities the texts before it named as well (a first reading of part of
 *   a page);
 * - `apart`: each with `context` alone (a reading again once the whole page's names are known).
 */
export type SpotReading = 'page' | 'in-order' | 'apart';

/**
 * A page's texts read as a page is: in order, each with the entities named before it; then those whose
 * names rested on what was named (`contextMatters`) again, with every entity the page named, if more
 * were named after them (a `cooccurs` name early in a page may rest on an entity named later). Yields
 * each text's names as it is read, one at a time as the caller asks (the page gets a turn between
 * two): a text read again comes a second time, with its final names.
 */
export function* spotPage(
  texts: readonly string[],
  lexicon: CompiledLexicon,
  context: ReadonlySet<string>,
): Generator<[number, SpottedText], void, undefined> {
  const first = new FirstReading(context);
  for (const [i, text] of texts.entries()) {
    const spotted = spotText(text, lexicon, first.named);
    first.read(i, spotted);
    yield [i, spotted];
  }
  for (const i of first.again()) yield [i, spotText(texts[i]!, lexicon, first.named)];
}

/**
 * A page's first reading in order, text by text (`spotPage`; across messages, `remoteSpotter`): what
 * it has named, and once it is done, the texts to read again with all of it.
 */
export class FirstReading {
  /** The entities named so far, `context` included: what the next text is read with. */
  readonly named: Set<string>;
  /** The texts whose names rested on what was named, and how many entities were named once each was read. */
  readonly #looked: { index: number; namedAfter: number }[] = [];

  constructor(context: ReadonlySet<string>) {
    this.named = new Set(context);
  }

  /** Text `index` was read, with `named` as it was: its entities are named now. */
  read(index: number, { names, contextMatters }: SpottedText): void {
    for (const { entity } of names) this.named.add(entity.id);
    if (contextMatters) this.#looked.push({ index, namedAfter: this.named.size });
  }

  /** The texts whose names rested on what was named, with more named after them: to read again. */
  again(): number[] {
    return this.#looked.filter((t) => t.namedAfter < this.named.size).map((t) => t.index);
  }
}

/** Texts read `in-order` or `apart` (see `SpotReading`), one at a time as the caller asks. */
export function* spotTexts(
  texts: Iterable<string>,
  lexicon: CompiledLexicon,
  context: ReadonlySet<string>,
  reading: Exclude<SpotReading, 'page'>,
): Generator<SpottedText, void, undefined> {
  const named = new Set(context);
  for (const text of texts) {
    const spotted = spotText(text, lexicon, named);
    if (reading === 'in-order') for (const { entity } of spotted.names) named.add(entity.id);
    yield spotted;
  }
}

/** What a page asks the background to spot (`lexicon/spot`). */
export interface SpotAsked {
  texts: string[];
  context: string[];
  reading: SpotReading;
}

/**
 * `spotTexts`'s answer as a message carries it: each text's names as four numbers a name — start, end,
 * its entity's index in `entities`, its spelling's in `aliases` — where each entity and spelling is
 * held once however often it is named (an object named 500 times would be copied 500 times). Sent as
 * its JSON text (`SpotAnswerJson`).
 */
export interface SpotAnswer {
  entities: Entity[];
  aliases: string[];
  found: { names: number[]; contextMatters: boolean }[];
}

/** A `SpotAnswer` as JSON: the background's answer to `lexicon/spot` (lib/messages/protocol.ts). */
export type SpotAnswerJson = string;

/** Spots a page's texts for a message's answer (the background's `lexicon/spot`): each text's final names. */
export function spotAnswer(lexicon: CompiledLexicon, { texts, context, reading }: SpotAsked): SpotAnswer {
  const entities: Entity[] = [];
  const aliases: string[] = [];
  const entityIndex = new Map<Entity, number>();
  const aliasIndex = new Map<string, number>();
  const spotted: SpottedText[] = [];
  if (reading === 'page')
    for (const [i, text] of spotPage(texts, lexicon, new Set(context))) spotted[i] = text;
  else spotted.push(...spotTexts(texts, lexicon, new Set(context), reading));
  // Numbered in the order the texts are: the entities of a page in the order it names them.
  const found = spotted.map(({ names: spottedNames, contextMatters }) => {
    const names: number[] = new Array(spottedNames.length * 4);
    for (const [k, { start, end, entity, alias }] of spottedNames.entries()) {
      let e = entityIndex.get(entity);
      if (e === undefined) entityIndex.set(entity, (e = entities.push(entity) - 1));
      let a = aliasIndex.get(alias);
      if (a === undefined) aliasIndex.set(alias, (a = aliases.push(alias) - 1));
      names[k * 4] = start;
      names[k * 4 + 1] = end;
      names[k * 4 + 2] = e;
      names[k * 4 + 3] = a;
    }
    return { names, contextMatters };
  });
  return { entities, aliases, found };
}

/** A message's answer (its JSON text, as `lexicon/spot` answers) back as `spotTexts` gave it. */
export function spottedOf(answer: SpotAnswerJson): SpottedText[] {
  const { entities, aliases, found } = JSON.parse(answer) as SpotAnswer;
  return found.map(({ names: flat, contextMatters }) => {
    const names: SpottedName[] = new Array(flat.length / 4);
    for (let k = 0; k < names.length; k++)
      names[k] = {
        start: flat[k * 4]!,
        end: flat[k * 4 + 1]!,
        entity: entities[flat[k * 4 + 2]!]!,
        alias: aliases[flat[k * 4 + 3]!]!,
      };
    return { names, contextMatters };
  });
}
