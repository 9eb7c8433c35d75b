import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  EntityDetail,
  LinkedAnnotation,
  RankedEntity,
  RankingFilters,
  RankingSort,
  TeamEntityDetail,
} from '../lib/model/dashboard.ts';
import type { ImportResult } from '../lib/model/import-report.ts';
import type { ExportFormat, ExportScope } from '../lib/model/exchange.ts';
import type { Translator } from '../lib/i18n/i18n.ts';
import { ExportControl, ImportControl } from './ExchangeControls.tsx';
import { SUBTYPE_KEYS, subtypeName } from '../lib/i18n/subtypes.ts';
import type { Entity, EntityType } from '../lib/lexicon/schema.ts';
import type { NameCandidate } from '../lib/model/suggestion.ts';
import { DismissedNotice } from './DismissedNotice.tsx';
import {
  defaultDirection,
  filtersOfView,
  rankingOf,
  type DashboardView,
} from '../lib/dashboard/dashboard-address.ts';
import { sortRanking } from '../lib/dashboard/sort-ranking.ts';
import { DateBasis, DateRange } from './DateFilters.tsx';

export interface DashboardData {
  ranking(filters: RankingFilters): Promise<RankedEntity[]>;
  detail(entity: string): Promise<EntityDetail>;
  sites(): Promise<string[]>;
  /**
   * How many annotations the reader keeps (issue 14): with no pages read — a fresh profile after an
   * import — the empty ranking says they are there, in the notebook.
   */
  annotations?(): Promise<number>;
  /** Opens the page an annotation was made on, at the annotation; without it, the link opens the page. */
  openAnnotation?(annotation: LinkedAnnotation): Promise<void>;
  /** Names Rasid does not know that the reader keeps meeting (issue 13); the section is left out without it. */
  candidates?(): Promise<NameCandidate[]>;
  /** Makes a candidate one of the reader's actors or places. */
  addName?(text: string, type: EntityType): Promise<void>;
  /** A candidate is not a name: never suggested again. */
  dismissName?(key: string, text: string): Promise<void>;
  /** Takes back a “not a name”. */
  undismissName?(key: string): Promise<void>;
}

/** Export of what the filters select (site, dates; the open entity), and import (the dashboard's part of issue #7). */
export interface DashboardExchange {
  exportAnnotations(scope: ExportScope, format: ExportFormat, mentions: boolean): Promise<string>;
  importAnnotations(text: string, progress: (done: number, total: number) => void): Promise<ImportResult>;
}

/** How a view change goes into the history: a new entry (Back returns), or in place (typing a search). */
export type Navigation = 'push' | 'replace';

interface Props {
  i18n: Translator;
  lexicon: readonly Entity[];
  data: DashboardData;
  exchange?: DashboardExchange | undefined;
  /** Counts the changes to what Rasid remembers: each one re-reads what is shown. */
  revision?: number | undefined;
  /**
   * What is shown, as the page's address says it (issue 14), and how to go to another view. Without
   * them the dashboard keeps its view itself (tests, a page that does not keep an address).
   */
  view?: DashboardView | undefined;
  onNavigate?: ((view: DashboardView, how: Navigation) => void) | undefined;
}

/** The ranking's columns, in order: each sorts it (issue 14). */
const COLUMNS: {
  sort: RankingSort;
  label: 'colName' | 'colType' | 'colPages' | 'colSites' | 'colFirst' | 'colLast';
}[] = [
  { sort: 'name', label: 'colName' },
  { sort: 'type', label: 'colType' },
  { sort: 'pages', label: 'colPages' },
  { sort: 'sites', label: 'colSites' },
  { sort: 'first', label: 'colFirst' },
  { sort: 'last', label: 'colLast' },
];

/**
 * Who appears where, across everything the reader has read: the ranking, or one entity's detail,
 * each with its own address. Page text is shown as text.
 */
export function Dashboard({ i18n, lexicon, data, exchange, revision = 0, view: given, onNavigate }: Props) {
  const { t, formatDate, formatNumber } = i18n;
  const byId = new Map(lexicon.map((e) => [e.id, e]));
  const [own, setOwn] = useState<DashboardView>({});
  const view = given ?? own;
  const navigate = onNavigate ?? ((next: DashboardView) => setOwn(next));
  const filters = filtersOfView(view);
  const filtersKey = JSON.stringify(filters);
  const selected = view.entity ?? null;
  const dates = view.dates ?? 'published';
  const [ranking, setRanking] = useState<RankedEntity[] | null>(null);
  const [sites, setSites] = useState<string[]>([]);
  const [detail, setDetail] = useState<EntityDetail | null>(null);
  const [candidates, setCandidates] = useState<NameCandidate[] | null>(null);
  const [annotations, setAnnotations] = useState(0);
  // The candidate last dismissed (“Not a name”), until undone or another is.
  const [dismissed, setDismissed] = useState<NameCandidate | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const table = useRef<HTMLTableElement>(null);
  // The entity whose detail was last shown: back in the ranking, its row is where the reader left.
  const left = useRef<string | null>(null);

  useEffect(() => void data.sites().then(setSites), [data, revision]);
  useEffect(() => void data.candidates?.().then(setCandidates), [data, revision]);
  useEffect(() => void data.annotations?.().then(setAnnotations), [data, revision]);
  // `filters` is a new object each render: its JSON says when it changed.
  useEffect(() => void data.ranking(filters).then(setRanking), [data, filtersKey, revision]);
  useEffect(() => {
    if (selected) void data.detail(selected).then(setDetail);
  }, [data, selected, revision]);

  const shown = selected && detail?.entity === selected ? detail : null;
  // An entity opened is brought into view, its name focused (issue 14): it was shown far below before.
  useEffect(() => {
    if (!shown) return;
    left.current = shown.entity;
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: 'start' });
  }, [shown?.entity]);
  // Back in the ranking, the row of the entity just left is in view and focused.
  useEffect(() => {
    if (selected || !ranking || !left.current) return;
    const row = table.current?.querySelector<HTMLButtonElement>(
      `tr[data-entity="${CSS.escape(left.current)}"] button`,
    );
    left.current = null;
    row?.focus({ preventScroll: true });
    row?.scrollIntoView({ block: 'center' });
  }, [selected, ranking]);

  const name = (id: string) => byId.get(id)?.ar ?? id;
  const kind = (id: string) => {
    const e = byId.get(id);
    return e ? `${t(e.type)} · ${subtypeName(e.subtype, i18n.lang)}` : '';
  };
  const sort = view.sort ?? 'pages';
  const dir = view.dir ?? defaultDirection(sort);
  // In a team, the background gives each ranked entity the team's figures (issue #17).
  const inTeam = !!ranking?.some((r) => r.team);
  const rows =
    ranking && sortRanking(ranking, sort, dir, (id) => ({ name: name(id), kind: kind(id) }), i18n.lang);
  /** Filters change the view in place while typing a search; anything else is a step Back undoes. */
  const setFilter = (change: Partial<DashboardView>, how: Navigation = 'push') =>
    navigate({ ...rankingOf(view), ...change }, how);
  const open = (entity: string) => navigate({ ...rankingOf(view), entity }, 'push');

  return (
    <main class="dashboard">
      <h1>{t('dashboard')}</h1>
      {/* The notebook (issue 14): every annotation, searchable; a plain link between Rasid's pages. */}
      <p class="open-notebook">
        <a href="notebook.html">{t('openNotebook')}</a>
      </p>
      <DateBasis
        t={t}
        value={dates}
        onChange={(basis) => navigate({ ...view, dates: basis }, 'push')}
        note={t('datesNote')}
      />
      {!selected && (
        <form class="filters" onSubmit={(e) => e.preventDefault()}>
          <input
            type="search"
            name="q"
            dir="auto"
            aria-label={t('searchNames')}
            placeholder={t('searchNames')}
            value={view.query ?? ''}
            onInput={(e) => setFilter({ query: e.currentTarget.value || undefined }, 'replace')}
          />
          <select
            name="type"
            aria-label={t('allTypes')}
            value={view.type ?? ''}
            onChange={(e) =>
              setFilter({ type: (e.currentTarget.value || undefined) as EntityType | undefined })
            }
          >
            <option value="">{t('allTypes')}</option>
            <option value="actor">{t('actors')}</option>
            <option value="place">{t('places')}</option>
          </select>
          <select
            name="subtype"
            aria-label={t('allSubtypes')}
            value={view.subtype ?? ''}
            onChange={(e) => setFilter({ subtype: e.currentTarget.value || undefined })}
          >
            <option value="">{t('allSubtypes')}</option>
            {SUBTYPE_KEYS.map((s) => (
              <option key={s} value={s}>
                {subtypeName(s, i18n.lang)}
              </option>
            ))}
          </select>
          <DateRange t={t} from={view.from} to={view.to} onChange={(patch) => setFilter(patch)} />
          <select
            name="site"
            aria-label={t('allSites')}
            value={view.site ?? ''}
            onChange={(e) => setFilter({ site: e.currentTarget.value || undefined })}
          >
            <option value="">{t('allSites')}</option>
            {sites.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </form>
      )}
      {!selected && rows && !rows.length && (
        <p role="status" data-testid="no-history">
          {annotations ? t('noHistoryButAnnotations', { n: annotations }) : t('noHistory')}{' '}
          {!!annotations && <a href="notebook.html">{t('openNotebook')}</a>}
        </p>
      )}
      {!selected && !!rows?.length && (
        <table class="ranking" ref={table} data-testid="ranking">
          <thead>
            <tr>
              {COLUMNS.map((c) => {
                const active = c.sort === sort;
                return (
                  <th
                    key={c.sort}
                    scope="col"
                    aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    <button
                      type="button"
                      class="sort"
                      data-sort={c.sort}
                      onClick={() => {
                        const next = active ? (dir === 'asc' ? 'desc' : 'asc') : defaultDirection(c.sort);
                        setFilter({ sort: c.sort, dir: next });
                      }}
                    >
                      {t(c.label)}
                      {active && (
                        <>
                          <span aria-hidden="true">{dir === 'asc' ? ' ▲' : ' ▼'}</span>
                          <span class="visually-hidden">
                            {' '}
                            ({t(dir === 'asc' ? 'sortedAscending' : 'sortedDescending')})
                          </span>
                        </>
                      )}
                    </button>
                  </th>
                );
              })}
              {inTeam && (
                <th scope="col" data-testid="team-column">
                  {t('colTeam')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const e = byId.get(r.entity);
              return (
                <tr key={r.entity} data-entity={r.entity}>
                  <th scope="row">
                    <button type="button" onClick={() => open(r.entity)}>
                      <span lang="ar" dir="rtl">
                        {e?.ar ?? r.entity}
                      </span>{' '}
                      <span class="en" lang="en" dir="ltr">
                        {e?.en}
                      </span>
                    </button>
                  </th>
                  <td class="kind" data-testid="kind">
                    {kind(r.entity)}
                  </td>
                  <td data-testid="pages">{formatNumber(r.pages)}</td>
                  <td data-testid="sites">{formatNumber(r.sites)}</td>
                  <td data-testid="first-seen">{formatDate(r.firstSeen)}</td>
                  <td data-testid="last-seen">{formatDate(r.lastSeen)}</td>
                  {inTeam && (
                    <td data-testid="team-figures">
                      {r.team?.pages
                        ? t('teamFigures', {
                            pages: t('pagesCount', { n: r.team.pages }),
                            sites: t('sitesCount', { n: r.team.sites }),
                          })
                        : '—'}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {selected && (
        <p class="back">
          <button type="button" class="back-to-ranking" onClick={() => navigate(rankingOf(view), 'push')}>
            {t('backToRanking')}
          </button>
        </p>
      )}
      {shown && (
        <section class="detail" aria-labelledby="rasid-detail" data-testid="detail">
          <h2 id="rasid-detail" lang="ar" dir="rtl" ref={heading} tabIndex={-1}>
            {name(shown.entity)}
          </h2>
          {byId.get(shown.entity) && <p class="kind">{kind(shown.entity)}</p>}
          <h3>{t('linkedAnnotations')}</h3>
          {!shown.annotations.length && <p class="meta">{t('noLinkedAnnotations')}</p>}
          {!!shown.annotations.length && (
            <ul class="annotations" data-testid="linked-annotations">
              {shown.annotations.map((a) => (
                <li key={a.id} data-annotation={a.id} class={`color-${a.color}`}>
                  <blockquote dir="auto" data-testid="quote">
                    {a.quote}
                  </blockquote>
                  {a.note && (
                    <p class="note" dir="auto" data-testid="note">
                      {a.note}
                    </p>
                  )}
                  {!!a.tags.length && (
                    <ul class="tags">
                      {a.tags.map((tag) => (
                        <li key={tag} dir="auto">
                          {tag}
                        </li>
                      ))}
                    </ul>
                  )}
                  <p class="meta">
                    <a
                      href={a.source}
                      target="_blank"
                      rel="noreferrer noopener"
                      dir="auto"
                      data-testid="annotation-page"
                      onClick={(e) => {
                        if (!data.openAnnotation) return;
                        e.preventDefault();
                        void data.openAnnotation(a);
                      }}
                    >
                      {a.title}
                    </a>
                    {a.published !== null && <> · {t('published', { date: i18n.formatDay(a.published) })}</>}{' '}
                    · {formatDate(a.created)}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <h3>{t('appearsOn')}</h3>
          <ul class="pages">
            {shown.pages.map((p) => (
              <li key={p.url}>
                <a href={p.address} target="_blank" rel="noreferrer noopener" dir="auto">
                  {p.title}
                </a>{' '}
                <span class="meta">
                  {p.site}
                  {p.published !== null && (
                    <>
                      {' · '}
                      <span data-testid="page-published">
                        {t('published', { date: i18n.formatDay(p.published) })}
                      </span>
                    </>
                  )}
                  {' · '}
                  {t('readOn', { date: formatDate(p.firstSeen) })} · {t('mentions', { n: p.count })}
                </span>
                <blockquote dir="auto">{p.sentence}</blockquote>
              </li>
            ))}
          </ul>
          {shown.team && <TeamReading i18n={i18n} team={shown.team} />}
          <h3>{t('appearsWith')}</h3>
          <ul class="with" data-testid="cooccurring">
            {shown.cooccurring.map((c) => (
              <li key={c.entity}>
                <button type="button" onClick={() => open(c.entity)} lang="ar" dir="rtl">
                  {name(c.entity)}
                </button>{' '}
                ({t('pagesCount', { n: c.pages })})
              </li>
            ))}
          </ul>
          <h3>{t(dates === 'read' ? 'timelineRead' : 'timelinePublished')}</h3>
          <ol class="timeline" data-testid="timeline">
            {(dates === 'read' ? shown.timeline : shown.publishedTimeline).map((m) => (
              <li key={m.month}>
                <span class="month">{m.month}</span>
                <span class="bar" style={{ inlineSize: `${Math.min(100, m.pages * 12)}%` }} />
                {formatNumber(m.pages)}
              </li>
            ))}
          </ol>
        </section>
      )}
      {!selected && candidates && (
        <Candidates
          i18n={i18n}
          candidates={candidates}
          onAdd={(c, type) => void data.addName?.(c.text, type)}
          onDismiss={(c) => {
            setDismissed(c);
            void data.dismissName?.(c.key, c.text);
          }}
          dismissed={dismissed}
          onUndoDismiss={() => {
            if (!dismissed) return;
            setDismissed(null);
            void data.undismissName?.(dismissed.key);
          }}
        />
      )}
      {exchange && (
        <section class="exchange">
          <ExportControl
            i18n={i18n}
            scope={t('exportScopeFiltered')}
            onExport={(format, mentions) =>
              exchange.exportAnnotations(
                { site: filters.site, from: filters.from, to: filters.to, entity: selected ?? undefined },
                format,
                mentions,
              )
            }
          />
          <ImportControl
            i18n={i18n}
            title={t('importTitle')}
            onImport={(text, progress) => exchange.importAnnotations(text, progress)}
          />
        </section>
      )}
    </main>
  );
}

/**
 * Names Rasid does not know that the reader keeps meeting (issue 13): suggested on two pages or more,
 * ranked by pages and sites, each with what the reader can do with it.
 */
function Candidates({
  i18n,
  candidates,
  onAdd,
  onDismiss,
  dismissed,
  onUndoDismiss,
}: {
  i18n: Translator;
  candidates: readonly NameCandidate[];
  onAdd(candidate: NameCandidate, type: EntityType): void;
  onDismiss(candidate: NameCandidate): void;
  /** The candidate last dismissed, until undone. */
  dismissed: NameCandidate | null;
  onUndoDismiss(): void;
}) {
  const { t, formatNumber, formatDate } = i18n;
  return (
    <section class="candidates" aria-labelledby="rasid-candidates" data-testid="candidates">
      <h2 id="rasid-candidates">{t('candidatesTitle')}</h2>
      <p class="note">{t('candidatesNote')}</p>
      {dismissed && <DismissedNotice i18n={i18n} text={dismissed.text} onUndo={onUndoDismiss} />}
      {!candidates.length && <p role="status">{t('noCandidates')}</p>}
      {!!candidates.length && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('colName')}</th>
              <th scope="col">{t('colPages')}</th>
              <th scope="col">{t('colSites')}</th>
              <th scope="col">{t('colLast')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('suggestionsTitle')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {candidates.map((c) => (
              <tr key={c.key} data-candidate={c.key}>
                <th scope="row">
                  <span lang="ar" dir="rtl">
                    {c.text}
                  </span>{' '}
                  <span class="kind">{t(`kind-${c.kind}`)}</span>
                  <blockquote dir="auto">{c.sentence}</blockquote>
                </th>
                <td data-testid="pages">{formatNumber(c.pages)}</td>
                <td data-testid="sites">{formatNumber(c.sites)}</td>
                <td>{formatDate(c.lastSeen)}</td>
                <td class="actions">
                  <button
                    type="button"
                    class="add-actor"
                    aria-label={t('addActorLabel', { name: c.text })}
                    onClick={() => onAdd(c, 'actor')}
                  >
                    {t('addAsActor')}
                  </button>{' '}
                  <button
                    type="button"
                    class="add-place"
                    aria-label={t('addPlaceLabel', { name: c.text })}
                    onClick={() => onAdd(c, 'place')}
                  >
                    {t('addAsPlace')}
                  </button>{' '}
                  <button
                    type="button"
                    class="dismiss"
                    aria-label={t('notANameLabel', { name: c.text })}
                    onClick={() => onDismiss(c)}
                  >
                    {t('notAName')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * An entity's part of the team's reading (issue #17): the sites and pages the reader's teammates saw it
 * on, each with who saw it there first. Titles and names come from the team: shown as text.
 */
function TeamReading({ i18n, team }: { i18n: Translator; team: TeamEntityDetail }) {
  const { t, formatDate } = i18n;
  return (
    <section class="team-reading" aria-labelledby="rasid-team-reading" data-testid="team-reading">
      <h3 id="rasid-team-reading">{t('teamReading')}</h3>
      {!team.total && <p class="meta">{t('teamNotSeen')}</p>}
      {!!team.sites.length && (
        <>
          <h4>{t('teamSitesTitle')}</h4>
          <ul class="team-sites" data-testid="team-sites">
            {team.sites.map((s) => (
              <li key={s.site} dir="auto">
                {t('teamSiteLine', {
                  site: s.site,
                  pages: t('pagesCount', { n: s.pages }),
                  name: s.firstBy,
                  date: formatDate(s.firstSeen),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      {!!team.pages.length && (
        <>
          <h4>{t('teamPagesTitle')}</h4>
          <ul class="team-pages" data-testid="team-pages">
            {team.pages.map((p) => (
              <li key={p.page}>
                {/* The team's address, linked only when it is a web page's (never a script's). */}
                {/^https?:\/\//u.test(p.page) ? (
                  <a href={p.page} target="_blank" rel="noreferrer noopener" dir="auto">
                    {p.title}
                  </a>
                ) : (
                  <span dir="auto">{p.title}</span>
                )}{' '}
                <span class="meta">
                  <span dir="ltr">{p.site}</span> ·{' '}
                  <span dir="auto">
                    {t('teamPageLine', { name: p.firstBy, date: formatDate(p.firstSeen) })}
                  </span>
                </span>
              </li>
            ))}
          </ul>
          {team.total > team.pages.length && (
            <p class="meta">{t('teamMorePages', { n: team.total - team.pages.length })}</p>
          )}
        </>
      )}
    </section>
  );
}
