import type { EntityType } from '../lexicon/schema.ts';
import type { NameCandidate, SuggestedKind, SuggestedMentionRow } from '../model/suggestion.ts';
import type { RasidDB } from './schema.ts';

/** Pages a name must have been met on to be a candidate. */
export const CANDIDATE_MIN_PAGES = 2;
/** Candidates listed at most. */
const MAX_CANDIDATES = 100;

/** The value seen most often (the first of equals). */
function mostCommon<T extends string>(values: readonly T[]): T {
  const counts = new Map<T, number>();
  let best = values[0]!;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > counts.get(best)!) best = v;
  }
  return best;
}

/**
 * Names Rasid does not know that the reader keeps meeting: suggested on at least two pages, less the
 * spellings the reader dismissed and those that became known since (`isKnown`, by folded spelling),
 * ranked by pages, then sites, then recency. Pages per name are counted from the `key` index's keys
 * alone; only the rows of names over the threshold are read.
 */
export async function nameCandidates(
  db: RasidDB,
  isKnown: (key: string) => boolean = () => false,
): Promise<NameCandidate[]> {
  return db.transaction('r', [db.suggestedMentions, db.dismissedNames], async () => {
    const [keys, dismissed] = await Promise.all([
      db.suggestedMentions.orderBy('key').keys() as Promise<string[]>,
      db.dismissedNames.toCollection().primaryKeys(),
    ]);
    const pages = new Map<string, number>();
    for (const key of keys) pages.set(key, (pages.get(key) ?? 0) + 1);
    const gone = new Set(dismissed);
    const wanted = [...pages]
      .filter(([key, n]) => n >= CANDIDATE_MIN_PAGES && !gone.has(key) && !isKnown(key))
      .map(([key]) => key);
    if (!wanted.length) return [];
    const rows = await db.suggestedMentions.where('key').anyOf(wanted).toArray();
    const byKey = new Map<string, SuggestedMentionRow[]>();
    for (const row of rows) {
      const list = byKey.get(row.key);
      if (list) list.push(row);
      else byKey.set(row.key, [row]);
    }
    return [...byKey.values()]
      .map((list): NameCandidate => {
        const byTime = [...list].sort((a, b) => a.firstSeen - b.firstSeen);
        const latest = list.reduce((a, b) => (b.lastSeen > a.lastSeen ? b : a));
        return {
          key: list[0]!.key,
          text: byTime[0]!.text,
          type: mostCommon<EntityType>(list.map((r) => r.type)),
          kind: mostCommon<SuggestedKind>(list.map((r) => r.kind)),
          pages: list.length,
          sites: new Set(list.map((r) => r.site)).size,
          lastSeen: latest.lastSeen,
          sentence: latest.sentence,
        };
      })
      .sort(
        (a, b) =>
          b.pages - a.pages || b.sites - a.sites || b.lastSeen - a.lastSeen || (a.key < b.key ? -1 : 1),
      )
      .slice(0, MAX_CANDIDATES);
  });
}

/** Remembers that a spelling is not a name: it is never suggested again, on any page. */
export async function dismissName(db: RasidDB, key: string, text: string, now: number): Promise<void> {
  await db.dismissedNames.put({ key, text, created: now });
}

/** Takes back “not a name”: the spelling may be suggested again (issue 15: every global action has an undo). */
export async function undismissName(db: RasidDB, key: string): Promise<void> {
  await db.dismissedNames.delete(key);
}

/** Every spelling the reader dismissed. */
export async function dismissedNames(db: RasidDB): Promise<string[]> {
  return (await db.dismissedNames.toCollection().primaryKeys()) as string[];
}
