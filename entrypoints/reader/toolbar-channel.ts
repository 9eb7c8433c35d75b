import type { ColorNames } from '../../lib/model/settings.ts';
import type { AnnotationValues } from '../../lib/annotate/annotation-draft.ts';
import type { SurfaceDescription } from '../../lib/model/reader-ui.ts';
import type { LinkableEntity } from '../../lib/reader-lexicon/linkable-entities.ts';
import type { NoteDates } from '../../lib/session/views.ts';

/**
 * The private channel between the content script's toolbar surface (`frame-surface.ts`) and the
 * toolbar's frame (`entrypoints/toolbar-frame/`), issue #12. The content script creates the frame inside its
 * closed shadow root with a fresh random `name` (the frame's `window.name`, which the page cannot read:
 * not in its DOM, not readable across origins); on the frame's `load` it posts one end of a
 * `MessageChannel` to it, with the nonce, and with the extension's origin as the target origin — a
 * frame the page navigated elsewhere gets nothing. The frame takes the first port that comes from its
 * parent with its own nonce, and no other: a page that posts its own port to `frames[i]` is ignored.
 * Only plain data crosses: the toolbar's props without their functions, and the reader's actions back.
 */

/** The frame page, declared in `web_accessible_resources` (wxt.config.ts). */
export const TOOLBAR_FRAME_PATH = '/toolbar-frame.html';

/** `type` of the one message that carries the port. */
export const HANDSHAKE = 'rasid/toolbar-port';

export interface Handshake {
  type: typeof HANDSHAKE;
  nonce: string;
}

/** The toolbar's props as data: which callbacks exist, not the callbacks. */
export interface ToolbarData {
  mode: 'new' | 'edit';
  initial?: AnnotationValues | undefined;
  dates?: NoteDates | undefined;
  error?: string | undefined;
  notice?: string | undefined;
  /** The entity the annotation links to, shown in the toolbar. */
  linked?: LinkableEntity | undefined;
  canDelete: boolean;
  canAddSpelling: boolean;
  colorNames?: ColorNames | undefined;
  /**
   * A teammate's annotation (issue #17): no share switch. Whether the reader is in a team at all the
   * frame asks the background itself (an extension page may): the content script never knows.
   */
  teammates: boolean;
  /** The switch of a stored annotation saves at once (`share`). */
  canShare: boolean;
}

/**
 * To the frame. The lexicon stays in the content script, which has it compiled (the bundled one and the
 * reader's): the link field sends what the reader typed (`search`) and gets the few entities that
 * answer it (`found`, at most 8), not the 3,100 entities (176 kB) it once received with every opening
 * (issue 15 §3).
 */
export type ToFrame =
  | { type: 'show'; view: 'toolbar'; props: ToolbarData }
  | { type: 'found'; seq: number; entities: readonly LinkableEntity[] }
  | { type: 'show'; view: 'deleted' }
  | { type: 'focus' }
  /** The frame was placed or resized: it answers `painted` once it has been drawn so. */
  | { type: 'placed'; seq: number };

/** From the frame: its size and what it shows (after every change), and the reader's actions. */
export type FromFrame =
  | { type: 'layout'; width: number; height: number; description: SurfaceDescription }
  | { type: 'painted'; seq: number }
  | { type: 'save'; values: AnnotationValues }
  | { type: 'delete' }
  /** The share switch of a stored annotation, toggled (issue #17). */
  | { type: 'share'; shared: boolean }
  | { type: 'add-spelling'; entity: string }
  /** The link field's text: answered with `found` and the same `seq`. */
  | { type: 'search'; query: string; seq: number }
  | { type: 'undo' }
  | { type: 'close' };
