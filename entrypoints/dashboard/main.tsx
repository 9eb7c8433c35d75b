import { render } from 'preact';
import { Dashboard, type DashboardData } from '../../components/Dashboard.tsx';
import { pageTranslator } from '../../lib/i18n/browser-translator.ts';
import { bundledLexicon } from '../../lib/lexicon/bundled-lexicon.ts';
import { sendMessage } from '../../lib/messages/send-message.ts';

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

render(
  <Dashboard i18n={i18n} lexicon={bundledLexicon.entities} data={data} />,
  document.getElementById('app')!,
);
