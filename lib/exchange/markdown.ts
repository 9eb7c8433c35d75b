import type { AnnotationRow } from '../model/annotation.ts';
import type { PageRow } from '../model/page.ts';
import type { EntityType } from '../lexicon/schema.ts';
import { escapeMarkdown, markdownLink, markdownParagraphs, markdownQuote } from './escape-markdown.ts';
import type { EntityLabel, ExportInput } from '../model/exchange.ts';

/**
 * The reader's annotations as a Markdown document to read (issue #7): page by page, each quote with
 * its note, tags and entity, then the actors and places the page named. Every piece of page or reader
 * text goes through `escape-markdown.ts`: it shows as text in any renderer.
 */

/** The document's few fixed words; `{version}` and `{date}` are filled in. */
export interface MarkdownLabels {
  title: string;
  /** Under the title: which Rasid made the document, and when. */
  exported: string;
  /** Beside a page's site: when the reader first read it. */
  read: string;
  tags: string;
  entity: string;
  actors: string;
  places: string;
}

export const ENGLISH_MARKDOWN_LABELS: MarkdownLabels = {
  title: 'Annotations',
  exported: 'Exported from Rasid {version} on {date}.',
  read: 'read on {date}',
  tags: 'Tags',
  entity: 'Entity',
  actors: 'Actors',
  places: 'Places',
};

/** One page's part of the document. */
interface PageSection {
  key: string;
  page: PageRow | undefined;
  annotations: AnnotationRow[];
  /** Entity ids the page named (by count, most first) or its annotations link to. */
  entities: string[];
  /** When the page's first annotation was made, or, without any, when the page was first read. */
  first: number;
}

export function toMarkdown(input: ExportInput, labels: MarkdownLabels = ENGLISH_MARKDOWN_LABELS): string {
  const names = new Map(input.entities.map((e) => [e.id, e]));
  const header = [
    `# ${escapeMarkdown(labels.title)}`,
    escapeMarkdown(fill(labels.exported, { version: input.version, date: day(input.generated) })),
  ];
  const sections = pageSections(input).map((section) => pageMarkdown(section, names, labels));
  return `${[...header, ...sections].join('\n\n')}\n`;
}

/** The pages, in the order the reader first worked on them; a page's annotations in reading order. */
function pageSections(input: ExportInput): PageSection[] {
  const pages = new Map(input.pages.map((p) => [p.url, p]));
  const sections = new Map<string, PageSection>();
  const section = (key: string, first: number) => {
    let s = sections.get(key);
    if (!s) sections.set(key, (s = { key, page: pages.get(key), annotations: [], entities: [], first }));
    return s;
  };
  for (const a of input.annotations) {
    const s = section(a.page, a.created);
    s.annotations.push(a);
    s.first = Math.min(s.first, a.created);
  }
  const mentions = [...(input.mentions ?? [])].sort((a, b) => b.count - a.count);
  for (const m of mentions) {
    const s = section(m.page, m.firstSeen);
    if (!s.annotations.length) s.first = Math.min(s.first, m.firstSeen);
    s.entities.push(m.entity);
  }
  for (const s of sections.values()) {
    s.annotations.sort((a, b) => a.target.selector.position.start - b.target.selector.position.start);
    for (const a of s.annotations) if (a.body.entity !== undefined) s.entities.push(a.body.entity);
    s.entities = [...new Set(s.entities)];
  }
  return [...sections.values()].sort((a, b) => a.first - b.first || titleOf(a).localeCompare(titleOf(b)));
}

const titleOf = (s: PageSection) => s.page?.title || s.page?.address || s.key;

function pageMarkdown(s: PageSection, names: Map<string, EntityLabel>, labels: MarkdownLabels): string {
  const address = s.page?.address ?? s.annotations[0]?.target.source ?? s.key;
  const parts = [`## ${markdownLink(titleOf(s), address)}`];
  const about = [s.page?.site, s.page && fill(labels.read, { date: day(s.page.firstVisit) })].filter(Boolean);
  if (about.length) parts.push(escapeMarkdown(about.join(' · ')));
  for (const a of s.annotations) parts.push(...annotationMarkdown(a, names, labels));
  for (const [type, label] of [
    ['actor', labels.actors],
    ['place', labels.places],
  ] as const) {
    const named = entitiesOf(s.entities, type, names);
    if (named.length) parts.push(`**${escapeMarkdown(label)}:** ${named.map(escapeMarkdown).join(' · ')}`);
  }
  return parts.join('\n\n');
}

/** The quote, then the note, the tags and the linked entity, each its own block. */
function annotationMarkdown(
  a: AnnotationRow,
  names: Map<string, EntityLabel>,
  labels: MarkdownLabels,
): string[] {
  const blocks = [markdownQuote(a.target.selector.quote.exact)];
  const note = markdownParagraphs(a.body.note);
  if (note) blocks.push(note);
  if (a.body.tags.length)
    blocks.push(`**${escapeMarkdown(labels.tags)}:** ${a.body.tags.map(escapeMarkdown).join(' · ')}`);
  if (a.body.entity !== undefined) {
    const label = names.get(a.body.entity);
    blocks.push(
      `**${escapeMarkdown(labels.entity)}:** ${escapeMarkdown(label ? entityName(label) : a.body.entity)}`,
    );
  }
  return blocks;
}

/** The names of the entities of one type, as Arabic (English). Entities without a label have no type to go by. */
function entitiesOf(ids: string[], type: EntityType, names: Map<string, EntityLabel>): string[] {
  return ids.flatMap((id) => {
    const label = names.get(id);
    return label?.type === type ? [entityName(label)] : [];
  });
}

const entityName = (e: EntityLabel) => (e.ar === e.en ? e.ar : `${e.ar} (${e.en})`);

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/gu, (whole, name: string) => values[name] ?? whole);

/** A date as YYYY-MM-DD (UTC): the same in every language, and sorts as text. */
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
