import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { GECKO_ID } from './lib/gecko-id.ts';
import { precompiledLexicon } from './scripts/precompiled-lexicon-plugin.ts';
import { shippedLexiconFile } from './scripts/shipped-lexicon-file.ts';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // lib/ is plain TypeScript shared with Node (CLI, tests): imported explicitly, never auto-imported.
  imports: false,
  hooks: {
    // The lexicon the reader reads pages with, as data beside the scripts (issue #16; see
    // lib/lexicon/shipped-lexicon.ts): compiled here, once per build.
    'build:publicAssets': (_, files) => void files.push(shippedLexiconFile()),
  },
  vite: () => ({
    plugins: [precompiledLexicon()],
    // PouchDB (team sync, issue #17) expects a bundler to give it Node's `events`: the `events` package,
    // the browser's implementation, rather than Vite's empty stand-in for a Node built-in.
    resolve: {
      alias: { events: fileURLToPath(new URL('./node_modules/events/events.js', import.meta.url)) },
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Only what is used: the Chromium side panel, and the http(s) pages the content script reads
    // anyway — host access is what lets the background see which page a tab shows (tabs.get().url)
    // without the broader "tabs" permission. IndexedDB needs no permission.
    // contextMenus: "Annotate with Rasid" on a selection.
    // downloads: exports are offered through the browser's save dialog (issue #7).
    // storage: `storage.session` keeps deleted annotations for undo, in memory only (issue #11).
    // scripting: the background injects the reader into a tab whose page the loader found Arabic (issue
    // #16); the host permissions below already let it, the API needs its name.
    // alarms: while the reader is in a team, a wake-up a minute restarts the team's replication, which
    // the browser's stopping of an idle background ends (issue #17; SECURITY.md).
    permissions:
      browser === 'firefox'
        ? ['contextMenus', 'downloads', 'storage', 'scripting', 'alarms']
        : ['sidePanel', 'contextMenus', 'downloads', 'storage', 'scripting', 'alarms'],
    // Private windows leave no trace: Rasid never runs there, even if the reader allows extensions
    // in them (issue #12; SECURITY.md).
    incognito: 'not_allowed',
    host_permissions: ['http://*/*', 'https://*/*', 'file:///*'],
    // The loader (entrypoints/loader/index.ts), declared here rather than as a WXT content script:
    // WXT's content-script runtime posts the extension's id to every page and obeys a forged event
    // (issue #12; SECURITY.md). A few KB built by WXT as the unlisted script `/loader.js`: on an Arabic
    // page it asks the background to inject the reader (`/reader.js`); elsewhere it stops (issue #16).
    // file:// too: readers open saved pages (Chromium asks them to allow it first).
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*', 'file:///*'],
        js: ['loader.js'],
        run_at: 'document_idle',
      },
    ],
    // The annotation toolbar's frame, embedded by the reader in web pages (issue #12; SECURITY.md): the
    // only page a web page may load. `use_dynamic_url` (Chromium) makes its address change per session,
    // so that it is no stable fingerprint of Rasid; WXT turns this into the list form for Firefox (MV2).
    web_accessible_resources: [
      {
        // lexicon.json: the reader (a content script, in the page's origin as far as fetch goes) reads
        // it (issue #16). The dynamic URL changes per session: no stable fingerprint either.
        resources: ['toolbar-frame.html', 'card-team.html', 'lexicon.json'],
        matches: ['http://*/*', 'https://*/*', 'file:///*'],
        use_dynamic_url: true,
      },
    ],
    action: { default_title: '__MSG_extName__' },
    // Keyboard shortcuts (issue 15), remappable in the browser's shortcut settings (chrome://extensions/
    // shortcuts; Firefox's add-ons page, "Manage Extension Shortcuts"). The page's commands are forwarded
    // by the background to the tab (READER_COMMANDS, lib/messages/protocol.ts); opening the panel is the
    // browser's own command: the action (Chromium opens the side panel on it) or Firefox's sidebar.
    // Four suggested keys, Chromium's limit. Chromium keeps Alt+Shift+A (and R, N, W) for itself and
    // leaves such a suggestion unassigned: there the command's key is Alt+Shift+E, and Alt+Shift+A
    // still annotates in the page, where the reader hears it itself (lib/session/reader-session.ts).
    commands: {
      'annotate-selection': {
        suggested_key: { default: browser === 'firefox' ? 'Alt+Shift+A' : 'Alt+Shift+E' },
        description: '__MSG_commandAnnotate__',
      },
      [browser === 'firefox' ? '_execute_sidebar_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandPanel__',
      },
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: '__MSG_commandNextMention__',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: '__MSG_commandPreviousMention__',
      },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '128.0' } } }
      : {}),
  }),
});
