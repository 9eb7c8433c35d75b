import { useState } from 'preact/hooks';
import type { ArticleSummary } from '../lib/model/article.ts';
import type { PageRow } from '../lib/model/page.ts';
import type { Settings } from '../lib/model/settings.ts';
import { ANNOTATION_COLORS } from '../lib/model/annotation.ts';
import type { Translator } from '../lib/i18n/i18n.ts';
import { bundledLexicon } from '../lib/lexicon/bundled-lexicon.ts';
import type { EntityType } from '../lib/lexicon/schema.ts';
import type { ReaderState } from '../lib/model/page.ts';
import type { EntityHistory } from '../lib/model/mention.ts';
import type { AnnotationRow } from '../lib/model/annotation.ts';
import { HistoryBadge, seenOnOtherSites, TeamBadge } from './HistoryBadge.tsx';
import type { ComponentChildren } from 'preact';
import { Fold } from './Fold.tsx';
import { NoteDates } from './NoteDates.tsx';
import { DismissedNotice } from './DismissedNotice.tsx';
import type { EntityOnPage } from '../lib/model/page.ts';
import type { SuggestedName } from '../lib/model/suggestion.ts';
import { publishedMs } from '../lib/pages/publication-date.ts';

export type PanelState =
  | { kind: 'loading' }
  | { kind: 'empty' }
  | { kind: 'error'; message: string }
  | { kind: 'page'; page: PageRow | null; reader: ReaderState | null; settings: Settings | null };

export interface PanelActions {
  /** Scroll the page to the entity's next mention. */
  onReveal(entityId: string): void;
  onHide(entityId: string, hidden: boolean): void;
  onSettings(patch: Partial<Settings>): void;
  onRevealAnnotation(id: string): void;
  onDeleteAnnotation(id: string): void;
  /** Shares one of the reader's annotations with their team, or stops sharing it (issue #17). */
  onShareAnnotation(row: AnnotationRow, shared: boolean): void;
  /** Restore the annotation deleted last. */
  onUndo(): void;
  /** Makes a suggested name one of the reader's entities (issue 13): the page then highlights it as known. */
  onAddName(name: SuggestedName, type: EntityType): void;
  /** A suggested name is not a name: never suggested again, on any page. */
  onDismissName(name: SuggestedName): void;
  /** Takes back the last “not a name”. */
  onUndoDismiss(): void;
}

interface Props extends Partial<PanelActions> {
  i18n: Translator;
  state: PanelState;
  /** Names of the reader's own entities, by id. */
  ownNames?: Readonly<Record<string, string>>;
  /** What Rasid remembers of each entity on the page, by id. */
  history?: Readonly<Record<string, EntityHistory>>;
  /** An annotation was just deleted: offer to undo it. */
  canUndo?: boolean;
  /** A name was just dismissed (“Not a name”): offer to undo it. */
  dismissed?: string | null;
  /** The reader's team, when they are in one: their annotations get a share switch (issue #17). */
  team?: { shareByDefault: boolean } | null;
  /** Links to Rasid's other pages (dashboard, lexicon…), at the top. */
  links?: ComponentChildren;
  /** More sections (history, export), after the page's own. */
  children?: ComponentChildren;
}

const noop = () => undefined;

/** What the panel shows for one page. Pure: props in, markup out. Page text is rendered as text, never as HTML. */
export function PageSummary({
  i18n,
  state,
  canUndo = false,
  ownNames = {},
  history = {},
  onReveal = noop,
  onHide = noop,
  onSettings = noop,
  onRevealAnnotation = noop,
  onDeleteAnnotation = noop,
  onShareAnnotation = noop,
  team = null,
  onUndo = noop,
  onAddName = noop,
  onDismissName = noop,
  onUndoDismiss = noop,
  dismissed = null,
  links,
  children,
}: Props) {
  const { t } = i18n;
  return (
    <main class="rasid-panel" aria-busy={state.kind === 'loading'}>
      <header>
        <h1>{t('appName')}</h1>
        {links && (
          <nav class="links" aria-label={t('panelLinks')}>
            {links}
          </nav>
        )}
      </header>
      {state.kind === 'loading' && <p role="status">{t('loading')}</p>}
      {state.kind === 'empty' && <p role="status">{t('noArticle')}</p>}
      {state.kind === 'error' && <p role="alert">{t('error', { message: state.message })}</p>}
      {state.kind === 'page' && (
        <>
          <Article i18n={i18n} page={state.page} article={state.reader?.article ?? null} />
          {state.reader && !state.reader.enabled && <p role="status">{t('siteOff')}</p>}
          {state.reader?.enabled && !!state.reader.entities.length && (
            <Overview i18n={i18n} entities={state.reader.entities} history={history} />
          )}
          {state.reader?.enabled && (
            <Annotations
              i18n={i18n}
              annotations={state.reader.annotations}
              canUndo={canUndo}
              ownNames={ownNames}
              onReveal={onRevealAnnotation}
              onDelete={onDeleteAnnotation}
              onShare={onShareAnnotation}
              team={team}
              onUndo={onUndo}
            />
          )}
          {state.reader?.enabled && (
            <Entities
              i18n={i18n}
              entities={state.reader.entities}
              history={history}
              onReveal={onReveal}
              onHide={onHide}
            />
          )}
          {dismissed && <DismissedNotice i18n={i18n} text={dismissed} onUndo={onUndoDismiss} />}
          {state.reader?.enabled && !!state.reader.suggestions?.length && (
            <Suggestions
              i18n={i18n}
              names={state.reader.suggestions}
              onAdd={onAddName}
              onDismiss={onDismissName}
            />
          )}
          {state.settings && <SettingsForm i18n={i18n} settings={state.settings} onSettings={onSettings} />}
          {children}
        </>
      )}
    </main>
  );
}

function Article({
  i18n: { t, formatDate, formatDay },
  page,
  article,
}: {
  i18n: Translator;
  page: PageRow | null;
  article: ArticleSummary | null;
}) {
  const title = article?.title ?? page?.title;
  if (!title) return null;
  const byline = article?.byline ?? page?.byline;
  const published = article?.publishedTime ?? page?.publishedTime;
  // A day or an instant, normalised when the page was read (issue 14); shown as the day it names.
  const publishedAt = publishedMs(published);
  const date = publishedAt === undefined ? null : formatDay(publishedAt);
  const words = article?.wordCount ?? page?.wordCount;
  // One line of facts under the title, each kept apart for the tests and for assistive technology.
  const facts = [
    <span key="site" dir="auto" data-testid="site">
      {article?.siteName ?? page?.siteName ?? page?.site}
    </span>,
    byline && (
      <span key="byline" dir="auto" data-testid="byline">
        {t('by', { byline })}
      </span>
    ),
    date && (
      <span key="date" data-testid="published">
        {t('published', { date })}
      </span>
    ),
    words !== undefined && (
      <span key="words" data-testid="word-count">
        {t('words', { n: words })}
      </span>
    ),
    page && (
      <span key="visits" data-testid="visits">
        {t('visits', { n: page.visits })} · {t('firstRead', { date: formatDate(page.firstVisit) })}
      </span>
    ),
  ].filter(Boolean);
  return (
    <article aria-labelledby="rasid-title">
      {/* The article's own language and direction, whatever the panel's. */}
      <h2 id="rasid-title" dir="auto" lang={article?.lang ?? page?.lang ?? undefined}>
        {title}
      </h2>
      <p class="facts">
        {facts.flatMap((fact, i) =>
          i
            ? [
                <span key={`sep${i}`} aria-hidden="true">
                  {' · '}
                </span>,
                fact,
              ]
            : [fact],
        )}
      </p>
    </article>
  );
}

/** The page at a glance: "17 actors · 11 places · 3 seen on other sites" (plurals by the catalog). */
function Overview({
  i18n: { t },
  entities,
  history,
}: {
  i18n: Translator;
  entities: readonly EntityOnPage[];
  history: Readonly<Record<string, EntityHistory>>;
}) {
  const actors = entities.filter((e) => e.type === 'actor').length;
  const places = entities.length - actors;
  const elsewhere = entities.filter((e) => seenOnOtherSites(history[e.id])).length;
  const parts = [
    actors ? t('overviewActors', { n: actors }) : null,
    places ? t('overviewPlaces', { n: places }) : null,
    elsewhere ? t('overviewElsewhere', { n: elsewhere }) : null,
  ].filter(Boolean);
  return (
    <p class="overview" data-testid="overview">
      {parts.join(' · ')}
    </p>
  );
}

function Entities({
  i18n,
  entities,
  history,
  onReveal,
  onHide,
}: {
  i18n: Translator;
  entities: EntityOnPage[];
  history: Readonly<Record<string, EntityHistory>>;
  onReveal(id: string): void;
  onHide(id: string, hidden: boolean): void;
}) {
  const { t } = i18n;
  // A roving tabindex (issue 15; WAI-ARIA APG): Tab reaches the names once, at the name last on, and
  // the arrow keys move between names across both lists; the row's toggle follows its name.
  const [active, setActive] = useState<string | null>(null);
  if (!entities.length) return <p role="status">{t('noEntities')}</p>;
  const current = entities.some((e) => e.id === active)
    ? active
    : (entities.find((e) => e.type === 'actor')?.id ?? entities[0]!.id);
  const tabIndex = (id: string) => (id === current ? 0 : -1);
  const groups: [EntityType, 'actors' | 'places'][] = [
    ['actor', 'actors'],
    ['place', 'places'],
  ];
  return (
    <>
      {groups.map(([type, heading]) => {
        const list = entities.filter((e) => e.type === type);
        if (!list.length) return null;
        return (
          <Fold
            key={type}
            id={`rasid-${type}s`}
            class={`entities entities--${type}`}
            testId={`${type}s`}
            heading={
              <>
                {t(heading)} <span class="total">({i18n.formatNumber(list.length)})</span>
              </>
            }
          >
            <ul>
              {list.map((e) => (
                <li key={e.id} data-entity={e.id} class={e.hidden ? 'hidden' : undefined}>
                  {/* One line: the Arabic name first and largest, its English gloss, a badge if it says
                      something, the count (issue 15). */}
                  <button
                    type="button"
                    class="entity"
                    title={t('goTo', { name: e.ar })}
                    tabIndex={tabIndex(e.id)}
                    onFocus={() => setActive(e.id)}
                    onKeyDown={moveAmongNames}
                    onClick={() => onReveal(e.id)}
                  >
                    <span class="ar" lang="ar" dir="rtl">
                      {e.ar}
                    </span>
                    <span class="en" lang="en" dir="ltr">
                      {e.en}
                    </span>
                  </button>
                  <HistoryBadge i18n={i18n} history={history[e.id]} />
                  <TeamBadge i18n={i18n} history={history[e.id]} />
                  <Count i18n={i18n} n={e.count} />
                  <button
                    type="button"
                    class="toggle"
                    tabIndex={tabIndex(e.id)}
                    aria-pressed={e.hidden}
                    aria-label={t(e.hidden ? 'showEntity' : 'hideEntity', { name: e.ar })}
                    onClick={() => onHide(e.id, !e.hidden)}
                  >
                    {t(e.hidden ? 'show' : 'hide')}
                  </button>
                </li>
              ))}
            </ul>
          </Fold>
        );
      })}
    </>
  );
}

/** A mention count: the number in the row, the words ("13 mentions") for its title and screen readers. */
function Count({ i18n: { t, formatNumber }, n }: { i18n: Translator; n: number }) {
  const words = t('mentions', { n });
  return (
    <span class="count" data-testid="count" title={words}>
      <span aria-hidden="true">{formatNumber(n)}</span>
      <span class="visually-hidden">{words}</span>
    </span>
  );
}

/** The keys that move between names, and where they go from `index` of `count`. */
const NAME_KEYS: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (i, n) => Math.min(n - 1, i + 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  Home: () => 0,
  End: (_, n) => n - 1,
};

/** Arrow keys, Home and End on a name: focus moves to another name of the panel's lists. */
function moveAmongNames(event: KeyboardEvent) {
  const move = NAME_KEYS[event.key];
  const button = event.currentTarget as HTMLButtonElement;
  const names = [...(button.closest('main')?.querySelectorAll<HTMLButtonElement>('button.entity') ?? [])];
  if (!move || event.altKey || event.ctrlKey || event.metaKey || !names.length) return;
  event.preventDefault();
  names[move(names.indexOf(button), names.length)]?.focus();
}

/**
 * Names Rasid does not know yet (issue 13), apart from the known ones: each as the page first wrote it,
 * what the recogniser takes it for, its count, and what the reader can do with it.
 */
function Suggestions({
  i18n,
  names,
  onAdd,
  onDismiss,
}: {
  i18n: Translator;
  names: readonly SuggestedName[];
  onAdd(name: SuggestedName, type: EntityType): void;
  onDismiss(name: SuggestedName): void;
}) {
  const { t } = i18n;
  return (
    <Fold
      id="rasid-suggestions"
      class="suggestions"
      testId="suggestions"
      heading={
        <>
          {t('suggestionsTitle')} <span class="total">({i18n.formatNumber(names.length)})</span>
        </>
      }
    >
      <ul>
        {names.map((n) => (
          <li key={n.key} data-suggestion={n.key} class={`suggestion suggestion--${n.type}`}>
            <span class="ar" lang="ar" dir="rtl">
              {n.text}
            </span>{' '}
            <span class="kind">{t(`kind-${n.kind}`)}</span> <Count i18n={i18n} n={n.count} />
            <div class="actions">
              <button
                type="button"
                class="add-actor"
                aria-label={t('addActorLabel', { name: n.text })}
                onClick={() => onAdd(n, 'actor')}
              >
                {t('addAsActor')}
              </button>
              <button
                type="button"
                class="add-place"
                aria-label={t('addPlaceLabel', { name: n.text })}
                onClick={() => onAdd(n, 'place')}
              >
                {t('addAsPlace')}
              </button>
              <button
                type="button"
                class="dismiss"
                aria-label={t('notANameLabel', { name: n.text })}
                onClick={() => onDismiss(n)}
              >
                {t('notAName')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </Fold>
  );
}

/** The name of a linked entity: the reader's own, or the lexicon's canonical Arabic name; else its id. */
const entityName = (id: string, own: Readonly<Record<string, string>>) =>
  own[id] ?? bundledLexicon.entities.find((e) => e.id === id)?.ar ?? id;

function Annotations({
  i18n,
  annotations,
  canUndo,
  ownNames,
  onReveal,
  onDelete,
  onShare,
  team,
  onUndo,
}: {
  i18n: Translator;
  annotations: ReaderState['annotations'];
  canUndo: boolean;
  ownNames: Readonly<Record<string, string>>;
  onReveal(id: string): void;
  onDelete(id: string): void;
  onShare(row: AnnotationRow, shared: boolean): void;
  team: { shareByDefault: boolean } | null;
  onUndo(): void;
}) {
  const { t, formatNumber } = i18n;
  return (
    <Fold
      id="rasid-annotations"
      class="annotations"
      testId="annotations"
      // Folded while there is nothing in it: the page's names come first.
      open={annotations.length > 0 || canUndo}
      heading={
        <>
          {t('annotations')} <span class="total">({formatNumber(annotations.length)})</span>
        </>
      }
    >
      {canUndo && (
        <p role="status">
          {t('deleted')}{' '}
          <button type="button" class="undo" onClick={onUndo}>
            {t('undo')}
          </button>
        </p>
      )}
      {!annotations.length && <p class="empty">{t('noAnnotations')}</p>}
      <ol>
        {annotations.map(({ row, orphan }) => (
          <li
            key={row.id}
            data-annotation={row.id}
            class={`annotation annotation--${row.body.color}${orphan ? ' orphan' : ''}`}
          >
            {/* Quotes and notes are shown as written, as text, in their own direction. */}
            <blockquote dir="auto" data-testid="quote">
              {row.target.selector.quote.exact}
            </blockquote>
            {row.body.note && (
              <p dir="auto" data-testid="note">
                {row.body.note}
              </p>
            )}
            {row.body.entity && (
              <p class="linked" data-testid="linked">
                {t('linkedTo', { name: entityName(row.body.entity, ownNames) })}
              </p>
            )}
            {!!row.body.tags.length && (
              <p class="tags" dir="auto" data-testid="tags">
                {row.body.tags.map((tag) => `#${tag}`).join(' ')}
              </p>
            )}
            <NoteDates i18n={i18n} dates={row} />
            {row.team && (
              <p class="team-mark" dir="auto" data-testid="shared-by">
                {t('teamSharedBy', { name: row.team.name })}
              </p>
            )}
            {orphan && (
              <p class="orphan-note" data-testid="orphan">
                {t('orphan')}
              </p>
            )}
            {team && !row.team && (
              <label class="share">
                <input
                  type="checkbox"
                  data-testid="share"
                  checked={row.shared ?? team.shareByDefault}
                  onChange={(e) => onShare(row, e.currentTarget.checked)}
                />
                {t('shareWithTeam')}
              </label>
            )}
            <div class="actions">
              {!orphan && (
                <button type="button" class="go" onClick={() => onReveal(row.id)}>
                  {t('goToAnnotation')}
                </button>
              )}
              <button type="button" class="delete" onClick={() => onDelete(row.id)}>
                {t('delete')}
              </button>
            </div>
          </li>
        ))}
      </ol>
    </Fold>
  );
}

type BooleanSetting = { [K in keyof Settings]: Settings[K] extends boolean ? K : never }[keyof Settings];

function SettingsForm({
  i18n: { t },
  settings,
  onSettings,
}: {
  i18n: Translator;
  settings: Settings;
  onSettings(patch: Partial<Settings>): void;
}) {
  const box = (key: BooleanSetting, label: string) => (
    <label>
      <input
        type="checkbox"
        name={key}
        checked={settings[key]}
        onChange={(e) => onSettings({ [key]: e.currentTarget.checked })}
      />
      {label}
    </label>
  );
  return (
    <Fold id="rasid-settings" class="settings" open={false} heading={t('settings')}>
      {box('siteEnabled', t('onThisSite'))}
      {box('private', t('privateSite'))}
      {box('actors', t('highlightActors'))}
      {box('places', t('highlightPlaces'))}
      {box('suggestions', t('showSuggestions'))}
      {box('wholePage', t('wholePage'))}
      {box('history', t('keepHistory'))}
      {box('shareWithTeam', t('shareSiteWithTeam'))}
      <fieldset class="color-names">
        <legend>{t('colorNames')}</legend>
        {ANNOTATION_COLORS.map((c) => (
          <label key={c}>
            <span class={`swatch swatch--${c}`} aria-hidden="true" />
            <input
              type="text"
              name={`color-${c}`}
              dir="auto"
              maxLength={40}
              aria-label={t('colorNameOf', { color: t(c) })}
              placeholder={t(`colorName-${c}`)}
              value={settings.colorNames[c] ?? ''}
              // Saved when the reader leaves the field: one change, not one per key.
              onChange={(e) =>
                onSettings({ colorNames: { ...settings.colorNames, [c]: e.currentTarget.value.trim() } })
              }
            />
          </label>
        ))}
      </fieldset>
    </Fold>
  );
}
