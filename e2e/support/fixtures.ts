import { readdirSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { countWords } from '../../lib/article/extract-article.ts';
import { PAGES } from './paths.ts';

export interface PageMetadata {
  title: string;
  byline?: string;
  siteName?: string;
  lang: string | null;
  boilerplate?: string[];
}

export interface PageFixture {
  slug: string;
  meta: PageMetadata;
  /** Words in the article body as written in the fixture (paragraphs and sub-headings of `<article>`). */
  articleWords: number;
}

export function loadFixture(slug: string): PageFixture {
  const meta = JSON.parse(readFileSync(`${PAGES}/${slug}/expected-metadata.json`, 'utf8')) as PageMetadata;
  const { document } = parseHTML(readFileSync(`${PAGES}/${slug}/source.html`, 'utf8'));
  const body = [...document.querySelectorAll('article p, article h2')]
    .filter((el) => !el.closest('.byline'))
    .map((el) => el.textContent ?? '')
    .join(' ');
  return { slug, meta, articleWords: countWords(body) };
}

/** Every fixture page whose article is Arabic: the five seeds and the unlabelled one. */
export const ARABIC_PAGES = readdirSync(PAGES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'english-control')
  .map((d) => d.name)
  .sort();
