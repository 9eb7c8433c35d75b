import { ar, en, type MessageKey } from '../i18n/catalog.ts';
import type { Language } from '../i18n/i18n.ts';
import type { MarkdownLabels } from './markdown.ts';

/** The Markdown report's few fixed words, from the catalog (placeholders are filled by the report). */
export function markdownLabels(lang: Language): MarkdownLabels {
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
