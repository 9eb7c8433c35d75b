import Dexie from 'dexie';

/**
 * A read of the database kept while the tables it reads are unchanged: the next call answers at once,
 * until a write to any of them commits (Dexie's `storagemutated`, which it fires for every write
 * through this context's Dexie, and for other contexts' through its BroadcastChannel). Every page's
 * reading asks for the reader's and the team's names, and reading them again each time held its
 * first paint 8–38 ms (issue #16).
 *
 * `variant` tells apart reads of the same tables made another way (in a team or not): a different
 * one reads again. A read that fails is not kept. A write that commits while a read is under way
 * forgets it too, so a read that began before the write is never kept after it.
 */
export function keptRead<V, T>(
  db: Dexie,
  tables: readonly string[],
  read: (variant: V) => Promise<T>,
): (variant: V) => Promise<T> {
  const parts = tables.map((table) => `idb://${db.name}/${table}/`);
  let kept: { variant: V; value: Promise<T> } | undefined;
  Dexie.on('storagemutated', (mutated) => {
    if (kept && Object.keys(mutated).some((part) => parts.some((p) => part.startsWith(p)))) kept = undefined;
  });
  return (variant) => {
    if (kept && Object.is(kept.variant, variant)) return kept.value;
    const entry = { variant, value: read(variant) };
    kept = entry;
    entry.value.catch(() => kept === entry && (kept = undefined));
    return entry.value;
  };
}
