// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createTranslator } from '../lib/i18n/i18n.ts';
import type { EntityHistory } from '../lib/model/mention.ts';
import { withTeamSeen } from '../lib/model/new-on-site.ts';
import type { TeamSeen } from '../lib/model/team.ts';
import { HistoryBadge, TeamBadge } from './HistoryBadge.tsx';

const own: EntityHistory = { entity: 'sdf', pages: 3, sites: 1, firstSeen: 100, newOnSite: true };
const team = (here: boolean): TeamSeen => ({
  entity: 'sdf',
  pages: 2,
  sites: 2,
  firstBy: 'Rana',
  firstSeen: 50,
  newOnSite: !here,
});
const flags = (history: EntityHistory) => {
  const root = document.createElement('div');
  document.body.append(root);
  const i18n = createTranslator('en');
  render(
    <>
      <HistoryBadge i18n={i18n} history={history} />
      <TeamBadge i18n={i18n} history={history} />
    </>,
    root,
  );
  return [...root.querySelectorAll('[data-flag]')].map((b) => b.getAttribute('data-flag'));
};
afterEach(() => document.body.replaceChildren());

describe('the panel’s badges judge “new on this site” over the reader and the team (issue #17)', () => {
  it('flags a name the reader met elsewhere only as new here, out of a team', () => {
    expect(flags(own)).toEqual(['recurring new-on-site']);
  });

  it('does not flag it when a teammate met it on this site', () => {
    expect(flags(withTeamSeen(own, team(true)))).toEqual(['recurring', 'team']);
  });

  it('flags both when nobody met it on this site', () => {
    expect(flags(withTeamSeen(own, team(false)))).toEqual(['recurring new-on-site', 'team new-on-site']);
  });

  it('does not flag the team’s badge when the reader met it on this site', () => {
    expect(flags(withTeamSeen({ ...own, sites: 2, newOnSite: false }, team(false)))).toEqual([
      'recurring',
      'team',
    ]);
  });
});
