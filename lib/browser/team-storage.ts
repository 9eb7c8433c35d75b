import { browser } from 'wxt/browser';
import type { TeamConfig } from '../model/team.ts';

const KEY = 'team';

/**
 * The team's configuration, credentials included (issue #17): in the extension's own storage
 * (`storage.local`), which no web page and no content script of another extension can read, and sent
 * nowhere but the team's server.
 */
export const teamStorage = {
  async load(): Promise<TeamConfig | null> {
    const stored = (await browser.storage.local.get(KEY))[KEY] as TeamConfig | undefined;
    return stored ?? null;
  },
  async save(config: TeamConfig | null): Promise<void> {
    if (config) await browser.storage.local.set({ [KEY]: config });
    else await browser.storage.local.remove(KEY);
  },
};
