import type { AnnotationColor } from './annotation.ts';

/** The reader's own names for the highlight colours ("evidence", "question"; issue 15); unnamed ones use the catalog's. */
export type ColorNames = Partial<Record<AnnotationColor, string>>;

/** What the reader shows, for one site. */
export interface Settings {
  /** Rasid reads and highlights this site (switched off per site from the panel). */
  siteEnabled: boolean;
  /**
   * This site is private (per site, from the panel): the page's `CSS.highlights` registry, which the
   * page can enumerate, gets no annotation highlight; the panel still lists them (issue #12).
   */
  private: boolean;
  /**
   * What pages of this site name is shared with the reader's team, when they share sightings at all
   * (per site, from the panel; issue #17). Annotations have their own switch.
   */
  shareWithTeam: boolean;
  /** Highlight actors; highlight places (everywhere). */
  actors: boolean;
  places: boolean;
  /** Highlight the whole page, not only the article (everywhere). */
  wholePage: boolean;
  /** Keep a history of the pages read and the entities they name (everywhere; issue #6). */
  history: boolean;
  /** Suggest names the lexicon does not know yet (everywhere; issue #13). */
  suggestions: boolean;
  /**
   * A name's card opens when the pointer rests on it (`true`), or only when it is clicked (everywhere,
   * from the options page; issue 15 §5).
   */
  hoverCards: boolean;
  /** The reader's names for the annotation colours (everywhere; issue 15). */
  colorNames: ColorNames;
}

/** A row of the `settings` table: `global` (actors, places, wholePage, history) or `site:<host>` (enabled, private). */
export interface SettingsRow {
  key: string;
  actors?: boolean;
  places?: boolean;
  wholePage?: boolean;
  history?: boolean;
  suggestions?: boolean;
  hoverCards?: boolean;
  colorNames?: ColorNames;
  enabled?: boolean;
  private?: boolean;
  shareWithTeam?: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  siteEnabled: true,
  private: false,
  shareWithTeam: true,
  actors: true,
  places: true,
  wholePage: false,
  history: true,
  suggestions: true,
  hoverCards: true,
  colorNames: {},
};
