import { describe, expect, it } from 'vitest';
import type { RankedEntity, RankingSort, SortDirection } from '../model/dashboard.ts';
import { sortRanking, type RankingLabel } from './sort-ranking.ts';

const row = (
  entity: string,
  pages: number,
  sites: number,
  firstSeen: number,
  lastSeen: number,
): RankedEntity => ({
  entity,
  pages,
  sites,
  firstSeen,
  lastSeen,
});
const rows = [
  row('sdf', 3, 2, 10, 40),
  row('usa', 1, 1, 5, 50),
  row('damascus', 3, 1, 20, 30),
  row('idlib', 1, 1, 5, 20),
];
const labels: Record<string, RankingLabel> = {
  sdf: { name: 'قوات سوريا الديمقراطية', kind: 'فاعل · ميليشيا' },
  usa: { name: 'الولايات المتحدة', kind: 'فاعل · دولة' },
  damascus: { name: 'دمشق', kind: 'مكان · مدينة' },
  idlib: { name: 'إدلب', kind: 'مكان · مدينة' },
};
const sorted = (sort: RankingSort, dir: SortDirection) =>
  sortRanking(rows, sort, dir, (id) => labels[id]!, 'ar').map((r) => r.entity);

describe('sortRanking: the ranking by any of its columns', () => {
  it.each<[RankingSort, SortDirection, string[]]>([
    ['pages', 'desc', ['sdf', 'damascus', 'usa', 'idlib']],
    ['pages', 'asc', ['usa', 'idlib', 'sdf', 'damascus']],
    ['sites', 'desc', ['sdf', 'damascus', 'usa', 'idlib']],
    ['name', 'asc', ['idlib', 'usa', 'damascus', 'sdf']],
    ['name', 'desc', ['sdf', 'damascus', 'usa', 'idlib']],
    ['type', 'asc', ['usa', 'sdf', 'damascus', 'idlib']],
    ['first', 'asc', ['usa', 'idlib', 'sdf', 'damascus']],
    ['last', 'desc', ['usa', 'sdf', 'damascus', 'idlib']],
  ])('by %s, %s', (sort, dir, expected) => {
    expect(sorted(sort, dir)).toEqual(expected);
  });

  it('leaves the rows it was given as they were', () => {
    const before = rows.map((r) => r.entity);
    sorted('name', 'asc');
    expect(rows.map((r) => r.entity)).toEqual(before);
  });
});
