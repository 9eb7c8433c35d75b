import type { EntityHistory } from './mention.ts';
import type { PageRow } from './page.ts';
import type { Settings } from './settings.ts';

/** What the panel shows from the background around one tab's page (`panel/state`). */
export interface PanelData {
  /** The page as Rasid remembers it; null when it was never recorded. */
  page: PageRow | null;
  /** The settings on the page's site. */
  settings: Settings;
  /** The reader's own entities' names, by id. */
  ownNames: Record<string, string>;
  /** What Rasid remembers of each entity the page names, seen from this page. */
  history: EntityHistory[];
  /**
   * The reader's team when they are in one (issue #17): their annotations get a share switch, on or
   * off by the team's default. Asked with the rest, so that every refresh of the panel has it.
   */
  team: { shareByDefault: boolean } | null;
}
