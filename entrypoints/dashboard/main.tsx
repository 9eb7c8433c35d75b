import { render } from 'preact';
import { Dashboard, type DashboardData } from '../../components/Dashboard.tsx';
import { pageTranslator } from '../../lib/i18n/browser-translator.ts';
import { sendMessage } from '../../lib/messages/send-message.ts';
import { mergedLexicon, pageExchange } from '../../lib/exchange/page-exchange.ts';

const i18n = pageTranslator('dashboard');

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
};

// The reader's own entities are named like the bundled ones.
void mergedLexicon().then((lexicon) =>
  render(
    <Dashboard i18n={i18n} lexicon={lexicon} data={data} exchange={pageExchange(i18n.lang)} />,
    document.getElementById('app')!,
  ),
);
