import type { EntityHistory } from '../lib/model/mention.ts';
import type { Translator } from '../lib/i18n/i18n.ts';
import { newOnSite } from '../lib/model/new-on-site.ts';

/** Whether an entity was seen on a site other than this page's (for the panel's overview line). */
export function seenOnOtherSites(history: EntityHistory | undefined): boolean {
  if (!history?.pages) return false;
  // New on this site: every site it was seen on is another. Otherwise one of them is this one.
  return history.newOnSite ? history.sites > 0 : history.sites > 1;
}

/**
 * The reader's signal on an unfamiliar site, as a small badge that appears only when it says something
 * (issue 15): _recurring_ (seen on other pages), or _new here_ — seen before elsewhere, never on this
 * site: a familiar actor showing up somewhere new. An entity met for the first time has no badge (on a
 * first read every one would carry it). The full sentence is the badge's title and what a screen reader
 * hears.
 */
export function HistoryBadge({
  i18n: { t, formatDate },
  history,
}: {
  i18n: Translator;
  history: EntityHistory | undefined;
}) {
  if (!history?.pages) return null;
  // New here when neither the reader nor a teammate met it on this site (issue #17).
  const fresh = newOnSite(history, history.team);
  const sentence = t(fresh ? 'historyNewOnSite' : 'historyRecurring', {
    pages: t('otherPages', { n: history.pages }),
    sites: t('sitesCount', { n: history.sites }),
    date: formatDate(history.firstSeen ?? 0),
  });
  return (
    <span
      class={`badge history${fresh ? ' badge--new-here' : ''}`}
      data-testid="history"
      data-flag={fresh ? 'recurring new-on-site' : 'recurring'}
      title={sentence}
    >
      <span aria-hidden="true">{t(fresh ? 'badgeNewHere' : 'badgeRecurring')}</span>
      <span class="visually-hidden">{sentence}</span>
    </span>
  );
}

/**
 * What the reader's team saw of an entity, in words (issue #17): "seen by your team on 7 pages of 4
 * sites, first by Rana on 3 March", and whether it is new on this site — for the panel's badge and the
 * card's line.
 */
export function teamSentence(
  { t, formatDate }: Pick<Translator, 't' | 'formatDate'>,
  team: NonNullable<EntityHistory['team']>,
): string {
  return [
    t('teamSeen', {
      // Counted in words as the language counts ("1 page", "صفحتين").
      pages: t('pagesCount', { n: team.pages }),
      sites: t('sitesCount', { n: team.sites }),
      name: team.firstBy,
      date: formatDate(team.firstSeen),
    }),
    ...(team.newOnSite ? [t('teamNewOnSite')] : []),
  ].join('. ');
}

/**
 * What the reader's team saw of an entity (issue #17): a badge when a teammate met it on some page —
 * "seen by your team on N pages of M sites, first by Rana on 3 March" — flagged when no member has seen
 * it on this site before. The sentence is the title and what a screen reader hears.
 */
export function TeamBadge({
  i18n: { t, formatDate },
  history,
}: {
  i18n: Translator;
  history: EntityHistory | undefined;
}) {
  const team = history?.team;
  if (!team) return null;
  const sentence = teamSentence({ t, formatDate }, team);
  return (
    <span
      class={`badge team${team.newOnSite ? ' badge--new-here' : ''}`}
      data-testid="team-seen"
      data-flag={team.newOnSite ? 'team new-on-site' : 'team'}
      title={sentence}
    >
      <span aria-hidden="true">{t('badgeTeam')}</span>
      <span class="visually-hidden">{sentence}</span>
    </span>
  );
}
