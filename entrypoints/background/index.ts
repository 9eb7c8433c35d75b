import { browser } from 'wxt/browser';
import { readerRegistration } from '../../lib/browser/reader-registration.ts';
import { defineBackground } from 'wxt/utils/define-background';
import { RasidDB } from '../../lib/db/schema.ts';
import { createHandlers } from '../../lib/background/handlers.ts';
import { handleMessage, senderOf } from '../../lib/background/handle-message.ts';
import { notifyPages, sendToAllTabs } from '../../lib/browser/send-message.ts';
import { sessionTrash } from '../../lib/browser/session-trash.ts';
import { isFirstInstall, WELCOME_PATH } from '../../lib/background/first-run.ts';
import { readerCommandOf } from '../../lib/background/message-guards.ts';
import PouchDB from 'pouchdb-browser';
import { createTeamService } from '../../lib/background/team-service.ts';
import { checkJoin } from '../../lib/team/join-check.ts';
import { teamAddress } from '../../lib/team/team-url.ts';
import { teamStorage } from '../../lib/browser/team-storage.ts';
import { alarmToCreate, TEAM_ALARM } from '../../lib/team/wake-plan.ts';
import { fetchShippedLexicon } from '../../lib/browser/fetch-shipped-lexicon.ts';
import { decodeShippedLexicon, type DecodedLexicon } from '../../lib/lexicon/shipped-lexicon.ts';

/** The reader, built by WXT from entrypoints/reader as an unlisted script. */
const READER_FILE = '/reader.js';
const ANNOTATE_MENU = 'rasid-annotate';
const DASHBOARD_MENU = 'rasid-dashboard';
const NOTEBOOK_MENU = 'rasid-notebook';

/** Firefox's sidebar API, absent from the Chromium-based types. */
interface SidebarAction {
  toggle(): Promise<void>;
}

export default defineBackground(() => {
  const db = new RasidDB();
  // The reader's annotations must not be evicted when the disk fills: ask for persistent storage.
  // Browsers may say no (Chromium decides by engagement); Rasid works either way.
  void navigator.storage?.persist?.().catch(() => false);
  // The reader's team (issue #17): a local PouchDB mirror replicating with the team's CouchDB.
  const team = createTeamService({
    db,
    ...teamStorage,
    check: (config) => checkJoin(config),
    openMirror: () => new PouchDB('rasid-team'),
    openRemote: (config) => {
      const address = teamAddress(config.url);
      if (!address.ok) throw new Error(address.error);
      return new PouchDB(address.value.database, {
        // The database exists (the join checked it): never try to create it.
        skip_setup: true,
        auth: { username: config.user, password: config.password },
        // Never the browser's cookies for that server: only the credentials the reader gave.
        fetch: (url: string | Request, init?: RequestInit) =>
          PouchDB.fetch(url, { ...init, credentials: 'omit' }),
      });
    },
    version: browser.runtime.getManifest().version,
    now: Date.now,
    changed: (what) => {
      if (what === 'annotations') {
        notifyPages({ type: 'changed', payload: { topics: ['annotations'] } });
        void sendToAllTabs('annotations/refresh', {});
      } else if (what === 'lexicon') {
        // The team's names changed: pages highlight again, the options page and the dashboard re-read.
        notifyPages({ type: 'changed', payload: { topics: ['lexicon'] } });
        void sendToAllTabs('lexicon/changed', {});
      } else notifyPages({ type: 'changed', payload: { topics: what === 'team' ? ['team'] : ['history'] } });
    },
    // The periodic wake-up that restarts replication after the background's sleep (`lib/team/wake-plan.ts`).
    schedule: async (inTeam) => {
      if (!inTeam) return void (await browser.alarms.clear(TEAM_ALARM));
      const create = alarmToCreate(await browser.alarms.get(TEAM_ALARM));
      if (create) await browser.alarms.create(TEAM_ALARM, create);
    },
  });
  const wake = (reason: Parameters<typeof team.wake>[0]) =>
    void team.wake(reason).catch((e: unknown) => console.error('Rasid team:', e));
  // Every wake-up of the background restarts the team's replication if the sleep ended it. Listeners
  // are added here, synchronously, so that the event that woke a stopped service worker reaches them.
  wake('start');
  browser.runtime.onStartup.addListener(() => wake('startup'));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TEAM_ALARM) wake('alarm');
  });
  /** The shipped lexicon's file, decoded once while the background lives (fetched again if it failed). */
  let shipped: Promise<DecodedLexicon> | undefined;
  const shippedLexicon = () =>
    (shipped ??= fetchShippedLexicon((path) => (browser.runtime.getURL as (path: string) => string)(path))
      .then(decodeShippedLexicon)
      .catch((error: unknown) => {
        shipped = undefined;
        throw error;
      }));
  const readerSites = readerRegistration(READER_FILE, (message) => console.warn(message));
  const handlers = createHandlers({
    team,
    db,
    tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
    now: Date.now,
    version: browser.runtime.getManifest().version,
    changed: (topics, tabId) => notifyPages({ type: 'changed', payload: { topics, tabId } }),
    broadcast: ({ type, payload }) => void sendToAllTabs(type, payload),
    setBadge: (tabId, entities) => {
      const action = browser.action ?? browser.browserAction;
      void action.setBadgeText({ tabId, text: entities ? String(entities) : '' }).catch(() => undefined);
      void action.setBadgeBackgroundColor({ tabId, color: '#0f5c63' }).catch(() => undefined);
    },
    trash: sessionTrash(),
    // Pages' names are spotted here (`lexicon/spot`), with the shipped lexicon decoded once (issue #16).
    bundled: shippedLexicon,
    // The reader, into the top frame the loader runs in, in the same isolated world (issue #16).
    loadReader: async (tabId) => {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [READER_FILE] });
    },
    // And the sites where it starts by itself, before the loader (`lib/background/reader-sites.ts`).
    readerSites,
  });

  // Every message is checked — its sender as the browser names it, and its shape — before it is handled.
  const extensionOrigin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    wake('message');
    return handleMessage(handlers, message, senderOf(sender, browser.runtime.id, extensionOrigin));
  });

  // The page's context menu: "Annotate with Rasid" on a selection opens the annotation toolbar there.
  browser.runtime.onInstalled.addListener((details) => {
    wake('installed');
    // A first install greets the reader with the first-run page (issue 15); an update does not.
    if (isFirstInstall(details)) void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) });
    // An update keeps the sites where the reader starts by itself: with this version's reader.
    else if (details.reason === 'update') void readerSites.refresh();
    // The toolbar button's own menu opens the dashboard (its click opens the panel).
    browser.contextMenus.create({
      id: DASHBOARD_MENU,
      title: browser.i18n.getMessage('openDashboard'),
      contexts: [browser.action ? 'action' : ('browser_action' as 'action')],
    });
    browser.contextMenus.create({
      id: NOTEBOOK_MENU,
      title: browser.i18n.getMessage('openNotebook'),
      contexts: [browser.action ? 'action' : ('browser_action' as 'action')],
    });
    browser.contextMenus.create({
      id: ANNOTATE_MENU,
      title: browser.i18n.getMessage('annotateMenu'),
      contexts: ['selection'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === DASHBOARD_MENU)
      return void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
    if (info.menuItemId === NOTEBOOK_MENU)
      return void browser.tabs.create({ url: browser.runtime.getURL('/notebook.html') });
    if (info.menuItemId !== ANNOTATE_MENU || tab?.id === undefined) return;
    void browser.tabs
      .sendMessage(tab.id, { type: 'annotations/annotate-selection', payload: {} })
      .catch(() => undefined);
  });

  // Keyboard shortcuts (issue 15; declared in wxt.config.ts): the page's commands go to the tab they were
  // pressed in, checked by name (`readerCommandOf`); the browser's own (the panel) it handles itself.
  browser.commands.onCommand.addListener((name: string, tab?: { id?: number | undefined }) => {
    const command = readerCommandOf(name);
    if (!command) return;
    void (async () => {
      const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (id === undefined) return;
      await browser.tabs.sendMessage(id, { type: 'reader/command', payload: { command } });
    })().catch(() => undefined);
  });

  // The toolbar button opens the page panel: Chromium's side panel, Firefox's sidebar.
  if (browser.sidePanel) {
    browser.sidePanel
      .setPanelBehavior({ openPanelOnActionClick: true })
      .catch((e: unknown) => console.error(e));
  } else {
    const sidebarAction = (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
    (browser.action ?? browser.browserAction)?.onClicked.addListener(() => void sidebarAction?.toggle());
  }
});
