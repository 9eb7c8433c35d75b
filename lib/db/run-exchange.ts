import { exportData } from './export-data.ts';
import type { NotebookFilters } from '../model/notebook.ts';
import { importAnnotations } from './import-annotations.ts';
import type { RasidDB } from './schema.ts';
import type { Entity } from '../lexicon/schema.ts';
import { toCsv } from '../exchange/csv.ts';
import { exportFileName } from '../exchange/export-file-name.ts';
import type { EntityLabel, ExportFormat, ExportScope, FileToSave, ParsedItem } from '../model/exchange.ts';
import type { ImportReport } from '../model/import-report.ts';
import { toMarkdown, type MarkdownLabels } from '../exchange/markdown.ts';
import { toWebAnnotation } from '../exchange/web-annotation.ts';

export interface ExchangeDeps {
  db: RasidDB;
  /** Rasid's version, named in every export. */
  version: string;
  now(): number;
  /** The entities to name things by: bundled, with the reader's own merged in. */
  lexicon(): Promise<readonly Entity[]>;
  /** The ids of the annotations the notebook's search and filters select (`lib/db/notebook.ts`). */
  select?(filters: NotebookFilters): Promise<string[]>;
}

const FILE_TYPES: Record<ExportFormat, { extension: string; type: string }> = {
  jsonld: { extension: 'jsonld', type: 'application/ld+json' },
  csv: { extension: 'csv', type: 'text/csv;charset=utf-8' },
  markdown: { extension: 'md', type: 'text/markdown;charset=utf-8' },
};

/**
 * Export and import on the background's side (issue #11: the background is the only writer). An
 * export is built here and handed to the page that asked, which offers it through the save dialog; an
 * import is read and checked whole by the page (`lib/exchange/import-in-chunks.ts`) and written here a
 * chunk at a time, each in its own transaction, so that other pages' reads are answered in between.
 */
export function createExchange(deps: ExchangeDeps) {
  return {
    /** Builds an export file. */
    async exportFile(
      scope: ExportScope,
      format: ExportFormat,
      mentions: boolean,
      labels: MarkdownLabels,
    ): Promise<FileToSave> {
      const now = deps.now();
      const selection =
        'notebook' in scope ? { ids: deps.select ? await deps.select(scope.notebook) : [] } : scope;
      const input = await exportData(deps.db, selection, {
        mentions,
        version: deps.version,
        now,
        lexicon: await deps.lexicon(),
      });
      const text =
        format === 'jsonld'
          ? JSON.stringify(toWebAnnotation(input), null, 2)
          : format === 'csv'
            ? toCsv(input)
            : toMarkdown(input, labels);
      const { extension, type } = FILE_TYPES[format];
      return { name: exportFileName(scope, extension, now), type, text };
    },

    /** Writes one checked chunk of an import file; the report is per item. */
    importChunk(items: readonly ParsedItem[], entities: readonly EntityLabel[]): Promise<ImportReport> {
      return importAnnotations(deps.db, items, entities, deps.now());
    },
  };
}

export type Exchange = ReturnType<typeof createExchange>;
