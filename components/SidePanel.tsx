import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AnnotationRow } from '../lib/db/annotation.ts';
import type { EntityHistory } from '../lib/db/mention.ts';
import type { Settings } from '../lib/db/settings.ts';
import type { Translator } from '../lib/i18n/i18n.ts';
import type { Notification } from '../lib/messages/protocol.ts';
import { sendMessage, sendToTab } from '../lib/messages/send-message.ts';
import { siteOf } from '../lib/pages/page-key.ts';
import { HistoryControls, type ForgetWhat } from './HistoryControls.tsx';
import { PageSummary, type PanelState } from './PageSummary.tsx';
import { ExportControl } from './ExchangeControls.tsx';
import { pageExchange } from '../lib/exchange/page-exchange.ts';
import { pageKey } from '../lib/pages/page-key.ts';

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
  const [ownNames, setOwnNames] = useState<Record<string, string>>({});
  const [history, setHistory] = useState<Record<string, EntityHistory>>({});
  const tab = useRef<{ id?: number; site?: string }>({});

  const refresh = useCallback(async () => {
    const tabId = pinnedTabId ?? (await activeTabId());
    if (tabId === undefined) return;
    const [page, reader] = await Promise.all([
      sendMessage('page/get', { tabId }),
      sendToTab(tabId, 'reader/state', {}),
    ]);
    if (!page.ok) return setState({ kind: 'error', message: page.error });
    const url = reader.ok ? reader.value.url : page.value?.page.url;
    if (!url) return setState({ kind: 'empty' });
    const site = siteOf(url);
    tab.current = { id: tabId, site };
    const [settings, own] = await Promise.all([
      sendMessage('settings/get', { site }),
      sendMessage('entity/list', {}),
    ]);
    if (own.ok) setOwnNames(Object.fromEntries(own.value.map((e) => [e.id, e.name])));
    if (reader.ok) {
      const { url: address, canonical, entities } = reader.value;
      const remembered = await sendMessage('entity/history', {
        url: address,
        canonical,
        entities: entities.map((e) => e.id),
      });
      if (remembered.ok) setHistory(Object.fromEntries(remembered.value.map((h) => [h.entity, h])));
    }
    setState({
      kind: 'page',
      page: page.value?.page ?? null,
      reader: reader.ok ? reader.value : null,
      settings: settings.ok ? settings.value : null,
    });
  }, [pinnedTabId]);

  useEffect(() => {
    const onMessage = (message: unknown, sender: { tab?: { id?: number } }) => {
      const n = message as Partial<Notification>;
      const id = tab.current.id;
      if (
        (n.type === 'page/changed' && n.payload && 'tabId' in n.payload && n.payload.tabId === id) ||
        (n.type === 'reader/changed' && sender.tab?.id === id)
      )
        void refresh();
    };
    const onActivated = () => void refresh();
    const onUpdated = (id: number, change: { status?: string }) => {
      if (id === tab.current.id && change.status === 'complete') void refresh();
    };
    browser.runtime.onMessage.addListener(onMessage);
    if (pinnedTabId === undefined) browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    void refresh();
    return () => {
      browser.runtime.onMessage.removeListener(onMessage);
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
    <>
      <PageSummary
        i18n={i18n}
        state={state}
        canUndo={!!deleted}
        ownNames={ownNames}
        history={history}
        onRevealAnnotation={(id) => withTab((tabId) => sendToTab(tabId, 'annotations/reveal', { id }))}
        onDeleteAnnotation={(id) =>
          withTab(async (tabId) => {
            const removed = await sendMessage('annotation/delete', { id });
            if (removed.ok) setDeleted(removed.value);
            await sendToTab(tabId, 'annotations/refresh', {});
          })
        }
        onUndo={() =>
          withTab(async (tabId) => {
            if (!deleted) return;
            // Restored under the key it had: the canonical link it was saved with is already in it.
            const restored = await sendMessage('annotation/save', {
              annotation: deleted,
              canonical: deleted.page,
            });
            if (restored.ok) setDeleted(null);
            await sendToTab(tabId, 'annotations/refresh', {});
          })
        }
        onReveal={(entityId) => withTab((id) => sendToTab(id, 'reader/reveal', { entityId, direction: 1 }))}
        onHide={(entityId, hidden) => withTab((id) => sendToTab(id, 'reader/hide', { entityId, hidden }))}
        onSettings={(patch: Partial<Settings>) =>
          withTab(async (id, site) => {
            await sendMessage('settings/set', { site, patch });
            await sendToTab(id, 'reader/refresh', {});
            await refresh();
          })
        }
      />
      {state.kind === 'page' && (
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
            await refresh();
            return done.ok ? done.value.pages : 0;
          }}
        />
      )}
      {shownReader && (
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
      )}
      <p class="open-dashboard">
        <button
          type="button"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') })}
        >
          {i18n.t('openDashboard')}
        </button>{' '}
        <button type="button" class="open-lexicon" onClick={() => void browser.runtime.openOptionsPage()}>
          {i18n.t('lexiconTitle')}
        </button>
      </p>
    </>
  );
}
