import { subtypeName } from '../lib/i18n/subtypes.ts';
import { publishedMs } from '../lib/pages/publication-date.ts';
import { DESIGN_CSS } from '../lib/design/tokens.ts';
import type { CardProps, LexiconUndoProps } from '../lib/session/views.ts';

export type { CardEntity } from '../lib/session/views.ts';

/**
 * The card shown for a highlighted name: who or what it is, and where else the page names it. It is
 * rendered into the page (a closed shadow root), so it shows nothing of the reader's history: how
 * often Rasid has seen the entity elsewhere is for the side panel (issue #12).
 */
export function EntityCard({
  i18n,
  entity,
  onPrevious,
  onNext,
  onHide,
  published,
  spelling,
  onSpellingOff,
  onClose,
  teamFrame,
}: CardProps & {
  /**
   * The address of the team's line (issue #17; `lib/session/card-team-address.ts`), an extension page
   * the page cannot read: what the team saw is never put in the card itself.
   */
  teamFrame?: string | undefined;
}) {
  const { t, lang, dir, formatDay } = i18n;
  const publishedAt = publishedMs(published);
  return (
    <section
      class={`card card--${entity.type}`}
      role="dialog"
      aria-labelledby="rasid-card-name"
      dir={dir}
      lang={lang}
      tabIndex={-1}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <header>
        <h2 id="rasid-card-name" lang="ar" dir="rtl">
          {entity.ar}
        </h2>
        <button type="button" class="close" data-testid="close" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
      </header>
      <p class="en" lang="en" dir="ltr">
        {entity.en}
      </p>
      <p class="kind">
        <span class="type">{t(entity.type)}</span> · <span>{subtypeName(entity.subtype, lang)}</span>
      </p>
      {entity.teamBy !== undefined && (
        <p class="count" data-testid="team-name" dir="auto">
          {t('teamNameBy', { name: entity.teamBy })}
        </p>
      )}
      <p class="count" data-testid="mention-of">
        {t('mentionOf', { index: entity.index, count: entity.count })}
      </p>
      {publishedAt !== undefined && (
        <p class="count" data-testid="published">
          {t('articlePublished', { date: formatDay(publishedAt) })}
        </p>
      )}
      {teamFrame && (
        <iframe class="team-frame" src={teamFrame} title={t('teamCardFrame')} data-testid="team-frame" />
      )}
      <div class="actions">
        <button type="button" data-testid="previous" onClick={onPrevious}>
          {t('previous')}
        </button>
        <button type="button" data-testid="next" onClick={onNext}>
          {t('next')}
        </button>
        <button type="button" data-testid="hide" onClick={onHide}>
          {t('hide')}
        </button>
      </div>
      {spelling && onSpellingOff && (
        <button type="button" class="spelling-off" data-testid="spelling-off" onClick={onSpellingOff}>
          {t('spellingOff', { spelling })}
        </button>
      )}
    </section>
  );
}

/**
 * In the card's place, after a change to the reader's lexicon made from it (“Not a name”) or from the
 * toolbar (a spelling added): what was done, everywhere, and its undo (issue 15 §5).
 */
export function LexiconUndoNotice({ i18n: { t, dir, lang }, message, onUndo, onClose }: LexiconUndoProps) {
  return (
    <section
      class="card notice"
      role="status"
      aria-label={t('lexiconChanged')}
      dir={dir}
      lang={lang}
      tabIndex={-1}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <p>{message}</p>
      <div class="actions">
        <button type="button" class="undo" data-testid="undo" onClick={onUndo}>
          {t('undo')}
        </button>
        <button type="button" data-testid="close" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </section>
  );
}

/**
 * The card's styles, inside its shadow root: the page's CSS cannot reach it, nor it the page. The scale and
 * colours are the extension pages' (`DESIGN_CSS`, in px: a rem here would be the news page's).
 */
export const CARD_CSS = `
:host { all: initial; }
${DESIGN_CSS}
.card { position: fixed; z-index: 2147483647; max-width: 22rem; min-width: 14rem; box-sizing: border-box;
  font-family: var(--rasid-font-latin); font-size: var(--rasid-size-ui); line-height: var(--rasid-line-ui);
  color: var(--rasid-text); background: var(--rasid-bg);
  border: 1px solid var(--rasid-line); border-inline-start: 4px solid var(--rasid-actor); border-radius: 8px;
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.18); padding: 0.6rem 0.8rem; }
.card:lang(ar) { font-family: var(--rasid-font-ar); }
.card--place { border-inline-start-color: var(--rasid-place); }
.notice { border-inline-start-color: var(--rasid-focus); }
.card:focus { outline: 2px solid var(--rasid-focus); outline-offset: 2px; }
header { display: flex; align-items: start; gap: 0.5rem; }
h2 { margin: 0; flex: 1; font-family: var(--rasid-font-ar); font-size: calc(var(--rasid-size-ar) * 1.15);
  font-weight: var(--rasid-weight-ar); line-height: var(--rasid-line-ar); }
p { margin: 0.15rem 0; }
.kind, .count { color: var(--rasid-muted); font-size: var(--rasid-size-small); }
.type { font-weight: bold; }
.actions { display: flex; flex-wrap: wrap; gap: 0.4rem; margin-top: 0.5rem; }
button { font: inherit; font-size: var(--rasid-size-small); padding: 0.2rem 0.6rem; border-radius: var(--rasid-radius);
  border: 1px solid var(--rasid-line); background: var(--rasid-surface); color: inherit; cursor: pointer; }
button:focus-visible { outline: 2px solid var(--rasid-focus); outline-offset: 1px; }
.close { border: 0; background: none; font-size: 20px; line-height: 1; padding: 0 0.25rem; }
.team-frame { display: block; inline-size: 100%; block-size: calc(var(--rasid-size-small) * var(--rasid-line-ui) * 3); border: 0;
  margin: 0.2rem 0 0; color-scheme: normal; }
`;
