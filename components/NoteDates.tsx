import type { Translator } from '../lib/i18n/i18n.ts';
import type { NoteDates as Dates } from '../lib/session/views.ts';

/** An edit within this long of the writing is the writing itself (a colour chosen, then a note typed). */
const SAME_MS = 60_000;

/** When a note was written and, if later, last edited (issue 15): in the panel's list and the toolbar. */
export function NoteDates({ i18n: { t, formatDate }, dates }: { i18n: Translator; dates: Dates }) {
  const created = formatDate(dates.created);
  const edited = dates.modified - dates.created > SAME_MS;
  return (
    <p class="dates" data-testid="dates">
      {edited
        ? t('noteEdited', { created, modified: formatDate(dates.modified) })
        : t('noteCreated', { created })}
    </p>
  );
}
