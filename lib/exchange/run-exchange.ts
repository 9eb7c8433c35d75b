import { exportData, type ExportScope } from '../db/export-data.ts';
import { importAnnotations } from '../db/import-annotations.ts';
import type { RasidDB } from '../db/schema.ts';
import type { Entity } from '../lexicon/schema.ts';
import { toCsv } from './csv.ts';
import type { ImportResult } from './import-report.ts';
import { toMarkdown, type MarkdownLabels } from './markdown.ts';
import { parseWebAnnotation } from './parse-web-annotation.ts';
import { toWebAnnotation } from './web-annotation.ts';

export type ExportFormat = 'jsonld' | 'csv' | 'markdown';

/** A file to offer the reader, who chooses where it goes. */
export interface FileToSave {
  name: string;
  type: string;
  text: string;
}

export interface ExchangeDeps {
  db: RasidDB;
  /** Rasid's version, named in every export. */
  version: string;
  now(): number;
  /** The entities to name things by: bundled, with the reader's own merged in. */
  lexicon(): Promise<readonly Entity[]>;
  /** Offers the file through the browser's save dialog. */
  save(file: FileToSave): Promise<void>;
  /** The annotations changed: open pages load and paint them again. Must not throw. */
  annotationsChanged(): void;
  markdownLabels: MarkdownLabels;
}

const FILE_TYPES: Record<ExportFormat, { extension: string; type: string }> = {
  jsonld: { extension: 'jsonld', type: 'application/ld+json' },
  csv: { extension: 'csv', type: 'text/csv;charset=utf-8' },
  markdown: { extension: 'md', type: 'text/markdown;charset=utf-8' },
};

/**
 * Export and import as extension pages run them (panel, dashboard): they open the database
 * themselves, so that a 50 MB file never has to cross a message.
 */
export function createExchange(deps: ExchangeDeps) {
  return {
    /** Builds the export and offers it; resolves with the file's name. */
    async exportAnnotations(scope: ExportScope, format: ExportFormat, mentions: boolean): Promise<string> {
      const now = deps.now();
      const input = await exportData(deps.db, scope, {
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
            : toMarkdown(input, deps.markdownLabels);
      const { extension, type } = FILE_TYPES[format];
      const name = `rasid-${'page' in scope ? 'page' : 'annotations'}-${new Date(now).toISOString().slice(0, 10)}.${extension}`;
      await deps.save({ name, type, text });
      return name;
    },

    /** Reads a file whole, then writes what it holds; a file refused as a whole writes nothing. */
    async importAnnotations(text: string): Promise<ImportResult> {
      const now = deps.now();
      const parsed = parseWebAnnotation(text, { now });
      if (!parsed.ok) return parsed;
      const report = await importAnnotations(deps.db, parsed.items, parsed.entities, now);
      if (report.counts.imported || report.counts.updated) deps.annotationsChanged();
      return { ok: true, report };
    },
  };
}
