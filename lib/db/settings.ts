import type { RasidDB } from './schema.ts';

/** What the reader shows, for one site. */
export interface Settings {
  /** Rasid reads and highlights this site (switched off per site from the panel). */
  siteEnabled: boolean;
  /** Highlight actors; highlight places (everywhere). */
  actors: boolean;
  places: boolean;
  /** Highlight the whole page, not only the article (everywhere). */
  wholePage: boolean;
  /** Keep a history of the pages read and the entities they name (everywhere; issue #6). */
  history: boolean;
}

/** A row of the `settings` table: `global` (actors, places, wholePage, history) or `site:<host>` (enabled). */
export interface SettingsRow {
  key: string;
  actors?: boolean;
  places?: boolean;
  wholePage?: boolean;
  history?: boolean;
  enabled?: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  siteEnabled: true,
  actors: true,
  places: true,
  wholePage: false,
  history: true,
};

export async function getSettings(db: RasidDB, site: string): Promise<Settings> {
  const [global, siteRow] = await db.settings.bulkGet(['global', `site:${site}`]);
  return {
    siteEnabled: siteRow?.enabled ?? DEFAULT_SETTINGS.siteEnabled,
    actors: global?.actors ?? DEFAULT_SETTINGS.actors,
    places: global?.places ?? DEFAULT_SETTINGS.places,
    wholePage: global?.wholePage ?? DEFAULT_SETTINGS.wholePage,
    history: global?.history ?? DEFAULT_SETTINGS.history,
  };
}

/** Applies `patch` in one transaction: site switch to the site's row, the rest to the global row. */
export async function setSettings(db: RasidDB, site: string, patch: Partial<Settings>): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next = { ...(await getSettings(db, site)), ...patch };
    await db.settings.bulkPut([
      {
        key: 'global',
        actors: next.actors,
        places: next.places,
        wholePage: next.wholePage,
        history: next.history,
      },
      { key: `site:${site}`, enabled: next.siteEnabled },
    ]);
    return next;
  });
}
