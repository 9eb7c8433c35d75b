/**
 * What Rasid's in-page UI (the entity card, the annotation toolbar) shows, as its own extension pages
 * see it through the `reader/ui` tab message. The UI lives in closed shadow roots the page cannot read
 * (issue #12); this description is how the panel and the browser tests see it without opening it to
 * the page.
 */

/** A box in the tab's viewport, in CSS pixels. */
export interface ViewportBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One control (button, field) of the open surface. */
export interface UiControl {
  /** Its accessible name: `aria-label`, its label's text, or its own text. */
  name: string;
  /** `data-testid`, for tests that must not depend on the interface language. */
  testId?: string;
  /** What a field holds (not for buttons). */
  value?: string;
  /** Whether a switch (a checkbox: the toolbar's share switch, issue #17) is on. */
  checked?: boolean;
  /** Whether it sits in a region still being updated (`aria-busy`): the link field's earlier choices. */
  busy?: boolean;
  box: ViewportBox;
}

/** What one surface shows. */
export interface SurfaceDescription {
  /** Its visible text. */
  text: string;
  controls: UiControl[];
  /**
   * The card's shadow root serialised (its style and markup), for the browser tests' accessibility
   * check (issue 15): axe-core cannot enter a closed shadow root, so the tests rebuild it in an open
   * one of a test page. Rasid's own pages only, like the rest of this description; inert text.
   */
  markup?: string;
}

/** What the tab's in-page UI shows now: the open surface, or nothing. */
export interface ReaderUi extends SurfaceDescription {
  surface: 'card' | 'toolbar' | null;
}
