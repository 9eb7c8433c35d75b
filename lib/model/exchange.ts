import type { AnnotationRow } from './annotation.ts';
import type { MentionRow } from './mention.ts';
import type { PageRow } from './page.ts';
import type { Result } from './result.ts';
import type { EntityType, Subtype } from '../lexicon/schema.ts';
import type { NotebookFilters } from './notebook.ts';

/**
 * Getting the reader's work out and back in (issue #7): the data every export format is made from, and
 * what reading an import file gives. The formats themselves are pure functions beside this file; the
 * database side is `lib/db/import-annotations.ts`.
 */

/** How an exported entity is named: enough for another tool, and for Rasid to recreate a reader's own. */
export interface EntityLabel {
  /** A lexicon id (`sdf`) or a reader's own (`reader-<uuid>`). */
  id: string;
  type: EntityType;
  subtype?: Subtype | undefined;
  ar: string;
  en: string;
}

/** Everything an export is made from. */
export interface ExportInput {
  /** Rasid's version (package.json). */
  version: string;
  /** When the export was made (epoch ms). */
  generated: number;
  annotations: AnnotationRow[];
  /** The pages of those annotations and mentions that Rasid remembers (titles, sites); may miss some. */
  pages: PageRow[];
  /** Every entity an annotation links to or a mention names. */
  entities: EntityLabel[];
  /** The entities the pages named, when the reader asks for them. */
  mentions?: MentionRow[] | undefined;
}

/** Why a whole file cannot be read: nothing of it is written. */
/** What an import file that is not JSON looks like: Rasid's own CSV or Markdown export, or a saved page. */
export type OtherFormat = 'csv' | 'markdown' | 'html';

export type FileProblem =
  /** `detail`: the JSON parser's message, which may quote the file: show it as text. */
  | { code: 'not-json'; detail: string }
  /** Not JSON, but recognisably another format (issue 15): the reader is told which. */
  | { code: 'other-format'; format: OtherFormat }
  /** Sizes in bytes of UTF-8, what the file measures on disk. */
  | { code: 'too-large'; bytes: number; limit: number }
  | { code: 'not-annotations' }
  /** A CSV lexicon file with no row of names (issue 15 §6). */
  | { code: 'no-rows' }
  /**
   * A Rasid export whose `formatVersion` this Rasid does not read: a later version, or anything but a
   * positive integer (NaN when it is not a number at all).
   */
  | { code: 'newer-version'; version: number };

/**
 * Why one item of a readable file is rejected. `field` names what is wrong: a W3C property (`exact`,
 * `prefix`, `start`, `end`, `source`, `created`, `bodyValue`, `body`, `id`…), or `note` and `tags` for
 * the value of a commenting or tagging body.
 */
export type ItemProblem =
  | { code: 'not-an-annotation' }
  | { code: 'no-source' }
  | { code: 'bad-source'; source: string }
  | { code: 'no-quote' }
  | { code: 'bad-field'; field: string }
  // A row of a CSV lexicon file (issue 15 §6): unreadable, or a name that cannot be a new entity.
  | { code: 'csv-row'; detail: string }
  | { code: 'name-empty' }
  | { code: 'name-too-long'; max: number }
  | { code: 'name-common' }
  | { code: 'name-exists'; ar: string; en: string }
  | { code: 'name-repeated'; line: number };

/**
 * One item of an import file, read and checked, not yet written. `index` is its place in the file's
 * list of items, `id` its `id` as the file writes it (null when it has no string id).
 */
export type ParsedItem =
  | { index: number; id: string | null; annotation: AnnotationRow; warnings: ItemWarning[] }
  | { index: number; id: string | null; rejected: ItemProblem }
  /** An entity mention (Rasid's `identifying` annotations): history, which is not imported. */
  | { index: number; id: string | null; skipped: 'mention' };

/** Something of an item that Rasid could not keep, though it keeps the rest. */
export type ItemWarning = { code: 'unknown-entity'; uri: string };

/** What a readable annotation file holds, checked item by item. */
export interface ParsedAnnotations {
  /**
   * 'rasid' for Rasid's own exports (their version checked), 'w3c' for other tools', 'hypothesis' for
   * Hypothesis's API format (`{rows}`, `{annotations}` or a plain list; issue 15).
   */
  origin: 'rasid' | 'w3c' | 'hypothesis';
  items: ParsedItem[];
  /** The reader's own entities the annotations link to, with their labels, to recreate if missing. */
  entities: EntityLabel[];
}

/** A file read whole: what it holds, or why nothing of it can be imported. */
export type ParsedFile = Result<ParsedAnnotations, FileProblem>;

export type ExportFormat = 'jsonld' | 'csv' | 'markdown';

/**
 * What to export: one page (the panel), exactly what the notebook shows (its search and filters), or
 * everything the dashboard's filters let through — a site, a date range (annotations made, pages
 * first read), an entity.
 */
export type ExportScope =
  | { page: string }
  | { notebook: NotebookFilters }
  | {
      site?: string | undefined;
      from?: number | undefined;
      to?: number | undefined;
      entity?: string | undefined;
    };

/** A file to offer the reader, who chooses where it goes. */
export interface FileToSave {
  name: string;
  type: string;
  text: string;
}
