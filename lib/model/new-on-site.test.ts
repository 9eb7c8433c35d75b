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

  it('marks both badges with the combined verdict', () => {
    const combined = withTeamSeen(own(3, false), team(true));
    expect(combined.newOnSite).toBe(false);
    expect(combined.team?.newOnSite).toBe(false);
    const fresh = withTeamSeen(own(3, false), team(false));
    expect([fresh.newOnSite, fresh.team?.newOnSite]).toEqual([true, true]);
  });

  it('keeps the reader’s own badge quiet when only the team met the name', () => {
    const combined = withTeamSeen(own(0, false), team(false));
    expect(combined.newOnSite).toBe(false);
    expect(combined.team?.newOnSite).toBe(true);
  });

  it('leaves the reader’s history as it is out of a team', () => {
    const mine = own(3, false);
    expect(withTeamSeen(mine, undefined)).toBe(mine);
  });
});
