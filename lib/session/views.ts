import type { ColorNames } from '../model/settings.ts';
import type { AnnotationValues } from '../annotate/annotation-draft.ts';
import type { Translator } from '../i18n/i18n.ts';
import type { PageKey } from '../i18n/page-catalog.ts';
import type { Translator as TranslatorOf } from '../i18n/translator.ts';
import type { EntityType } from '../lexicon/schema.ts';
import type { SurfaceDescription } from '../model/reader-ui.ts';

export type { SurfaceDescription, UiControl as SurfaceControl } from '../model/reader-ui.ts';
import type { LinkableEntity } from '../reader-lexicon/linkable-entities.ts';

/**
 * What the session shows in the page, as props: the components in `components/` render them
 * (`EntityCard`, `AnnotationToolbar`, `DeletedNotice`), and the content script hands the session
 * surfaces that do (`Surface`), so that nothing in `lib/` imports a component.
 */

/** A place in the page for one view at a time: the card, or the toolbar. */
export interface Surface<P> {
  /** Shows the view beside `anchor` (a box in the viewport); moves focus to it when asked. */
  show(props: P, anchor: DOMRect, focus: boolean): void;
  hide(): void;
  isOpen(): boolean;
  /** Is this event from inside the view? */
  contains(event: Event): boolean;
  /**
   * What the open view shows — its text, its controls and their boxes — for Rasid's own pages only
   * (the `reader/ui` tab message): the page cannot read the view (closed shadow root, issue #12).
   */
  describe(): SurfaceDescription | null;
  /** Takes the surface out of the page. */
  remove(): void;
}

export interface CardEntity {
  id: string;
  type: EntityType;
  subtype: string;
  ar: string;
  en: string;
  /** Which mention (1-based) the card is about, of how many on the page. */
  index: number;
  count: number;
  /** A teammate's name (issue #17): the display name of the member who added it for the team. */
  teamBy?: string | undefined;
}

/**
 * The card shown for a highlighted name: only what the page's own text and the bundled lexicon say.
 * What Rasid remembers of the entity (pages, sites, since when) is the reader's history: it is shown
 * in the side panel, an extension page, never in the page's DOM (issue #12).
 */
export interface CardProps {
  i18n: TranslatorOf<PageKey>;
  entity: CardEntity;
  onPrevious(): void;
  onNext(): void;
  onHide(): void;
  /**
   * The article's publication date (a day or an ISO instant), where the page gives one (issue 14): a
   * fact of the page, not of the reader's history.
   */
  published?: string | null | undefined;
  /** The spelling that matched here, and a way to switch it off (the reader's lexicon). */
  spelling?: string | undefined;
  onSpellingOff?(): void;
  onClose(): void;
  /**
   * In a team (issue #17): the page the card is on, for the team's line — which an extension frame in
   * the card shows (`entrypoints/card-team`), so that what the team read never enters the page's DOM.
   */
  team?: { url: string; canonical: string | null } | undefined;
}

/** After a change to the reader's lexicon from the page (“Not a name”, a spelling added): undo it. */
export interface LexiconUndoProps {
  i18n: TranslatorOf<PageKey>;
  /** What was done, in words. */
  message: string;
  onUndo(): void;
  onClose(): void;
}

/** The card's surface shows a name's card, or the undo notice of a change made from one. */
export type CardView = { view: 'card'; props: CardProps } | { view: 'undo'; props: LexiconUndoProps };

/** When an annotation was written and last edited, epoch ms. */
export interface NoteDates {
  created: number;
  modified: number;
}

/** The toolbar for a selection or an annotation. */
export interface ToolbarProps {
  i18n: Translator;
  /** `new`: a selection; a colour saves at once. `edit`: an existing annotation, its form open. */
  mode: 'new' | 'edit';
  initial?: AnnotationValues | undefined;
  /** When a stored annotation was written and last edited (epoch ms), shown while editing it (issue 15). */
  dates?: NoteDates | undefined;
  /** Why the last save failed (it is being tried again). */
  error?: string | undefined;
  /** Something the reader should know about what is shown (a newer version from elsewhere). */
  notice?: string | undefined;
  /**
   * The entity the annotation links to: for a selection, the first name it holds. The toolbar shows it
   * and lets the reader remove it, so that nothing is linked unseen (issue 15 §3).
   */
  linked?: LinkableEntity | undefined;
  /** The lexicon's entities that answer a query, best first (`entitySearch`): the link field's choices. */
  searchEntities(query: string): Promise<readonly LinkableEntity[]>;
  onSave(values: AnnotationValues): void;
  onDelete?(): void;
  /**
   * Adds the selected text as a spelling of the linked entity (the reader's lexicon): offered only for a
   * selection that looks like a name (`looksLikeName`).
   */
  onAddSpelling?(entity: string): void;
  onClose(): void;
  /** The reader's names for the highlight colours (issue 15); the catalog's where unnamed. */
  colorNames?: ColorNames | undefined;
  /**
   * The reader's team, when they are in one (issue #17): the toolbar shows a share switch set to the
   * team's default, or to the annotation's own choice (`initial.shared`). Absent out of a team.
   */
  team?: { shareByDefault: boolean } | null | undefined;
  /** The annotation is a teammate's (always shared; only its creator can take it out of the team). */
  teammates?: boolean | undefined;
  /**
   * Shares a stored annotation with the team, or stops sharing it, at once (edit mode). A selection's
   * switch goes with its first save instead (`values.shared`).
   */
  onShare?(shared: boolean): void;
}

/** After a deletion from the page: undo it. */
export interface DeletedProps {
  i18n: Translator;
  onUndo(): void;
  onClose(): void;
}

/**
 * The toolbar's surface shows the toolbar, or the notice of a deletion in its place: the props without
 * `i18n`, which the toolbar's frame brings itself (an extension page, with the whole catalogue; only
 * data crosses to it).
 */
export type ToolbarView =
  | { view: 'toolbar'; props: Omit<ToolbarProps, 'i18n'> }
  | { view: 'deleted'; props: Omit<DeletedProps, 'i18n'> };
