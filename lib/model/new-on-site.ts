import type { EntityHistory } from './mention.ts';
import type { TeamSeen } from './team.ts';

/**
 * "New on this site", judged over the reader's reading and their team's (issue #17): a name is new on
 * this site when someone — the reader or a teammate — has met it before on another page, and neither
 * the reader nor any teammate has met it on this site. A name nobody has met before is not "new here"
 * (on a first read every name would be).
 *
 * `own` is the reader's history seen from this page (`entityHistory`: other pages, and `newOnSite`
 * when none of them is on this site); `team` what the teammates saw (`teamSeen`: `newOnSite` when
 * none of their pages is on this site), absent when no teammate met it or the reader is in no team.
 */
export function newOnSite(
  own: Pick<EntityHistory, 'pages' | 'newOnSite'>,
  team?: Pick<TeamSeen, 'newOnSite'>,
): boolean {
  const ownSeenHere = own.pages > 0 && !own.newOnSite;
  const teamSeenHere = team !== undefined && !team.newOnSite;
  const seenBefore = own.pages > 0 || team !== undefined;
  return seenBefore && !ownSeenHere && !teamSeenHere;
}

/**
 * The reader's history of an entity with what the team saw of it, the team's "new on this site" judged
 * over both. The reader's own `newOnSite` stays theirs (it says which of their sites is this one); their
 * badge asks `newOnSite(history, history.team)`.
 */
export function withTeamSeen(own: EntityHistory, team: TeamSeen | undefined): EntityHistory {
  if (!team) return own;
  return { ...own, team: { ...team, newOnSite: newOnSite(own, team) } };
}
