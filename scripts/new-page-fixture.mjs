// new-page-fixture.mjs: turn a page saved from a browser into an offline test fixture.
//
// Usage: node scripts/new-page-fixture.mjs <slug> <path-to-saved.html>
//
// Writes tests/fixtures/pages/<slug>/source.html, a copy of the saved page that can't
// reach the network: <script src> elements, <iframe>s, <link> tags pointing at http(s)
// (stylesheets, fonts, icons, preloads) and remote src/srcset/poster attributes and
// CSS url(...)s are removed. Also writes a stub expected-metadata.json with the <title>
// (and lang, dir and og:site_name when the page has them) filled in; replace its TODO
// fields by hand. No dependencies; refuses to overwrite an existing fixture.
import console from 'node:console';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const [slug, input] = process.argv.slice(2);
if (!slug || !input || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
  console.error('usage: node scripts/new-page-fixture.mjs <kebab-case-slug> <saved.html>');
  process.exit(1);
}
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'tests', 'fixtures', 'pages', slug);
if (existsSync(join(outDir, 'source.html'))) {
  console.error(`${relative(root, outDir)}/source.html already exists; not overwriting`);
  process.exit(1);
}

let html = readFileSync(resolve(input), 'utf8');
const REMOTE = String.raw`(?:https?:)?//`; // http://, https:// and protocol-relative //
const rules = [
  ['<script src> elements', /<script\b[^>]*\bsrc\s*=[^>]*>[\s\S]*?<\/script\s*>/gi, ''],
  ['<iframe> elements', /<iframe\b[^>]*\/>|<iframe\b[\s\S]*?<\/iframe\s*>/gi, ''],
  ['remote <link> tags', new RegExp(String.raw`<link\b[^>]*\bhref\s*=\s*["']?${REMOTE}[^>]*>`, 'gi'), ''],
  [
    'remote src/srcset/poster attributes',
    new RegExp(
      String.raw`\s(?:src|srcset|poster)\s*=\s*(?:"\s*${REMOTE}[^"]*"|'\s*${REMOTE}[^']*'|${REMOTE}[^\s>]*)`,
      'gi',
    ),
    '',
  ],
  ['remote CSS url()s', new RegExp(String.raw`url\(\s*["']?${REMOTE}[^)]*\)`, 'gi'), 'url(data:,)'],
];
for (const [what, re, replacement] of rules) {
  const n = (html.match(re) ?? []).length;
  html = html.replace(re, replacement);
  console.log(`removed ${n} ${what}`);
}

const decode = (s) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(
      /&(quot|apos|lt|gt|nbsp|amp);/g,
      (_, e) => ({ quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ', amp: '&' })[e],
    )
    .replace(/\s+/g, ' ')
    .trim();
const pick = (re) => {
  const m = html.match(re);
  return m ? decode(m[1]) : null;
};
const htmlTag = html.match(/<html\b[^>]*>/i)?.[0] ?? '';
const metadata = {
  title: pick(/<title[^>]*>([\s\S]*?)<\/title>/i) ?? 'TODO',
  byline: 'TODO',
  siteName:
    pick(/<meta\b[^>]*property=["']og:site_name["'][^>]*content=["']([^"']*)["']/i) ??
    pick(/<meta\b[^>]*content=["']([^"']*)["'][^>]*property=["']og:site_name["']/i) ??
    'TODO',
  lang: /\slang\s*=\s*["']?([\w-]+)/i.exec(htmlTag)?.[1] ?? null,
  dir: /\sdir\s*=\s*["']?(rtl|ltr|auto)/i.exec(htmlTag)?.[1] ?? null,
  firstParagraph: "TODO: first 60 characters of the article's first paragraph",
  lastParagraph: "TODO: first 60 characters of the article's last paragraph",
  boilerplate: ['TODO: phrases from the nav, sidebar, comments and footer that must not be extracted'],
};

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'source.html'), html);
writeFileSync(join(outDir, 'expected-metadata.json'), JSON.stringify(metadata, null, 2) + '\n');
console.log(`wrote ${relative(root, outDir)}/source.html (${html.length} chars)`);
console.log(
  `wrote ${relative(root, outDir)}/expected-metadata.json (title: ${JSON.stringify(metadata.title)}); fill in its TODO fields`,
);
