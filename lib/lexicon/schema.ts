/**
 * The lexicon's schema, version 1 (`entities.json`). Types for the code and `validateLexicon` for the
 * data, so a hand edit that breaks the shape fails a test instead of a reader's page.
 */

export const LEXICON_SCHEMA_VERSION = 1;

export const ACTOR_SUBTYPES = [
  'person',
  'armed-group',
  'state',
  'government',
  'ministry',
  'institution',
  'organization',
  'party',
  'company',
  'media',
] as const;

export const PLACE_SUBTYPES = [
  'country',
  'governorate',
  'city',
  'town',
  'village',
  'district',
  'region',
  'base',
  'airport',
  'oil-field',
  'road',
  'crossing',
  'camp',
  'hospital',
  'checkpoint',
  'valley',
  'mountain',
  'river',
  'desert',
  'dam',
  'facility',
] as const;

export type EntityType = 'actor' | 'place';
export type ActorSubtype = (typeof ACTOR_SUBTYPES)[number];
export type PlaceSubtype = (typeof PLACE_SUBTYPES)[number];
export type Subtype = ActorSubtype | PlaceSubtype;

/**
 * When an alias that is also an ordinary word names the entity. The alias counts when ANY positive
 * condition holds (`quoted`, `after`, `cooccurs`) — or when there is none — and the negative one
 * (`notFollowedBy`) does not. Words are compared folded, clitics stripped. See lib/lexicon/README.md.
 */
export interface AliasCondition {
  /** Stands inside quotation marks or brackets: «الدولة» "الدولة" (الدولة). */
  quoted?: boolean;
  /** Directly preceded by one of these words: تنظيم الدولة. */
  after?: string[];
  /**
   * One of these entities is also named in the same text — by any of its aliases, a conditional one
   * included (عناصر "الدولة" … التنظيم: the first grounds the second). May name the alias's own entity.
   */
  cooccurs?: string[];
  /** Not directly followed by one of these words: النظام الصحي. */
  notFollowedBy?: string[];
  /**
   * The text is about one of these countries (ISO 3166-1 alpha-2, lower case): of the entities it
   * names that belong to a country (`Entity.country`), that country's are the most, ties included.
   * Unlike the others, this condition is required: «النظام» names the Syrian regime only in a text
   * about Syria, whatever else holds (issue #13: in an article about Iran it is not Syria's).
   */
  about?: string[];
}

export interface Alias {
  /** As written, without attached clitics (الحسكة, not بالحسكة). */
  text: string;
  /** Seed file stem where this spelling occurs. */
  seed?: string;
  /** 'en' for Latin-script aliases; Arabic otherwise. */
  lang?: 'ar' | 'en';
  when?: AliasCondition;
  /** Why the alias is conditional, with an ordinary sentence where it is not the entity. */
  ambiguity?: string;
}

/** Where an entity comes from: a seed document, curation, or (never in `entities.json`) the reader. */
export type Provenance =
  | { source: 'seed'; seed: string; quote: string }
  | { source: 'curated'; note?: string }
  | { source: 'reader' }
  /** A teammate's entity (issue #17), with the display name of the member who added it. */
  | { source: 'team'; by: string };

export interface Entity {
  /** Stable kebab-case id: never reused for another entity. */
  id: string;
  type: EntityType;
  subtype: Subtype;
  /** Canonical Arabic name. */
  ar: string;
  en: string;
  aliases: Alias[];
  /**
   * The country the entity belongs to (ISO 3166-1 alpha-2, lower case): a country itself, its towns,
   * its government, forces and people. What a text is `about` is worked out from these.
   */
  country?: string;
  note?: string;
  provenance: Provenance;
}

export interface Lexicon {
  schemaVersion: typeof LEXICON_SCHEMA_VERSION;
  entities: Entity[];
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isCountryCode = (v: unknown): v is string => typeof v === 'string' && /^[a-z]{2}$/u.test(v);

/** Every way `data` breaks the schema, as readable messages; empty when it is a valid lexicon. */
export function validateLexicon(data: unknown): string[] {
  const errors: string[] = [];
  if (typeof data !== 'object' || data === null) return ['the lexicon is not an object'];
  const { schemaVersion, entities } = data as Partial<Lexicon>;
  if (schemaVersion !== LEXICON_SCHEMA_VERSION)
    errors.push(`schemaVersion is ${String(schemaVersion)}, expected ${LEXICON_SCHEMA_VERSION}`);
  if (!Array.isArray(entities)) return [...errors, 'entities is not an array'];

  const ids = new Set<string>();
  entities.forEach((e: Partial<Entity>, i) => {
    const at = `entities[${i}]${isString(e?.id) ? ` (${e.id})` : ''}`;
    if (!isString(e?.id) || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(e.id))
      errors.push(`${at}: id must be kebab-case`);
    else if (ids.has(e.id)) errors.push(`${at}: duplicate id`);
    else ids.add(e.id);
    if (e.type !== 'actor' && e.type !== 'place') errors.push(`${at}: type must be actor or place`);
    const subtypes: readonly string[] = e.type === 'place' ? PLACE_SUBTYPES : ACTOR_SUBTYPES;
    if (!subtypes.includes(e.subtype as string))
      errors.push(`${at}: subtype ${String(e.subtype)} is not a ${e.type} subtype`);
    if (!isString(e.ar)) errors.push(`${at}: ar is required`);
    if (!isString(e.en)) errors.push(`${at}: en is required`);
    if (e.country !== undefined && !isCountryCode(e.country))
      errors.push(`${at}: country must be an ISO 3166-1 alpha-2 code in lower case`);
    if (!Array.isArray(e.aliases) || e.aliases.length === 0)
      errors.push(`${at}: aliases must be a non-empty array`);
    e.aliases?.forEach((a: Partial<Alias>, j) => {
      const aat = `${at}.aliases[${j}]`;
      if (!isString(a?.text)) return void errors.push(`${aat}: text is required`);
      if (a.lang !== undefined && a.lang !== 'ar' && a.lang !== 'en')
        errors.push(`${aat}: lang must be ar or en`);
      if (a.seed !== undefined && !isString(a.seed)) errors.push(`${aat}: seed must be a file stem`);
      if (a.when !== undefined) {
        const w = a.when;
        if (typeof w !== 'object' || w === null) errors.push(`${aat}: when must be an object`);
        else {
          for (const key of Object.keys(w))
            if (!['quoted', 'after', 'cooccurs', 'notFollowedBy', 'about'].includes(key))
              errors.push(`${aat}: unknown condition ${key}`);
          if (w.quoted !== undefined && typeof w.quoted !== 'boolean')
            errors.push(`${aat}: quoted must be boolean`);
          for (const key of ['after', 'cooccurs', 'notFollowedBy'] as const)
            if (w[key] !== undefined && !isStringArray(w[key]))
              errors.push(`${aat}: ${key} must be a list of words`);
          if (w.about !== undefined && !(isStringArray(w.about) && w.about.every(isCountryCode)))
            errors.push(`${aat}: about must be a list of country codes (ISO 3166-1 alpha-2, lower case)`);
        }
        if (!isString(a.ambiguity)) errors.push(`${aat}: a conditional alias needs an ambiguity explanation`);
      }
    });
    const p = e.provenance as Partial<Provenance> | undefined;
    if (p?.source === 'seed') {
      if (!isString((p as { seed?: unknown }).seed) || !isString((p as { quote?: unknown }).quote))
        errors.push(`${at}: seed provenance needs seed and quote`);
    } else if (p?.source !== 'curated') errors.push(`${at}: provenance.source must be seed or curated`);
  });

  // Conditions may only name entities that exist.
  for (const e of entities as Entity[])
    for (const a of e.aliases ?? [])
      for (const id of a.when?.cooccurs ?? [])
        if (!ids.has(id)) errors.push(`${e.id}: alias ${a.text} names unknown entity ${id} in cooccurs`);
  return errors;
}
