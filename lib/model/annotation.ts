import type { PositionSelector, QuoteSelector } from '../anchoring/match-quote.ts';

/** A teammate's mark on an annotation that came from the team (issue #17). */
export interface TeamMark {
  /** The member's user name. */
  by: string;
  /** The name they chose. */
  name: string;
}

/** Highlight colours a reader can give an annotation. */
export const ANNOTATION_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type AnnotationColor = (typeof ANNOTATION_COLORS)[number];

/**
 * An annotation, shaped after the W3C Web Annotation model: a target (the page and selectors for the
 * text, the quote exactly as the page wrote it) and bodies (note, tags, colour, entity link).
 * Stored as is; export (issue #7) maps it to JSON-LD.
 */
export interface AnnotationRow {
  /** A UUID: stable across export and import. */
  id: string;
  /** The page's key (`pageKey`). */
  page: string;
  target: {
    source: string;
    selector: { quote: QuoteSelector; position: PositionSelector };
  };
  body: {
    note: string;
    tags: string[];
    color: AnnotationColor;
    /** The lexicon entity the selection is linked to, if any. */
    entity?: string;
  };
  /** Epoch milliseconds. */
  created: number;
  modified: number;
  /**
   * Shared with the reader's team (issue #17): absent means the team's default. A teammate's
   * annotation (`team`) is always shared.
   */
  shared?: boolean;
  /** Set on an annotation that came from the team: whose it is. The reader's own have none. */
  team?: TeamMark;
}

/**
 * An annotation as a tab or the panel proposes it (`annotation/save`): what the reader chose. The
 * background owns the rest — the page key, `created` and `modified` — so a content script cannot date
 * an annotation or file it under another page.
 */
export interface AnnotationDraft {
  /** Absent for a new annotation. */
  id?: string | undefined;
  selector: AnnotationRow['target']['selector'];
  body: AnnotationRow['body'];
  /** For an edit: the `modified` of the version the reader edited. */
  base?: number | undefined;
  /** The toolbar's share switch (issue #17); absent: the team's default, or as it was. */
  shared?: boolean | undefined;
}
