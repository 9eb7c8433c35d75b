import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Translator } from '../lib/i18n/i18n.ts';
import type { Notification, TabPage } from '../lib/messages/protocol.ts';
import { sendMessage } from '../lib/messages/send-message.ts';
import { PageSummary, type PanelState } from './PageSummary.tsx';

interface Props {
  i18n: Translator;
  /** Show this tab instead of following the active one. */
  pinnedTabId?: number | undefined;
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The page panel: wires the browser (active tab, background messages) to `PageSummary`. */
export function SidePanel({ i18n, pinnedTabId }: Props) {
  const [state, setState] = useState<PanelState>({ kind: 'loading' });

  useEffect(() => {
    const abort = new AbortController();
    let tabId: number | undefined;

    const refresh = async () => {
      tabId = pinnedTabId ?? (await activeTabId());
      if (tabId === undefined || abort.signal.aborted) return;
      const reply = await sendMessage('page/get', { tabId });
      if (abort.signal.aborted) return;
      if (!reply.ok) setState({ kind: 'error', message: reply.error });
      else
        setState(
          reply.value ? { kind: 'page', page: (reply.value satisfies TabPage).page } : { kind: 'empty' },
        );
    };

    const onMessage = (message: unknown) => {
      const n = message as Partial<Notification>;
      if (n.type === 'page/changed' && n.payload?.tabId === tabId) void refresh();
    };
    const onActivated = () => void refresh();
    const onUpdated = (id: number, change: { status?: string }) => {
      if (id === tabId && change.status === 'complete') void refresh();
    };

    browser.runtime.onMessage.addListener(onMessage);
    if (pinnedTabId === undefined) browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    void refresh();
    return () => {
      abort.abort();
      browser.runtime.onMessage.removeListener(onMessage);
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [pinnedTabId]);

  return <PageSummary i18n={i18n} state={state} />;
}
