import { render } from 'preact';
import { SidePanel } from './SidePanel.tsx';
import { pageTranslator } from '../../lib/browser/browser-translator.ts';
import { adoptDesign } from '../../lib/design/tokens.ts';
import { SWATCH_CSS } from '../../lib/design/highlight-styles.ts';

const i18n = pageTranslator('appName');
adoptDesign(document, SWATCH_CSS);

// `?tabId=N` pins the panel to one tab (how tests and the demo open it as a page);
// otherwise it follows the active tab of its window.
const pinned = Number(new URLSearchParams(location.search).get('tabId')) || undefined;

render(<SidePanel i18n={i18n} pinnedTabId={pinned} />, document.getElementById('app')!);
