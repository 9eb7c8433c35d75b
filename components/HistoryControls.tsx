import { useState } from 'preact/hooks';
import type { Translator } from '../lib/i18n/i18n.ts';
import { Fold } from './Fold.tsx';

export type ForgetWhat = 'page' | 'site' | 'all';

interface Props {
  i18n: Translator;
  /** How many pages each choice would forget, asked when the reader picks it. */
  count(what: ForgetWhat): Promise<number>;
  /** Forgets, and says how many pages went. */
  onForget(what: ForgetWhat): Promise<number>;
}

/** Forgetting reading history, always after a confirmation that says how much and that annotations stay. */
export function HistoryControls({ i18n: { t }, count, onForget }: Props) {
  const [asking, setAsking] = useState<{ what: ForgetWhat; pages: number } | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const ask = async (what: ForgetWhat) => {
    setDone(null);
    setAsking({ what, pages: await count(what) });
  };
  return (
    <Fold
      id="rasid-history"
      class="history-controls"
      testId="history-controls"
      open={false}
      heading={t('readingHistory')}
    >
      <div class="actions">
        <button type="button" data-forget="page" onClick={() => void ask('page')}>
          {t('forgetPage')}
        </button>
        <button type="button" data-forget="site" onClick={() => void ask('site')}>
          {t('forgetSite')}
        </button>
        <button type="button" data-forget="all" onClick={() => void ask('all')}>
          {t('forgetAll')}
        </button>
      </div>
      {asking && (
        <div role="alertdialog" aria-labelledby="rasid-confirm-forget" class="confirm">
          <p id="rasid-confirm-forget">
            {t('confirmForget', { pages: t('pagesCount', { n: asking.pages }) })}
          </p>
          <button
            type="button"
            class="confirm-forget"
            onClick={async () => {
              const pages = await onForget(asking.what);
              setAsking(null);
              setDone(pages);
            }}
          >
            {t('forget')}
          </button>
          <button type="button" class="cancel" onClick={() => setAsking(null)}>
            {t('cancel')}
          </button>
        </div>
      )}
      {done !== null && <p role="status">{t('forgotten', { pages: t('pagesCount', { n: done }) })}</p>}
    </Fold>
  );
}
