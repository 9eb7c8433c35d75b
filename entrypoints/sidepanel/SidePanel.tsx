import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AnnotationRow } from '../../lib/model/annotation.ts';
import type { EntityHistory } from '../../lib/model/mention.ts';
import type { PanelData } from '../../lib/model/panel.ts';
import type { Settings } from '../../lib/model/settings.ts';
import type { Translator } from '../../lib/i18n/i18n.ts';
import { onChange } from '../../lib/browser/on-change.ts';
import { sendMessage, sendToTab } from '../../lib/browser/send-message.ts';
import { siteOf } from '../../lib/pages/page-key.ts';
import { HistoryControls, type ForgetWhat } from '../../components/HistoryControls.tsx';
import { PageSummary, type PanelState } from '../../components/PageSummary.tsx';
import { ExportControl } from '../../components/ExchangeControls.tsx';
import { Fold } from '../../components/Fold.tsx';
import { pageExchange } from '../../lib/browser/page-exchange.ts';
import { pageKey } from '../../lib/pages/page-key.ts';

interface Props {
  i18n: Translator;
  /** Show this tab instead of following the active one. */
  pinnedTabId?: number | undefined;
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The page panel: wires the browser (active tab, background, the tab's reader) to `PageSummary`. */
export function SidePanel({ i18n, pinnedTabId }: Props) {
  const [state, setState] = useState<PanelState>({ kind: 'loading' });
  const [exchange] = useState(() => pageExchange(i18n.lang));
  // The annotation deleted last, until it is restored or the panel moves on: what "Undo" puts back.
  const [deleted, setDeleted] = useState<AnnotationRow | null>(null);
  // The name last dismissed (“Not a name”), until undone or another is.
  const [dismissed, setDismissed] = useState<{ key: string; text: string } | null>(null);
  const [ownNames, setOwnNames] = useState<Record<string, string>>({});
  const [history, setHistory] = useState<Record<string, EntityHistory>>({});
  // The reader's team (issue #17): their annotations get a share switch while they are in one. It
  // comes with every refresh: a panel whose first question went unanswered still learns it.
  const [team, setTeam] = useState<PanelData['team']>(null);
  const tab = useRef<{ id?: number; site?: string }>({});
  /** The refreshes begun: only the latest one's answers are shown. */
  const refreshes = useRef(0);

  const refresh = useCallback(async () => {
    const tabId = pinnedTabId ?? (await activeTabId());
    if (tabId === undefined) return;
    const mine = ++refreshes.current;
    // The tab is known from the start: a change to it told while this refresh waits (its annotations
    // anchored just after the reader answered) begins another, which shows what this one missed.
    if (tab.current.id !== tabId) tab.current = { id: tabId };
    // Two questions per refresh: the tab's reader, then the background, about that page.
    const reader = await sendToTab(tabId, 'reader/state', {});
    const around = await sendMessage('panel/state', {
      tabId,
      url: reader.ok ? reader.value.url : null,
      canonical: reader.ok ? reader.value.canonical : null,
      entities: reader.ok ? reader.value.entities.map((e) => e.id) : [],
    });
    if (mine !== refreshes.current) return;
    if (!around.ok) return setState({ kind: 'error', message: around.error });
    const url = reader.ok ? reader.value.url : around.value.page?.address;
    if (!url) return setState({ kind: 'empty' });
    tab.current = { id: tabId, site: siteOf(url) };
    setOwnNames(around.value.ownNames);
    setTeam(around.value.team);
    setHistory(Object.fromEntries(around.value.history.map((h) => [h.entity, h])));
    setState({
      kind: 'page',
      page: around.value.page,
      reader: reader.ok ? reader.value : null,
      settings: around.value.settings,
    });
  }, [pinnedTabId]);

  useEffect(() => {
    // One refresh per burst of changes to this tab's page or reader, or to what the panel lists.
    const stop = onChange(
      ['pages', 'reader', 'annotations', 'settings', 'lexicon', 'history', 'team'],
      (tabs) => {
        if (tabs.has(tab.current.id) || tabs.has(undefined)) void refresh();
      },
    );
    const onActivated = () => void refresh();
    const onUpdated = (id: number, change: { status?: string }) => {
      if (id === tab.current.id && change.status === 'complete') void refresh();
    };
    if (pinnedTabId === undefined) browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    void refresh();
    return () => {
      stop();
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [pinnedTabId, refresh]);

  const withTab = (f: (id: number, site: string) => Promise<unknown>) => {
    const { id, site } = tab.current;
    if (id !== undefined && site) void f(id, site);
  };

  const forgetting = (what: ForgetWhat) => {
    const { site } = tab.current;
    const reader = state.kind === 'page' ? state.reader : null;
    if (what === 'page' && reader)
      return { scope: 'page' as const, url: reader.url, canonical: reader.canonical };
    if (what === 'site' && site) return { scope: 'site' as const, site };
    return { scope: 'all' as const };
  };

  const shownReader = state.kind === 'page' ? state.reader : null;
  return (
    <PageSummary
      i18n={i18n}
      state={state}
      canUndo={!!deleted}
      ownNames={ownNames}
      history={history}
      links={
        <>
          <button
            type="button"
            class="open-dashboard"
            onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') })}
          >
            {i18n.t('openDashboard')}
          </button>
          <button
            type="button"
            class="open-notebook"
            onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/notebook.html') })}
          >
            {i18n.t('openNotebook')}
          </button>
          <button type="button" class="open-lexicon" onClick={() => void browser.runtime.openOptionsPage()}>
            {i18n.t('lexiconTitle')}
          </button>
        </>
      }
      onRevealAnnotation={(id) => withTab((tabId) => sendToTab(tabId, 'annotations/reveal', { id }))}
      onDeleteAnnotation={(id) =>
        withTab(async (tabId) => {
          const removed = await sendMessage('annotation/delete', { id });
          if (removed.ok) setDeleted(removed.value);
          await sendToTab(tabId, 'annotations/refresh', {});
        })
      }
      team={team}
      onShareAnnotation={(row, shared) =>
        withTab(async (tabId) => {
          const draft = {
            id: row.id,
            selector: row.target.selector,
            body: row.body,
            base: row.modified,
            shared,
          };
          await sendMessage('annotation/save', { draft, url: row.target.source, canonical: null });
          await sendToTab(tabId, 'annotations/refresh', {});
        })
      }
      onUndo={() =>
        withTab(async (tabId) => {
          if (!deleted) return;
          const restored = await sendMessage('annotation/restore', { id: deleted.id });
          if (restored.ok) setDeleted(null);
          await sendToTab(tabId, 'annotations/refresh', {});
        })
      }
      // A name added or dismissed changes the reader's lexicon: the background tells every tab to read
      // its page again (the name now known, or no longer suggested), and this panel follows the tab.
      onAddName={(name, type) => void sendMessage('entity/create', { name: name.text, type })}
      onDismissName={(name) => {
        setDismissed({ key: name.key, text: name.text });
        void sendMessage('names/dismiss', { key: name.key, text: name.text });
      }}
      dismissed={dismissed?.text ?? null}
      onUndoDismiss={() => {
        if (!dismissed) return;
        setDismissed(null);
        void sendMessage('names/undismiss', { key: dismissed.key });
      }}
      onReveal={(entityId) => withTab((id) => sendToTab(id, 'reader/reveal', { entityId, direction: 1 }))}
      onHide={(entityId, hidden) => withTab((id) => sendToTab(id, 'reader/hide', { entityId, hidden }))}
      onSettings={(patch: Partial<Settings>) =>
        withTab(async (id, site) => {
          await sendMessage('settings/set', { site, patch });
          await sendToTab(id, 'reader/refresh', {});
        })
      }
    >
      {shownReader && (
        <Fold id="rasid-export" class="export-section" open={false} heading={i18n.t('exportTitle')}>
          <ExportControl
            i18n={i18n}
            scope={i18n.t('exportScopePage')}
            onExport={(format, mentions) =>
              exchange.exportAnnotations(
                { page: pageKey(shownReader.url, shownReader.canonical) },
                format,
                mentions,
              )
            }
          />
        </Fold>
      )}
      <HistoryControls
        i18n={i18n}
        count={async (what) => {
          if (what === 'page') return 1;
          const site = what === 'site' ? (tab.current.site ?? null) : null;
          const counted = await sendMessage('history/count', { site });
          return counted.ok ? counted.value.pages : 0;
        }}
        onForget={async (what) => {
          const done = await sendMessage('history/forget', forgetting(what));
          return done.ok ? done.value.pages : 0;
        }}
      />
    </PageSummary>
  );
}
