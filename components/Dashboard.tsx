import { useEffect, useState } from 'preact/hooks';
import type { EntityDetail, RankedEntity, RankingFilters } from '../lib/model/dashboard.ts';
import type { ImportResult } from '../lib/model/import-report.ts';
import type { ExportFormat, ExportScope } from '../lib/model/exchange.ts';
import type { Translator } from '../lib/i18n/i18n.ts';
import { ExportControl, ImportControl } from './ExchangeControls.tsx';
import { SUBTYPE_KEYS, subtypeName } from '../lib/i18n/subtypes.ts';
import type { Entity, EntityType } from '../lib/lexicon/schema.ts';
import type { NameCandidate } from '../lib/model/suggestion.ts';
import { DismissedNotice } from './DismissedNotice.tsx';

export interface DashboardData {
  ranking(filters: RankingFilters): Promise<RankedEntity[]>;
  detail(entity: string): Promise<EntityDetail>;
  sites(): Promise<string[]>;
  /**
   * How many annotations the reader keeps (issue 14): with no pages read — a fresh profile after an
   * import — the empty ranking says they are there, in the notebook.
   */
  annotations?(): Promise<number>;
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

interface Props {
  i18n: Translator;
  lexicon: readonly Entity[];
  data: DashboardData;
  exchange?: DashboardExchange | undefined;
  /** Counts the changes to what Rasid remembers: each one re-reads what is shown. */
  revision?: number | undefined;
}

/** A date input's value as the start or the end of that day, in the reader's time zone. */
const dayStart = (value: string) => (value ? new Date(`${value}T00:00:00`).getTime() : undefined);
const dayEnd = (value: string) => (value ? new Date(`${value}T23:59:59.999`).getTime() : undefined);

/** Who appears where, across everything the reader has read. Page text is shown as text. */
export function Dashboard({ i18n, lexicon, data, exchange, revision = 0 }: Props) {
  const { t, formatDate, formatNumber } = i18n;
  const byId = new Map(lexicon.map((e) => [e.id, e]));
  const [filters, setFilters] = useState<RankingFilters>({});
  const [ranking, setRanking] = useState<RankedEntity[] | null>(null);
  const [sites, setSites] = useState<string[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [detail, setDetail] = useState<EntityDetail | null>(null);
  const [candidates, setCandidates] = useState<NameCandidate[] | null>(null);
  const [annotations, setAnnotations] = useState(0);
  // The candidate last dismissed (“Not a name”), until undone or another is.
  const [dismissed, setDismissed] = useState<NameCandidate | null>(null);

  useEffect(() => void data.sites().then(setSites), [data, revision]);
  useEffect(() => void data.candidates?.().then(setCandidates), [data, revision]);
  useEffect(() => void data.annotations?.().then(setAnnotations), [data, revision]);
  useEffect(() => void data.ranking(filters).then(setRanking), [data, filters, revision]);
  useEffect(() => {
    if (selected) void data.detail(selected).then(setDetail);
  }, [data, selected, revision]);

  const name = (id: string) => byId.get(id)?.ar ?? id;
  return (
    <main class="dashboard">
      <h1>{t('dashboard')}</h1>
      {/* The notebook (issue 14): every annotation, searchable; a plain link between Rasid's pages. */}
      <p class="open-notebook">
        <a href="notebook.html">{t('openNotebook')}</a>
      </p>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <input
          type="search"
          name="q"
          dir="auto"
          aria-label={t('searchNames')}
          placeholder={t('searchNames')}
          onInput={(e) => setFilters({ ...filters, query: e.currentTarget.value })}
        />
        <select
          name="type"
          aria-label={t('allTypes')}
          onChange={(e) =>
            setFilters({ ...filters, type: (e.currentTarget.value || undefined) as EntityType | undefined })
          }
        >
          <option value="">{t('allTypes')}</option>
          <option value="actor">{t('actors')}</option>
          <option value="place">{t('places')}</option>
        </select>
        <select
          name="subtype"
          aria-label={t('allSubtypes')}
          onChange={(e) => setFilters({ ...filters, subtype: e.currentTarget.value || undefined })}
        >
          <option value="">{t('allSubtypes')}</option>
          {SUBTYPE_KEYS.map((s) => (
            <option key={s} value={s}>
              {subtypeName(s, i18n.lang)}
            </option>
          ))}
        </select>
        <label>
          {t('from')}{' '}
          <input
            type="date"
            name="from"
            onChange={(e) => setFilters({ ...filters, from: dayStart(e.currentTarget.value) })}
          />
        </label>
        <label>
          {t('to')}{' '}
          <input
            type="date"
            name="to"
            onChange={(e) => setFilters({ ...filters, to: dayEnd(e.currentTarget.value) })}
          />
        </label>
        <select
          name="site"
          aria-label={t('allSites')}
          onChange={(e) => setFilters({ ...filters, site: e.currentTarget.value || undefined })}
        >
          <option value="">{t('allSites')}</option>
          {sites.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </form>
      {ranking && !ranking.length && (
        <p role="status" data-testid="no-history">
          {annotations ? t('noHistoryButAnnotations', { n: annotations }) : t('noHistory')}{' '}
          {!!annotations && <a href="notebook.html">{t('openNotebook')}</a>}
        </p>
      )}
      {!!ranking?.length && (
        <table class="ranking">
          <thead>
            <tr>
              <th scope="col">{t('colName')}</th>
              <th scope="col">{t('colPages')}</th>
              <th scope="col">{t('colSites')}</th>
              <th scope="col">{t('colFirst')}</th>
              <th scope="col">{t('colLast')}</th>
            </tr>
          </thead>
          <tbody>
            {ranking.map((r) => {
              const e = byId.get(r.entity);
              return (
                <tr key={r.entity} data-entity={r.entity} aria-selected={r.entity === selected}>
                  <th scope="row">
                    <button type="button" onClick={() => setSelected(r.entity)}>
                      <span lang="ar" dir="rtl">
                        {e?.ar ?? r.entity}
                      </span>{' '}
                      <span class="en" lang="en" dir="ltr">
                        {e?.en}
                      </span>
                    </button>
                    {e && <span class="kind">{`${t(e.type)} · ${subtypeName(e.subtype, i18n.lang)}`}</span>}
                  </th>
                  <td data-testid="pages">{formatNumber(r.pages)}</td>
                  <td data-testid="sites">{formatNumber(r.sites)}</td>
                  <td data-testid="first-seen">{formatDate(r.firstSeen)}</td>
                  <td>{formatDate(r.lastSeen)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {selected && detail?.entity === selected && (
        <section class="detail" aria-labelledby="rasid-detail" data-testid="detail">
          <h2 id="rasid-detail" lang="ar" dir="rtl">
            {name(selected)}
          </h2>
          <h3>{t('appearsOn')}</h3>
          <ul class="pages">
            {detail.pages.map((p) => (
              <li key={p.url}>
                <a href={p.address} target="_blank" rel="noreferrer noopener" dir="auto">
                  {p.title}
                </a>{' '}
                <span class="meta">
                  {p.site} · {formatDate(p.firstSeen)} · {t('mentions', { n: p.count })}
                </span>
                <blockquote dir="auto">{p.sentence}</blockquote>
              </li>
            ))}
          </ul>
          <h3>{t('appearsWith')}</h3>
          <ul class="with" data-testid="cooccurring">
            {detail.cooccurring.map((c) => (
              <li key={c.entity}>
                <button type="button" onClick={() => setSelected(c.entity)} lang="ar" dir="rtl">
                  {name(c.entity)}
                </button>{' '}
                ({t('pagesCount', { n: c.pages })})
              </li>
            ))}
          </ul>
          <h3>{t('timeline')}</h3>
          <ol class="timeline" data-testid="timeline">
            {detail.timeline.map((m) => (
              <li key={m.month}>
                <span class="month">{m.month}</span>
                <span class="bar" style={{ inlineSize: `${Math.min(100, m.pages * 12)}%` }} />
                {formatNumber(m.pages)}
              </li>
            ))}
          </ol>
        </section>
      )}
      {candidates && (
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
