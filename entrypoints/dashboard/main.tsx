import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Dashboard, type DashboardData } from '../../components/Dashboard.tsx';
import type { Entity } from '../../lib/lexicon/schema.ts';
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
    return r.ok ? r.value : { entity, pages: [], cooccurring: [], timeline: [] };
  },
  async sites() {
    const r = await sendMessage('dashboard/sites', {});
    return r.ok ? r.value : [];
  },
  async annotations() {
    const r = await sendMessage('annotations/count', {});
    return r.ok ? r.value.annotations : 0;
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

/** The dashboard, read again whenever what it shows changes (a page read, an import, a forget). */
function DashboardPage() {
  const [lexicon, setLexicon] = useState<Entity[] | null>(null);
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    // The reader's own entities are named like the bundled ones.
    void mergedLexicon().then(setLexicon);
    return onChange(['pages', 'history', 'annotations', 'lexicon'], () => {
      void mergedLexicon().then(setLexicon);
      setRevision((r) => r + 1);
    });
  }, []);
  return lexicon ? (
    <Dashboard i18n={i18n} lexicon={lexicon} data={data} exchange={exchange} revision={revision} />
  ) : null;
}

render(<DashboardPage />, document.getElementById('app')!);
