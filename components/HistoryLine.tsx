import type { EntityHistory } from '../lib/model/mention.ts';
import type { Translator } from '../lib/i18n/i18n.ts';

/**
 * The reader's first signal on an unfamiliar site: recurring (seen on other pages), new on this site
 * (never seen here before), or both — a recurring actor showing up somewhere new.
 */
export function HistoryLine({
  i18n: { t, formatDate },
  history,
}: {
  i18n: Translator;
  history: EntityHistory | undefined;
}) {
  if (!history) return null;
  if (!history.pages)
    return (
      <p class="history history--new" data-testid="history" data-flag="new-on-site">
        {t('historyFirst')}
      </p>
    );
  const values = {
    pages: t('otherPages', { n: history.pages }),
    sites: t('sitesCount', { n: history.sites }),
    date: formatDate(history.firstSeen ?? 0),
  };
  return (
    <p
      class={`history${history.newOnSite ? ' history--new' : ''}`}
      data-testid="history"
      data-flag={history.newOnSite ? 'recurring new-on-site' : 'recurring'}
    >
      {t(history.newOnSite ? 'historyNewOnSite' : 'historyRecurring', values)}
    </p>
  );
}
