import { DEFAULT_SETTINGS, type Settings } from '../model/settings.ts';
import type { RasidDB } from './schema.ts';

export async function getSettings(db: RasidDB, site: string): Promise<Settings> {
  const [global, siteRow] = await db.settings.bulkGet(['global', `site:${site}`]);
  return {
    siteEnabled: siteRow?.enabled ?? DEFAULT_SETTINGS.siteEnabled,
    private: siteRow?.private ?? DEFAULT_SETTINGS.private,
    shareWithTeam: siteRow?.shareWithTeam ?? DEFAULT_SETTINGS.shareWithTeam,
    actors: global?.actors ?? DEFAULT_SETTINGS.actors,
    places: global?.places ?? DEFAULT_SETTINGS.places,
    wholePage: global?.wholePage ?? DEFAULT_SETTINGS.wholePage,
    history: global?.history ?? DEFAULT_SETTINGS.history,
    suggestions: global?.suggestions ?? DEFAULT_SETTINGS.suggestions,
    hoverCards: global?.hoverCards ?? DEFAULT_SETTINGS.hoverCards,
    colorNames: global?.colorNames ?? DEFAULT_SETTINGS.colorNames,
  };
}

/** Applies `patch` in one transaction: site switches (on, private) to the site's row, the rest to the global row. */
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
        suggestions: next.suggestions,
        hoverCards: next.hoverCards,
        colorNames: next.colorNames,
      },
      // No site (the options page sets only global settings): no site row.
      ...(site
        ? [
            {
              key: `site:${site}`,
              enabled: next.siteEnabled,
              private: next.private,
              shareWithTeam: next.shareWithTeam,
            },
          ]
        : []),
    ]);
    return next;
  });
}
