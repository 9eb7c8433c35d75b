import type { FileProblem, ItemProblem, ItemWarning } from './exchange.ts';
import type { Result } from './result.ts';

/** What became of one item of an import file. */
export type ImportOutcome =
  /** New here: written. */
  | 'imported'
  /** Already here in an older state: replaced by the file's newer one. */
  | 'updated'
  /** Already here, the same: nothing to do. */
  | 'duplicate'
  /** Edited here after the file's copy was made: the local edit is kept, the file's is not written. */
  | 'kept-local'
  /** Not something Rasid imports (an entity mention: history). */
  | 'skipped'
  /** Invalid: the reason says why. */
  | 'rejected'
  /** Its id is an annotation of another page here: neither is replaced (issue #12). */
  | 'conflict';

export interface ImportReportItem {
  /** Position in the file (0-based). */
  index: number;
  id: string | null;
  outcome: ImportOutcome;
  problem?: ItemProblem | undefined;
  warnings?: ItemWarning[] | undefined;
}

export interface ImportReport {
  items: ImportReportItem[];
  counts: Record<ImportOutcome, number>;
}

export const IMPORT_OUTCOMES: readonly ImportOutcome[] = [
  'imported',
  'updated',
  'duplicate',
  'kept-local',
  'skipped',
  'rejected',
  'conflict',
];

export function importReport(items: ImportReportItem[]): ImportReport {
  const counts = Object.fromEntries(IMPORT_OUTCOMES.map((o) => [o, 0])) as Record<ImportOutcome, number>;
  for (const item of items) counts[item.outcome]++;
  return { items, counts };
}

/** An import's answer: a report per item, or why the whole file was refused (and nothing written). */
export type ImportResult = Result<ImportReport, FileProblem>;
