import type { AnnotationRow } from '../model/annotation.ts';
import type { MentionRow } from '../model/mention.ts';
import type { PageRow } from '../model/page.ts';
import type { EntityLabel, ExportInput } from '../model/exchange.ts';

/**
 * One reader's work, shared by the export format tests: Arabic and English notes, every colour, a
 * lexicon entity and a reader's own, an id imported from another tool, a page whose key is not its
 * address, a page saved on disk.
 */

export const READER_ENTITY = 'reader-5b7c1a2e-8d3f-4c6b-9e0a-7f1d2c3b4a59';
export const HYPOTHESIS_ID = 'https://hypothes.is/a/AbC123xyz';

const day = 86_400_000;
const t0 = Date.UTC(2025, 2, 14, 9, 30);

export const PAGE_A: PageRow = {
  url: 'https://enabbaladi.net/archives/700001',
  address: 'https://www.enabbaladi.net/archives/700001?utm_source=telegram',
  site: 'enabbaladi.net',
  title: 'قسد تعلن السيطرة على سد تشرين',
  byline: null,
  siteName: 'عنب بلدي',
  publishedTime: null,
  lang: 'ar',
  wordCount: 640,
  firstVisit: t0,
  lastVisit: t0 + day,
  visits: 2,
};

export const PAGE_B: PageRow = {
  url: 'file:///home/reader/saved/report.html',
  address: 'file:///home/reader/saved/report.html',
  site: 'file',
  title: 'Report on the Tishreen dam',
  byline: null,
  siteName: null,
  publishedTime: null,
  lang: 'en',
  wordCount: 900,
  firstVisit: t0 + 2 * day,
  lastVisit: t0 + 2 * day,
  visits: 1,
};

/** An annotation on page A, changed by `patch`. */
export function annotationRow(
  patch: Partial<Omit<AnnotationRow, 'body'>> & { body?: Partial<AnnotationRow['body']> } = {},
): AnnotationRow {
  const { body, ...rest } = patch;
  return {
    id: '0f8e5b8a-2c1d-4e6f-9a0b-1c2d3e4f5a6b',
    page: PAGE_A.url,
    target: {
      source: PAGE_A.address!,
      selector: {
        quote: { exact: 'سد تشرين', prefix: 'السيطرة على ', suffix: ' شرقي حلب' },
        position: { start: 120, end: 128 },
      },
    },
    created: t0,
    modified: t0 + 3_600_000,
    ...rest,
    body: { note: '', tags: [], color: 'yellow', ...body },
  };
}

export const ANNOTATIONS: AnnotationRow[] = [
  annotationRow({
    body: {
      note: 'أول خبر عن السد\nبعد أسبوع من المعارك',
      tags: ['حلب، منبج', 'سدود'],
      color: 'yellow',
      entity: 'sdf',
    },
  }),
  annotationRow({
    id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    target: {
      source: PAGE_A.address!,
      selector: { quote: { exact: 'شرقي حلب' }, position: { start: 129, end: 137 } },
    },
    body: { color: 'green' },
    created: t0 + 60_000,
    modified: t0 + 60_000,
  }),
  annotationRow({
    id: '9c8b7a6f-5e4d-4c3b-a2a1-0f9e8d7c6b5a',
    page: PAGE_B.url,
    target: {
      source: PAGE_B.address!,
      selector: { quote: { exact: 'the dam', prefix: 'took ', suffix: '' }, position: { start: 4, end: 11 } },
    },
    body: {
      note: 'Check the date against other sources.',
      tags: ['to verify'],
      color: 'blue',
      entity: READER_ENTITY,
    },
    created: t0 + 2 * day,
    modified: t0 + 2 * day,
  }),
  annotationRow({
    id: HYPOTHESIS_ID,
    body: {
      note: '<img src=x onerror=alert(1)>\n\n=HYPERLINK("http://evil.example","click")',
      tags: ['+1'],
      color: 'pink',
    },
    created: t0 + 5_000,
    modified: t0 + 9_000,
  }),
];

export const ENTITIES: EntityLabel[] = [
  {
    id: 'sdf',
    type: 'actor',
    subtype: 'armed-group',
    ar: 'قوات سوريا الديمقراطية',
    en: 'Syrian Democratic Forces',
  },
  { id: 'tishreen-dam', type: 'place', subtype: 'dam', ar: 'سد تشرين', en: 'Tishreen Dam' },
  { id: READER_ENTITY, type: 'place', ar: 'قرية الخفسة', en: 'Al-Khafsa' },
];

export const MENTIONS: MentionRow[] = [
  mention('sdf', 3, 'أعلنت قوات سوريا الديمقراطية السيطرة على سد تشرين.'),
  mention('tishreen-dam', 2, 'أعلنت قوات سوريا الديمقراطية السيطرة على سد تشرين.'),
];

function mention(entity: string, count: number, sentence: string): MentionRow {
  return { page: PAGE_A.url, entity, site: PAGE_A.site, count, sentence, firstSeen: t0, lastSeen: t0 + day };
}

/** The whole export input; `patch` replaces parts of it. */
export function exportInput(patch: Partial<ExportInput> = {}): ExportInput {
  return {
    version: '0.1.0',
    generated: Date.UTC(2025, 3, 1, 12),
    annotations: ANNOTATIONS,
    pages: [PAGE_A, PAGE_B],
    entities: ENTITIES,
    mentions: MENTIONS,
    ...patch,
  };
}
