import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { Notebook } from '../../components/Notebook.tsx';
import type { NotebookFilters, NotebookItem, NotebookPage, NotebookQuery } from '../../lib/model/notebook.ts';
import { pageTranslator } from '../../lib/browser/browser-translator.ts';
import { onChange } from '../../lib/browser/on-change.ts';
import { sendMessage, sendToAllTabs } from '../../lib/browser/send-message.ts';
import { pageExchange } from '../../lib/browser/page-exchange.ts';
import { openAnnotation } from '../../lib/browser/open-annotation.ts';
import { hashFromQuery, queryFromHash } from '../../lib/notebook/notebook-address.ts';

const i18n = pageTranslator('notebookTitle');
const exchange = pageExchange(i18n.lang);
/** One screen: what is asked first, and at each "more". */
const SCREEN = 50;
const FIRST_SCREEN = 'rasid-notebook-first-screen';

/** The filters alone (an export takes exactly what they select, in no particular screen). */
const filtersOf = ({
  q,
  tag,
  color,
  entity,
  site,
  from,
  to,
  orphans,
  dates,
}: NotebookQuery): NotebookFilters =>
  Object.fromEntries(
    Object.entries({ q, tag, color, entity, site, from, to, orphans, dates }).filter(
      ([, v]) => v !== undefined,
    ),
  );

/** Tabs showing an annotation repaint it after the notebook changed it. */
const refreshTabs = () => void sendToAllTabs('annotations/refresh', {});

/**
 * The notebook: its query lives in the address (`#q=…&tag=…`), so Back, Forward, reload and
 * bookmarks bring a view back; every answer comes from the background, which owns the database.
 */
function NotebookPageView() {
  const [query, setQuery] = useState<NotebookQuery>(() => queryFromHash(location.hash));
  const [page, setPage] = useState<NotebookPage | null>(null);
  const [deleted, setDeleted] = useState<NotebookItem | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Answers can overtake each other while the reader types: only the latest question's is shown.
  const asked = useRef(0);
  const shown = useRef(SCREEN);

  const load = useCallback(async (q: NotebookQuery, limit: number) => {
    const run = ++asked.current;
    const reply = await sendMessage('notebook/query', { ...q, limit: Math.min(limit, 200) });
    if (run !== asked.current) return;
    if (!reply.ok) return setError(reply.error);
    setError(null);
    shown.current = Math.max(SCREEN, reply.value.items.length);
    setPage(reply.value);
  }, []);

  useEffect(() => {
    void load(query, SCREEN);
  }, [query, load]);

  // When the first screen is drawn (after the render that shows it): what `npm run bench:notebook` reads.
  useEffect(() => {
    if (page && !performance.getEntriesByName(FIRST_SCREEN).length) performance.mark(FIRST_SCREEN);
  }, [page]);

  useEffect(() => {
    const onHash = () => setQuery(queryFromHash(location.hash));
    addEventListener('hashchange', onHash);
    // What the notebook lists changed elsewhere (a tab, an import, the panel): the same view, again.
    const stop = onChange(['annotations', 'pages', 'lexicon', 'history'], () => {
      void load(queryFromHash(location.hash), shown.current);
    });
    return () => {
      removeEventListener('hashchange', onHash);
      stop();
    };
  }, [load]);

  const onQuery = (next: NotebookQuery) => {
    const hash = hashFromQuery(next);
    const url = `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
    // Typing a search replaces the address (Back does not walk through every letter); a filter or an
    // order chosen is a step of its own.
    const typing = hashFromQuery({ ...next, q: undefined }) === hashFromQuery({ ...query, q: undefined });
    if (typing) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    setQuery(next);
  };

  return (
    <>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <Notebook
        i18n={i18n}
        query={query}
        page={page}
        onQuery={onQuery}
        onMore={() => {
          if (!page) return;
          const offset = page.items.length;
          void sendMessage('notebook/query', { ...query, offset, limit: SCREEN }).then((reply) => {
            if (!reply.ok) return setError(reply.error);
            shown.current = offset + reply.value.items.length;
            setPage({ ...reply.value, items: [...page.items, ...reply.value.items] });
          });
        }}
        onOpen={(item) => {
          void openAnnotation(item.row).catch((e: unknown) =>
            setError(i18n.t('notebookOpenFailed', { message: String(e) })),
          );
        }}
        onSave={async (item, note, tags) => {
          const { row } = item;
          const reply = await sendMessage('annotation/save', {
            draft: {
              id: row.id,
              selector: row.target.selector,
              body: { ...row.body, note, tags },
              base: row.modified,
            },
            url: row.target.source,
            canonical: null,
          });
          if (!reply.ok) return reply.error;
          refreshTabs();
          return 'stale' in reply.value ? i18n.t('staleAnnotation') : null;
        }}
        onDelete={(item) => {
          void sendMessage('annotation/delete', { id: item.row.id }).then((reply) => {
            if (reply.ok && reply.value) setDeleted(item);
            refreshTabs();
          });
        }}
        deleted={deleted}
        onUndo={() => {
          if (!deleted) return;
          void sendMessage('annotation/restore', { id: deleted.row.id }).then(() => {
            setDeleted(null);
            refreshTabs();
          });
        }}
        onRenameTag={async (from, to) => {
          const reply = await sendMessage('notebook/rename-tag', { from, to });
          if (!reply.ok) {
            setError(reply.error);
            return 0;
          }
          // The filter follows a renamed tag.
          if (query.tag === from) onQuery({ ...query, tag: to });
          refreshTabs();
          return reply.value.changed;
        }}
        onExport={(format, mentions) =>
          exchange.exportAnnotations({ notebook: filtersOf(query) }, format, mentions)
        }
      />
    </>
  );
}

render(<NotebookPageView />, document.getElementById('app')!);
