import { describe, expect, it } from 'vitest';
import { annotationRow, ANNOTATIONS, exportInput, MENTIONS, PAGE_A, PAGE_B } from './export-input.fixture.ts';
import type { PageRow } from '../model/page.ts';
import { ENGLISH_MARKDOWN_LABELS, toMarkdown, type MarkdownLabels } from './markdown.ts';

const HOSTILE = ['<img src=x onerror=alert(1)>', '[click](javascript:alert(1))', '](javascript:alert(1))'];

/**
 * The destinations of every link a CommonMark renderer would see: each `](` whose `]` is not escaped
 * (preceded by an even number of backslashes).
 */
function linkDestinations(markdown: string): string[] {
  const found: string[] = [];
  for (let at = markdown.indexOf(']('); at >= 0; at = markdown.indexOf('](', at + 1)) {
    let slashes = 0;
    while (markdown[at - 1 - slashes] === '\\') slashes++;
    if (slashes % 2 === 0) found.push(markdown.slice(at + 2, markdown.indexOf(')', at)));
  }
  return found;
}

/** The section of the document about the page with this title (from its heading to the next). */
const section = (markdown: string, title: string) =>
  markdown.split(/^## /mu).find((s) => s.startsWith(`[${title}]`) || s.startsWith(title)) ?? '';

describe('toMarkdown', () => {
  it('opens with a heading and the version and date of the export', () => {
    const lines = toMarkdown(exportInput({ version: '1.2.3', generated: Date.UTC(2025, 3, 1) })).split('\n');
    expect(lines[0]).toBe('# Annotations');
    expect(lines[2]).toBe('Exported from Rasid 1.2.3 on 2025-04-01.');
  });

  it('speaks the language of the labels it is given', () => {
    const arabic: MarkdownLabels = {
      title: 'التعليقات',
      exported: 'صدّرها راصد {version} في {date}.',
      read: 'قُرئت في {date}',
      tags: 'الوسوم',
      entity: 'الكيان',
      actors: 'الفاعلون',
      places: 'الأماكن',
    };
    const markdown = toMarkdown(exportInput(), arabic);
    expect(markdown).toMatch(/^# التعليقات\n\nصدّرها راصد 0\.1\.0 في 2025-04-01\./u);
    for (const word of Object.values(ENGLISH_MARKDOWN_LABELS)) expect(markdown).not.toContain(word);
    expect(markdown).toContain('**الفاعلون:**');
  });

  it('links each page’s heading to its address', () => {
    const markdown = toMarkdown(exportInput());
    expect(markdown).toContain(`## [${PAGE_A.title}](${PAGE_A.address})`);
    expect(markdown).toContain(`## [${PAGE_B.title}](${PAGE_B.address})`);
  });

  it('names the site and the day the page was first read', () =>
    expect(section(toMarkdown(exportInput()), PAGE_A.title)).toContain(
      'enabbaladi.net · read on 2025-03-14',
    ));

  it('orders pages by their first annotation', () => {
    const on = (page: PageRow, created: number) =>
      annotationRow({
        id: page.url,
        page: page.url,
        target: { ...ANNOTATIONS[0]!.target, source: page.address! },
        created,
      });
    const order = (a: number, b: number) => {
      const markdown = toMarkdown(exportInput({ annotations: [on(PAGE_A, a), on(PAGE_B, b)], mentions: [] }));
      return markdown.indexOf(PAGE_A.title) < markdown.indexOf(PAGE_B.title) ? 'A B' : 'B A';
    };
    expect(order(1, 2)).toBe('A B');
    expect(order(2, 1)).toBe('B A');
  });

  it('gives a page’s annotations in reading order, whatever order they were made in', () => {
    const at = (start: number, exact: string) =>
      annotationRow({
        id: exact,
        target: {
          source: PAGE_A.address!,
          selector: { quote: { exact }, position: { start, end: start + 1 } },
        },
      });
    const markdown = toMarkdown(
      exportInput({ annotations: [at(50, 'ثالثا'), at(3, 'أولا'), at(20, 'ثانيا')] }),
    );
    const order = ['أولا', 'ثانيا', 'ثالثا'].map((q) => markdown.indexOf(`> ${q}`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(Math.min(...order)).toBeGreaterThan(0);
  });

  it('quotes the selection and gives the note, tags and entity below it', () => {
    const page = section(toMarkdown(exportInput()), PAGE_A.title);
    const parts = [
      '> سد تشرين',
      'أول خبر عن السد  \nبعد أسبوع من المعارك',
      '**Tags:** حلب، منبج · سدود',
      '**Entity:** قوات سوريا الديمقراطية (Syrian Democratic Forces)',
    ];
    const found = parts.map((p) => page.indexOf(p));
    expect(found.every((i) => i >= 0)).toBe(true);
    expect(found).toEqual([...found].sort((a, b) => a - b));
  });

  it('keeps every line of a quote inside the block quote', () => {
    const exact = 'سطر أول\n# ليس عنوانا\n\n- ليس قائمة';
    const markdown = toMarkdown(
      exportInput({
        annotations: [
          annotationRow({
            target: {
              source: PAGE_A.address!,
              selector: { quote: { exact }, position: { start: 0, end: 1 } },
            },
          }),
        ],
        mentions: [],
      }),
    );
    expect(markdown).toContain('> سطر أول\n> \\# ليس عنوانا\n>\n> \\- ليس قائمة\n');
  });

  it('lists the actors and places the page named, and the entities its annotations link to', () => {
    const page = section(toMarkdown(exportInput()), PAGE_A.title);
    expect(page).toContain('**Actors:** قوات سوريا الديمقراطية (Syrian Democratic Forces)');
    expect(page).toContain('**Places:** سد تشرين (Tishreen Dam)');
    expect(section(toMarkdown(exportInput()), PAGE_B.title)).toContain('**Places:** قرية الخفسة (Al-Khafsa)');
  });

  it('lists entities only from annotations when mentions are not asked for', () => {
    const page = section(toMarkdown(exportInput({ mentions: undefined })), PAGE_A.title);
    expect(page).toContain('**Actors:**');
    expect(page).not.toContain('**Places:**');
  });

  it('names an entity once, however often it is named', () => {
    const mentions = [...MENTIONS, { ...MENTIONS[0]!, count: 1 }];
    const page = section(toMarkdown(exportInput({ mentions })), PAGE_A.title);
    expect(page.match(/Syrian Democratic Forces/gu)).toHaveLength(2); // the entity link, and the actors
  });

  it('shows the id of an entity it has no names for', () =>
    expect(toMarkdown(exportInput({ entities: [] }))).toContain('**Entity:** sdf'));

  it('takes the title and address from the annotations when the page is not known', () =>
    expect(toMarkdown(exportInput({ pages: [] }))).toContain(`## [${PAGE_A.url}](${PAGE_A.address})`));

  describe('with hostile text', () => {
    const hostile = () => {
      const page = { ...PAGE_A, title: HOSTILE.join(' '), siteName: HOSTILE[0]!, site: HOSTILE[1]! };
      const annotations = HOSTILE.map((text, i) =>
        annotationRow({
          id: String(i),
          target: {
            source: 'javascript:alert(1)',
            selector: { quote: { exact: text }, position: { start: i, end: i + 1 } },
          },
          body: { note: `${text}\n${text}`, tags: [text], entity: 'evil' },
        }),
      );
      const entities = [{ id: 'evil', type: 'actor' as const, ar: HOSTILE[0]!, en: HOSTILE[2]! }];
      return toMarkdown(
        exportInput({ pages: [page, { ...PAGE_B, address: 'javascript:alert(1)' }], annotations, entities }),
      );
    };

    it('writes no HTML', () => {
      expect(hostile()).not.toContain('<img');
      expect(hostile()).not.toContain('<');
    });

    it('makes no link except to web and saved pages', () => {
      expect(linkDestinations(hostile())).toEqual([PAGE_A.address]);
      for (const text of HOSTILE)
        expect(linkDestinations(toMarkdown(exportInput({ pages: [{ ...PAGE_A, title: text }] })))).toSatisfy(
          (d: string[]) => d.every((url) => /^(?:https?|file):/u.test(url)),
        );
    });

    it('does not link a page whose address is not a web page', () => {
      const markdown = toMarkdown(
        exportInput({
          pages: [{ ...PAGE_B, address: 'javascript:alert(1)' }],
          annotations: ANNOTATIONS.slice(2, 3),
          mentions: [],
        }),
      );
      expect(markdown).toContain(`## ${PAGE_B.title}\n`);
      expect(linkDestinations(markdown)).toEqual([]);
    });
  });
});
