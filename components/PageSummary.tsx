import type { PageRow } from '../lib/db/schema.ts';
import type { Translator } from '../lib/i18n/i18n.ts';

export type PanelState =
  | { kind: 'loading' }
  | { kind: 'empty' }
  | { kind: 'error'; message: string }
  | { kind: 'page'; page: PageRow };

interface Props {
  i18n: Translator;
  state: PanelState;
}

/** What the panel shows for one page. Pure: props in, markup out. Page text is rendered as text, never as HTML. */
export function PageSummary({ i18n: { t, formatDate }, state }: Props) {
  return (
    <main class="rasid-panel" aria-busy={state.kind === 'loading'}>
      <header>
        <h1>{t('appName')}</h1>
        <p class="rasid-panel__section">{t('thisPage')}</p>
      </header>
      {state.kind === 'loading' && <p role="status">{t('loading')}</p>}
      {state.kind === 'empty' && <p role="status">{t('noArticle')}</p>}
      {state.kind === 'error' && <p role="alert">{t('error', { message: state.message })}</p>}
      {state.kind === 'page' && (
        <article aria-labelledby="rasid-title">
          {/* The article's own language and direction, whatever the panel's. */}
          <h2 id="rasid-title" dir="auto" lang={state.page.lang ?? undefined}>
            {state.page.title}
          </h2>
          <dl>
            <dt>{t('site')}</dt>
            <dd dir="auto" data-testid="site">
              {state.page.siteName ?? state.page.site}
            </dd>
          </dl>
          {state.page.byline && (
            <p dir="auto" data-testid="byline">
              {t('by', { byline: state.page.byline })}
            </p>
          )}
          <p data-testid="word-count">{t('words', { n: state.page.wordCount })}</p>
          <p data-testid="visits">
            {t('visits', { n: state.page.visits })} ·{' '}
            {t('firstRead', { date: formatDate(state.page.firstVisit) })}
          </p>
        </article>
      )}
    </main>
  );
}
