import type { Translator } from '../lib/i18n/i18n.ts';
import type { EntityHistory } from '../lib/model/mention.ts';
import { DESIGN_CSS } from '../lib/design/tokens.ts';
import { teamSentence } from './HistoryBadge.tsx';

/**
 * The team's line in a name's card (issue #17), drawn in the card's extension frame
 * (`entrypoints/card-team`): what the reader's teammates saw of the entity — "seen by your team on 7
 * pages of 4 sites, first by Rana on 3 March", flagged when it is new on this site for the reader and
 * the team — or that no teammate has seen it yet.
 */
export function TeamLine({ i18n, history }: { i18n: Translator; history: EntityHistory | undefined }) {
  const { t, dir, lang } = i18n;
  const team = history?.team;
  return (
    <p
      class={`team-line${team?.newOnSite ? ' team-line--new-here' : ''}`}
      dir={dir}
      lang={lang}
      data-testid="team-line"
      data-flag={team ? (team.newOnSite ? 'team new-on-site' : 'team') : 'none'}
    >
      <span class="badge" aria-hidden="true">
        {t('badgeTeam')}
      </span>{' '}
      {team ? teamSentence(i18n, team) : t('teamNotSeen')}
    </p>
  );
}

/** The frame's styles: the card's scale and palette, no margin, the page's background behind it. */
export const TEAM_LINE_CSS = `
${DESIGN_CSS}
html, body { margin: 0; padding: 0; background: transparent; overflow-y: auto; }
.team-line { margin: 0; font-family: var(--rasid-font-latin); font-size: var(--rasid-size-small);
  line-height: var(--rasid-line-ui); color: var(--rasid-muted); }
.team-line:lang(ar) { font-family: var(--rasid-font-ar); }
.badge { display: inline-block; padding: 0 0.4rem; border-radius: 999px; font-weight: bold;
  color: var(--rasid-text); background: var(--rasid-surface); border: 1px solid var(--rasid-line); }
.team-line--new-here .badge { color: var(--rasid-badge-new-fg); background: var(--rasid-badge-new-bg); }
`;
