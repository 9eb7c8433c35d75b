import { fold } from '../arabic/normalize.ts';
import type { ReaderEntityRow, ReaderLexicon } from '../model/reader-entity.ts';
import type { Entity, Subtype } from '../lexicon/schema.ts';

/** The subtype a reader's entity has when they chose none: the broadest of its type. */
export const GENERAL_SUBTYPE = { actor: 'organization', place: 'region' } as const satisfies Record<
  Entity['type'],
  Subtype
>;

/** A reader's entity as the matcher sees it: its name and spellings are aliases like any other. */
export function readerEntity(row: ReaderEntityRow): Entity {
  const names = [...new Set([row.name, ...(row.aliases ?? [])].map((n) => n.trim()).filter(Boolean))];
  return {
    id: row.id,
    type: row.type,
    subtype: row.subtype ?? GENERAL_SUBTYPE[row.type],
    ar: row.name,
    en: row.en || row.name,
    aliases: names.map((text) => ({ text })),
    provenance: { source: 'reader' },
  };
}

/**
 * The bundled entities with the reader's lexicon merged over them (issue #7): the reader's own
 * entities added, their added spellings appended, the spellings they switched off removed (compared
 * folded, as the matcher compares). An `add` that names no known entity is ignored, not an error: its
 * entity may have been deleted since.
 */
export function mergeLexicon(bundled: readonly Entity[], reader: ReaderLexicon): Entity[] {
  // The team's names (issue #17) come after the reader's own, which the background has let win already.
  const teamEntities = reader.team?.entities ?? [];
  const allAliases = reader.team?.aliases.length
    ? [...reader.aliases, ...reader.team.aliases]
    : reader.aliases;
  if (!reader.entities.length && !allAliases.length && !teamEntities.length) return [...bundled];
  const added = new Map<string, string[]>();
  const off = new Map<string, Set<string>>();
  for (const a of allAliases) {
    if (a.action === 'add') added.set(a.entity, [...(added.get(a.entity) ?? []), a.text]);
    else off.set(a.entity, (off.get(a.entity) ?? new Set()).add(fold(a.text)));
  }
  const team = teamEntities.map(({ teamBy, ...row }): Entity => ({
    ...readerEntity(row),
    provenance: { source: 'team', by: teamBy },
  }));
  return [...bundled, ...reader.entities.map(readerEntity), ...team].map((entity) => {
    const more = added.get(entity.id) ?? [];
    const gone = off.get(entity.id);
    if (!more.length && !gone) return entity;
    const have = new Set(entity.aliases.map((a) => fold(a.text)));
    const aliases = [
      ...entity.aliases,
      ...more.filter((text) => !have.has(fold(text)) && have.add(fold(text))).map((text) => ({ text })),
    ].filter((a) => !gone?.has(fold(a.text)));
    return { ...entity, aliases };
  });
}
