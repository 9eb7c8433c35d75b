import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SidePanel } from '../../components/SidePanel.tsx';
import { createTranslator, pickLanguage } from '../../lib/i18n/i18n.ts';

const i18n = createTranslator(pickLanguage([browser.i18n.getUILanguage(), ...navigator.languages]));
document.documentElement.lang = i18n.lang;
document.documentElement.dir = i18n.dir;
document.title = i18n.t('appName');

// `?tabId=N` pins the panel to one tab (how tests and the demo open it as a page);
// otherwise it follows the active tab of its window.
const pinned = Number(new URLSearchParams(location.search).get('tabId')) || undefined;

render(<SidePanel i18n={i18n} pinnedTabId={pinned} />, document.getElementById('app')!);
