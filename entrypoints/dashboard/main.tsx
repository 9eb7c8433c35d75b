import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Dashboard, type DashboardData, type Navigation } from '../../components/Dashboard.tsx';
import { hashFromView, viewFromHash, type DashboardView } from '../../lib/dashboard/dashboard-address.ts';
import { openAnnotation } from '../../lib/browser/open-annotation.ts';
import type { Entity } from '../../lib/lexicon/schema.ts';
import { emptyDetail } from '../../lib/model/dashboard.ts';
import { pageTranslator } from '../../lib/browser/browser-translator.ts';
import { adoptDesign } from '../../lib/design/tokens.ts';
import { onChange } from '../../lib/browser/on-change.ts';
import { sendMessage } from '../../lib/browser/send-message.ts';
import { mergedLexicon, pageExchange } from '../../lib/browser/page-exchange.ts';

const i18n = pageTranslator('dashboard');
adoptDesign(document);
const exchange = pageExchange(i18n.lang);

/** The dashboard's questions, asked of the background, which owns the database. */
const data: DashboardData = {
  async ranking(filters) {
    const r = await sendMessage('dashboard/ranking', filters);
    return r.ok ? r.value : [];
  },
  async detail(entity) {
    const r = await sendMessage('dashboard/entity', { entity });
    return r.ok ? r.value : emptyDetail(entity);
  },
  async sites() {
    const r = await sendMessage('dashboard/sites', {});
    return r.ok ? r.value : [];
  },
  async annotations() {
    const r = await sendMessage('annotations/count', {});
    return r.ok ? r.value.annotations : 0;
  },
  // The route the notebook takes: the annotation's tab (or a new one), scrolled to it and flashed.
  async openAnnotation({ id, page, source }) {
    await openAnnotation({ id, page, target: { source } }).catch((e: unknown) => console.warn(e));
  },
  async candidates() {
    const r = await sendMessage('dashboard/candidates', {});
    return r.ok ? r.value : [];
  },
  // Either changes the reader's lexicon: the change signal ('lexicon') reads the candidates again.
  async addName(name, type) {
    await sendMessage('entity/create', { name, type });
  },
  async dismissName(key, text) {
    await sendMessage('names/dismiss', { key, text });
  },
  async undismissName(key) {
    await sendMessage('names/undismiss', { key });
  },
};

/**
 * The dashboard, read again whenever what it shows changes (a page read, an import, a forget). What it
 * shows lives in the address (`#entity=sdf`, `#site=…&sort=name`; issue 14): Back and Forward move
 * between the ranking and the entities opened, and reload and bookmarks bring a view back.
 */
function DashboardPage() {
  const [lexicon, setLexicon] = useState<Entity[] | null>(null);
  const [revision, setRevision] = useState(0);
  const [view, setView] = useState<DashboardView>(() => viewFromHash(location.hash));
  useEffect(() => {
    // Back and Forward (and an address edited by hand) change the hash: the view follows it.
    const onHash = () => setView(viewFromHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const navigate = (next: DashboardView, how: Navigation) => {
    const hash = hashFromView(next);
    const url = `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
    // Typing a search replaces the address (Back does not walk through every letter); an entity opened,
    // a filter, a sort or a date basis chosen is a step of its own.
    if (how === 'replace') history.replaceState(null, '', url);
    else if (hash !== location.hash.replace(/^#/u, '')) history.pushState(null, '', url);
    setView(next);
  };
  useEffect(() => {
    // The reader's own entities are named like the bundled ones.
    void mergedLexicon().then(setLexicon);
    return onChange(['pages', 'history', 'annotations', 'lexicon'], () => {
      void mergedLexicon().then(setLexicon);
      setRevision((r) => r + 1);
    });
  }, []);
  return lexicon ? (
    <Dashboard
      i18n={i18n}
      lexicon={lexicon}
      data={data}
      exchange={exchange}
      revision={revision}
      view={view}
      onNavigate={navigate}
    />
  ) : null;
}

render(<DashboardPage />, document.getElementById('app')!);
