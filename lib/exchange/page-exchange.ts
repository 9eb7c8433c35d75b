import { browser } from 'wxt/browser';
import { RasidDB } from '../db/schema.ts';
import type { Language } from '../i18n/i18n.ts';
import { bundledLexicon } from '../lexicon/bundled-lexicon.ts';
import { mergeLexicon } from '../lexicon/reader-lexicon.ts';
import type { Entity } from '../lexicon/schema.ts';
import { sendMessage, sendToAllTabs } from '../messages/send-message.ts';
import { ar, en, type MessageKey } from '../i18n/catalog.ts';
import type { MarkdownLabels } from './markdown.ts';
import { createExchange } from './run-exchange.ts';
import { saveFile } from './save-file.ts';

/**
 * Export and import for an extension page (the panel, the dashboard), wired to the browser: its own
 * connection to the database, the save dialog, and every tab told to repaint its annotations.
 */
export function pageExchange(lang: Language) {
  return createExchange({
    db: new RasidDB(),
    version: browser.runtime.getManifest().version,
    now: Date.now,
    lexicon: mergedLexicon,
    save: saveFile,
    annotationsChanged: () => void sendToAllTabs('annotations/refresh', {}),
    markdownLabels: markdownLabels(lang),
  });
}

/** The Markdown report's few fixed words, from the catalog (placeholders are filled by the report). */
function markdownLabels(lang: Language): MarkdownLabels {
  const text = (key: MessageKey) => String((lang === 'ar' ? ar : en)[key]);
  return {
    title: text('mdTitle'),
    exported: text('mdExported'),
    read: text('mdRead'),
    tags: text('mdTags'),
    entity: text('mdEntity'),
    actors: text('actors'),
    places: text('places'),
  };
}

/** The bundled entities with the reader's own merged in, as the background has them. */
export async function mergedLexicon(): Promise<Entity[]> {
  const reader = await sendMessage('lexicon/get', {});
  return reader.ok ? mergeLexicon(bundledLexicon.entities, reader.value) : bundledLexicon.entities;
}
