import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { ANNOTATION_COLORS, type AnnotationColor } from '../lib/model/annotation.ts';
import type { ExportFormat } from '../lib/model/exchange.ts';
import type { NotebookItem, NotebookPage, NotebookQuery } from '../lib/model/notebook.ts';
import type { Translator } from '../lib/i18n/i18n.ts';
import { DateBasis, DateRange } from './DateFilters.tsx';
import { ExportControl } from './ExchangeControls.tsx';
import { parseTags } from './AnnotationToolbar.tsx';

export interface NotebookProps {
  i18n: Translator;
  /** What the address says: the search, the filters and the order. */
  query: NotebookQuery;
  /** The first screens of the answer (null while the first is asked). */
  page: NotebookPage | null;
  /** A new search, filter or order: the container writes it to the address. */
  onQuery(query: NotebookQuery): void;
  /** The next screen. */
  onMore(): void;
  /** Opens the annotation's page, scrolled to it, with a flash. */
  onOpen(item: NotebookItem): void;
  /** Saves a note and tags; resolves with an error to show, or null. */
  onSave(item: NotebookItem, note: string, tags: string[]): Promise<string | null>;
  onDelete(item: NotebookItem): void;
  /** The annotation deleted last, if it can still be put back. */
  deleted: NotebookItem | null;
  onUndo(): void;
  /** Renames (or merges) a tag on every annotation; resolves with how many changed. */
  onRenameTag(from: string, to: string): Promise<number>;
  /** Exports exactly what the search and filters select. */
  onExport(format: ExportFormat, mentions: boolean): Promise<string>;
}

/**
 * The notebook (issue 14): every annotation across pages, searchable and filtered, newest first or by
 * page. Quotes and notes are plain text in their own direction (`dir=auto`); nothing of a page or an
 * import is inserted as HTML.
 */
export function Notebook(props: NotebookProps) {
  const { i18n, query, page, onQuery } = props;
  const { t, formatNumber } = i18n;
  const set = (patch: Partial<NotebookQuery>) => onQuery({ ...query, ...patch });
  const items = page?.items ?? [];
  return (
    <main class="notebook">
      <h1>{t('notebookTitle')}</h1>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <input
          type="search"
          name="q"
          dir="auto"
          value={query.q ?? ''}
          aria-label={t('notebookSearch')}
          placeholder={t('notebookSearch')}
          onInput={(e) => set({ q: e.currentTarget.value || undefined })}
        />
        <select
          name="tag"
          aria-label={t('notebookAllTags')}
          value={query.tag ?? ''}
          onChange={(e) => set({ tag: e.currentTarget.value || undefined })}
        >
          <option value="">{t('notebookAllTags')}</option>
          {query.tag && !page?.tags.some((x) => x.tag === query.tag) && (
            <option value={query.tag}>{query.tag}</option>
          )}
          {page?.tags.map(({ tag, count }) => (
            <option key={tag} value={tag}>{`${tag} (${formatNumber(count)})`}</option>
          ))}
        </select>
        <select
          name="color"
          aria-label={t('notebookAllColors')}
          value={query.color ?? ''}
          onChange={(e) =>
            set({ color: (e.currentTarget.value || undefined) as AnnotationColor | undefined })
          }
        >
          <option value="">{t('notebookAllColors')}</option>
          {ANNOTATION_COLORS.map((c) => (
            <option key={c} value={c}>
              {t(c)}
            </option>
          ))}
        </select>
        <select
          name="entity"
          aria-label={t('notebookAllEntities')}
          value={query.entity ?? ''}
          onChange={(e) => set({ entity: e.currentTarget.value || undefined })}
        >
          <option value="">{t('notebookAllEntities')}</option>
          {page?.entities.map((e) => (
            <option key={e.id} value={e.id}>
              {i18n.lang === 'ar' ? e.ar : e.en}
            </option>
          ))}
        </select>
        <select
          name="site"
          aria-label={t('allSites')}
          value={query.site ?? ''}
          onChange={(e) => set({ site: e.currentTarget.value || undefined })}
        >
          <option value="">{t('allSites')}</option>
          {page?.sites.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <DateRange t={t} from={query.from} to={query.to} onChange={set} />
        {/* Which date the range is of (issue 14): publication where the page gives one, or reading. */}
        <DateBasis t={t} value={query.dates ?? 'published'} onChange={(dates) => set({ dates })} />
        <label>
          <input
            type="checkbox"
            name="orphans"
            checked={!!query.orphans}
            onChange={(e) => set({ orphans: e.currentTarget.checked || undefined })}
          />
          {t('notebookOrphansOnly')}
        </label>
        <select
          name="order"
          aria-label={t('notebookOrder')}
          value={query.order ?? 'newest'}
          onChange={(e) => set({ order: e.currentTarget.value === 'page' ? 'page' : undefined })}
        >
          <option value="newest">{t('notebookNewest')}</option>
          <option value="page">{t('notebookByPage')}</option>
        </select>
      </form>
      {page && (
        <p class="count" role="status" data-testid="count">
          {t('notebookCount', { n: page.total, all: formatNumber(page.all) })}
        </p>
      )}
      {props.deleted && (
        <p class="undo-bar" role="status">
          {t('deleted')}{' '}
          <button type="button" class="undo" onClick={props.onUndo}>
            {t('undo')}
          </button>
        </p>
      )}
      {page && !page.all && <p class="empty">{t('notebookEmpty')}</p>}
      <ol class="annotations" data-testid="annotations">
        {items.map((item, i) => (
          <Fragment key={item.row.id}>
            {query.order === 'page' && item.row.page !== items[i - 1]?.row.page && (
              <li class="page-heading" role="presentation">
                <PageLine i18n={i18n} item={item} heading />
              </li>
            )}
            <AnnotationItem {...props} item={item} showPage={query.order !== 'page'} />
          </Fragment>
        ))}
      </ol>
      {page && items.length < page.total && (
        <button type="button" class="more" onClick={props.onMore}>
          {t('notebookMore', { n: page.total - items.length })}
        </button>
      )}
      {page && !!page.tags.length && <TagManager {...props} tags={page.tags} />}
      <section class="exchange">
        <ExportControl i18n={i18n} scope={t('notebookExportScope')} onExport={props.onExport} />
      </section>
    </main>
  );
}

/** The page an annotation is on: its title, site and the date it was last read. */
function PageLine({ i18n, item, heading }: { i18n: Translator; item: NotebookItem; heading?: boolean }) {
  const Title = heading ? 'h2' : 'span';
  return (
    <>
      <Title class="title" dir="auto">
        {item.title}
      </Title>{' '}
      <span class="meta">
        {item.site}
        {item.published !== null && (
          <span data-testid="published">{` · ${i18n.t('published', { date: i18n.formatDay(item.published) })}`}</span>
        )}
        {item.read !== null && ` · ${i18n.t('notebookRead', { date: i18n.formatDate(item.read) })}`}
      </span>
    </>
  );
}

function AnnotationItem({
  i18n,
  item,
  showPage,
  onOpen,
  onSave,
  onDelete,
}: NotebookProps & { item: NotebookItem; showPage: boolean }) {
  const { t, formatDate } = i18n;
  const { row } = item;
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(row.body.note);
  const [tags, setTags] = useState(row.body.tags.join('، '));
  const [error, setError] = useState<string | null>(null);
  const edit = () => {
    setNote(row.body.note);
    setTags(row.body.tags.join(i18n.lang === 'ar' ? '، ' : ', '));
    setError(null);
    setEditing(true);
  };
  return (
    <li class={`annotation color-${row.body.color}`} data-annotation={row.id} data-anchor={item.anchor}>
      {showPage && (
        <p class="page">
          <PageLine i18n={i18n} item={item} />
        </p>
      )}
      <blockquote data-testid="quote" dir="auto">
        {row.target.selector.quote.exact}
      </blockquote>
      {editing ? (
        <form
          class="edit"
          onSubmit={(e) => {
            e.preventDefault();
            void onSave(item, note, parseTags(tags)).then((problem) => {
              setError(problem);
              if (!problem) setEditing(false);
            });
          }}
        >
          <label>
            {t('note')}
            <textarea name="note" dir="auto" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <label>
            {t('tags')}
            <input name="tags" dir="auto" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
          </label>
          {error && <p role="alert">{error}</p>}
          <button type="submit" class="save">
            {t('save')}
          </button>{' '}
          <button type="button" class="cancel" onClick={() => setEditing(false)}>
            {t('cancel')}
          </button>
        </form>
      ) : (
        <>
          {row.body.note && (
            <p class="note" data-testid="note" dir="auto">
              {row.body.note}
            </p>
          )}
          {!!row.body.tags.length && (
            <ul class="tags" data-testid="tags">
              {row.body.tags.map((tag) => (
                <li key={tag} dir="auto">
                  {tag}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <p class="meta">
        <span class="swatch" aria-hidden="true" /> {t(row.body.color)} · {formatDate(row.created)}
        {item.entity && (
          <>
            {' · '}
            {t('linkedTo', { name: i18n.lang === 'ar' ? item.entity.ar : item.entity.en })}
          </>
        )}
        {item.anchor === 'orphan' && (
          <>
            {' · '}
            <span class="orphan" data-testid="orphan">
              {t('orphan')}
            </span>
          </>
        )}
      </p>
      <p class="actions">
        <button type="button" class="open" onClick={() => onOpen(item)}>
          {t('notebookOpen')}
        </button>{' '}
        {!editing && (
          <button type="button" class="edit-button" onClick={edit}>
            {t('notebookEdit')}
          </button>
        )}{' '}
        <button type="button" class="delete" onClick={() => onDelete(item)}>
          {t('delete')}
        </button>
      </p>
    </li>
  );
}

/** Renames a tag on every annotation; a name already used merges the two. */
function TagManager({ i18n, tags, onRenameTag }: NotebookProps & { tags: NotebookPage['tags'] }) {
  const { t } = i18n;
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const merging = !!to.trim() && tags.some((x) => x.tag === to.trim()) && to.trim() !== from;
  return (
    <fieldset class="tag-manager">
      <legend>{t('notebookTags')}</legend>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!from || !to.trim()) return;
          void onRenameTag(from, to.trim()).then((n) => {
            setDone(t('notebookRenamed', { n }));
            setTo('');
            setFrom('');
          });
        }}
      >
        <select
          name="rename-from"
          aria-label={t('notebookRenameFrom')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        >
          <option value="">{t('notebookRenameFrom')}</option>
          {tags.map(({ tag }) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>{' '}
        <input
          name="rename-to"
          dir="auto"
          aria-label={t('notebookRenameTo')}
          placeholder={t('notebookRenameTo')}
          value={to}
          onInput={(e) => setTo(e.currentTarget.value)}
        />{' '}
        <button type="submit" class="rename" disabled={!from || !to.trim()}>
          {merging ? t('notebookMerge') : t('notebookRename')}
        </button>
      </form>
      {done && (
        <p role="status" data-testid="renamed">
          {done}
        </p>
      )}
    </fieldset>
  );
}
