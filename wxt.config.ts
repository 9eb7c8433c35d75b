import { defineConfig } from 'wxt';
import { GECKO_ID } from './lib/gecko-id.ts';
import { precompiledLexicon } from './scripts/precompiled-lexicon-plugin.ts';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // lib/ is plain TypeScript shared with Node (CLI, tests): imported explicitly, never auto-imported.
  imports: false,
  vite: () => ({ plugins: [precompiledLexicon()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Only what is used: the Chromium side panel, and the http(s) pages the content script reads
    // anyway — host access is what lets the background see which page a tab shows (tabs.get().url)
    // without the broader "tabs" permission. IndexedDB needs no permission.
    // contextMenus: "Annotate with Rasid" on a selection.
    // downloads: exports are offered through the browser's save dialog (issue #7).
    permissions:
      browser === 'firefox' ? ['contextMenus', 'downloads'] : ['sidePanel', 'contextMenus', 'downloads'],
    host_permissions: ['http://*/*', 'https://*/*', 'file:///*'],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '128.0' } } }
      : {}),
  }),
});
