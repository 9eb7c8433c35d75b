import type { RankedEntity, RankingSort, SortDirection } from '../model/dashboard.ts';

/** What the name and type columns sort by, for one entity: its name as shown and its kind. */
export interface RankingLabel {
  name: string;
  /** The type and subtype as shown (`Actor · militia`); empty for an entity Rasid no longer knows. */
  kind: string;
}

/** The ranking's own order: most pages, then most sites, then the most recently seen. */
export function byRank(a: RankedEntity, b: RankedEntity): number {
  return b.pages - a.pages || b.sites - a.sites || b.lastSeen - a.lastSeen || (a.entity < b.entity ? -1 : 1);
}

/**
 * The ranking sorted by one of its columns (issue 14), ties in the ranking's own order whichever the
 * direction. Names compare as the reader's language collates them (Arabic letters in Arabic order).
 */
export function sortRanking(
  rows: readonly RankedEntity[],
  sort: RankingSort,
  dir: SortDirection,
  label: (entity: string) => RankingLabel,
  locale: string,
): RankedEntity[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const labels = new Map(rows.map((r) => [r.entity, label(r.entity)]));
  const column = (a: RankedEntity, b: RankedEntity): number => {
    const la = labels.get(a.entity)!;
    const lb = labels.get(b.entity)!;
    switch (sort) {
      case 'name':
        return collator.compare(la.name, lb.name);
      case 'type':
        return collator.compare(la.kind, lb.kind);
      case 'pages':
        return a.pages - b.pages;
      case 'sites':
        return a.sites - b.sites;
      case 'first':
        return a.firstSeen - b.firstSeen;
      case 'last':
        return a.lastSeen - b.lastSeen;
    }
  };
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * column(a, b) || byRank(a, b));
}
