import type { Language } from '../i18n/i18n.ts';
import { bundledLexicon } from '../lexicon/bundled-lexicon.ts';
import { mergeLexicon } from '../reader-lexicon/merge-reader-lexicon.ts';
import type { Entity } from '../lexicon/schema.ts';
import type { ExportFormat, ExportScope } from '../model/exchange.ts';
import type { ImportResult } from '../model/import-report.ts';
import { importInChunks } from '../exchange/import-in-chunks.ts';
import { sendMessage } from './send-message.ts';
import { saveFile } from './save-file.ts';
import type { ParsedFile } from '../model/exchange.ts';

/** Reads an import file in a worker, off the thread Rasid's pages share (issue #12). */
function parseInWorker(text: string, now: number): Promise<ParsedFile> {
  const worker = new Worker(new URL('../exchange/parse-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ParsedFile>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ParsedFile>) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(event.message || 'the file could not be read'));
    worker.postMessage({ text, now });
  }).finally(() => worker.terminate());
}

/**
 * Export and import for an extension page (the panel, the dashboard). The background builds exports
 * and writes imports (it is the only writer, issue #11); the page reads the file, checks it whole,
 * sends it in chunks with progress, and offers exports through the save dialog.
 */
export function pageExchange(lang: Language) {
  return {
    /** Builds the export in the background and offers it; resolves with the file's name. */
    async exportAnnotations(scope: ExportScope, format: ExportFormat, mentions: boolean): Promise<string> {
      const file = await sendMessage('exchange/export', { scope, format, mentions, lang });
      if (!file.ok) throw new Error(file.error);
      await saveFile(file.value);
      return file.value.name;
    },

    /** Reads a file whole, then has the background write it a chunk at a time. */
    importAnnotations(text: string, progress?: (done: number, total: number) => void): Promise<ImportResult> {
      return importInChunks(text, {
        now: Date.now(),
        parse: parseInWorker,
        progress,
        async write(items, entities) {
          const written = await sendMessage('exchange/import', { items, entities });
          if (!written.ok) throw new Error(written.error);
          return written.value;
        },
      });
    },
  };
}

export type PageExchange = ReturnType<typeof pageExchange>;

/** The bundled entities with the reader's own merged in, as the background has them. */
export async function mergedLexicon(): Promise<Entity[]> {
  const reader = await sendMessage('lexicon/get', {});
  return reader.ok ? mergeLexicon(bundledLexicon.entities, reader.value) : bundledLexicon.entities;
}
