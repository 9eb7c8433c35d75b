import type { AnnotationColor, AnnotationRow } from './annotation.ts';
import type { DateBasis } from './dashboard.ts';

/**
 * The notebook (issue 14): every annotation across pages, searched and filtered in the background,
 * which owns the database. What the notebook asks, and what one screen of its answer holds.
 */

/** What the notebook shows: a search and filters, all optional; they live in the page's address. */
export interface NotebookFilters {
  /** Searched, folded as the matcher folds, over quotes, notes, tags, page titles and entity names. */
  q?: string | undefined;
  tag?: string | undefined;
  color?: AnnotationColor | undefined;
  /** An entity id (bundled or the reader's own). */
  entity?: string | undefined;
  site?: string | undefined;
  /** A date range (epoch ms, inclusive), of the date `dates` says. */
  from?: number | undefined;
  to?: number | undefined;
  /**
   * Which date the range is of (issue 14): the page's publication date where known, else the
   * annotation's (`published`, the default), or the annotation's — when the reader read and marked it
   * (`read`).
   */
  dates?: DateBasis | undefined;
  /** Only annotations whose passage was not found the last time their page was read. */
  orphans?: boolean | undefined;
}

/** Newest first, or by page (pages by their newest annotation, annotations in reading order). */
export type NotebookOrder = 'newest' | 'page';

export interface NotebookQuery extends NotebookFilters {
  order?: NotebookOrder | undefined;
  /** How many to skip, and how many to return: the notebook asks a screen at a time. */
  offset?: number | undefined;
  limit?: number | undefined;
}

/** Where an annotation's passage was, the last time its page was read: found, an orphan, or not yet known. */
export type AnchorState = 'found' | 'orphan' | 'unknown';

/** One annotation as the notebook lists it, with what it needs to name its page and entity. */
export interface NotebookItem {
  row: AnnotationRow;
  /** The page's title, or its address when Rasid never read it (an imported annotation). */
  title: string;
  site: string;
  /** When the page was last read (epoch ms), if Rasid read it. */
  read: number | null;
  /** When the page says it was published (epoch ms), where it does. */
  published: number | null;
  /** The linked entity's names, when it has one Rasid knows. */
  entity: { ar: string; en: string } | null;
  anchor: AnchorState;
}

/** One screen of the notebook, the number of annotations the filters select, and the choices for the filters. */
export interface NotebookPage {
  items: NotebookItem[];
  total: number;
  /** Every annotation, whatever the filters. */
  all: number;
  /** Tags with their number of annotations, most used first. */
  tags: { tag: string; count: number }[];
  sites: string[];
  entities: { id: string; ar: string; en: string }[];
}

/** The anchoring a tab reports after it placed a page's annotations (`annotation/anchors`). */
export interface AnchorRow {
  /** The annotation's id. */
  id: string;
  orphan: boolean;
  /** When the page was read (epoch ms). */
  checked: number;
}
