import { describe, expect, it } from 'vitest';
import { newOnSite, withTeamSeen } from './new-on-site.ts';
import type { EntityHistory } from './mention.ts';
import type { TeamSeen } from './team.ts';

const own = (pages: number, here: boolean): EntityHistory => ({
  entity: 'sdf',
  pages,
  sites: pages ? 1 : 0,
  firstSeen: pages ? 100 : null,
  newOnSite: pages > 0 && !here,
});
const team = (here: boolean): TeamSeen => ({
  entity: 'sdf',
  pages: 2,
  sites: 2,
  firstBy: 'Rana',
  firstSeen: 50,
  newOnSite: !here,
});

describe('new on this site, over the reader and the team', () => {
  // Each row: the reader's history (pages elsewhere, one of them on this site?), the team's, and the verdict.
  const table: [string, EntityHistory, TeamSeen | undefined, boolean][] = [
    ['nobody met it before: not new here (a first read)', own(0, false), undefined, false],
    ['the reader met it elsewhere only, no team: new here', own(3, false), undefined, true],
    ['the reader met it on this site: not new', own(3, true), undefined, false],
    ['only a teammate met it, elsewhere: new here', own(0, false), team(false), true],
    ['only a teammate met it, on this site: not new', own(0, false), team(true), false],
    ['the reader elsewhere, a teammate on this site: not new', own(3, false), team(true), false],
    ['a teammate elsewhere, the reader on this site: not new', own(3, true), team(false), false],
    ['both elsewhere only: new here', own(3, false), team(false), true],
  ];
  it.each(table)('%s', (_, mine, theirs, expected) => {
    expect(newOnSite(mine, theirs)).toBe(expected);
  });

  it('gives the team’s badge the combined verdict, and leaves the reader’s own history as it is', () => {
    const combined = withTeamSeen(own(3, false), team(true));
    expect(combined.team?.newOnSite).toBe(false);
    // Still theirs: none of the reader's own pages is on this site (their sites count says so).
    expect(combined.newOnSite).toBe(true);
    // …and their badge asks the rule with the team's reading: not new here.
    expect(newOnSite(combined, combined.team)).toBe(false);
    expect(withTeamSeen(own(3, false), team(false)).team?.newOnSite).toBe(true);
    expect(withTeamSeen(own(0, false), team(false)).team?.newOnSite).toBe(true);
  });

  it('leaves the reader’s history as it is out of a team', () => {
    const mine = own(3, false);
    expect(withTeamSeen(mine, undefined)).toBe(mine);
  });
});
