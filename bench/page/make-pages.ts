import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface BenchPage {
  /** "5 KB", "100 KB", "1 MB". */
  label: string;
  /** Folder served as `/slug/`. */
  slug: string;
  /** Article text (heading and paragraphs) in UTF-8 bytes and in UTF-16 units. */
  bytes: number;
  chars: number;
  paragraphs: number;
}

const escapeHtml = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

/** The seed texts' non-empty lines, in order: the paragraphs every page is built from. */
export async function seedParagraphs(folder: string): Promise<string[]> {
  const files = (await readdir(folder)).filter((f) => f.endsWith('.txt')).sort();
  const texts = await Promise.all(files.map((f) => readFile(join(folder, f), 'utf8')));
  return texts.flatMap((t) =>
    t
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  );
}

/**
 * Paragraphs cycling through the seeds until the article holds `bytes` UTF-8 bytes; the last one is
 * cut at a space so that the sizes are what the labels say.
 */
function articleOf(paragraphs: readonly string[], bytes: number): string[] {
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = paragraphs[i % paragraphs.length]!;
    const room = bytes - size;
    if (utf8(p) <= room) {
      out.push(p);
      size += utf8(p);
      continue;
    }
    let cut = p;
    while (cut && utf8(cut) > room) cut = cut.slice(0, Math.max(0, cut.lastIndexOf(' ')));
    if (cut) out.push(cut);
    break;
  }
  return out;
}

/**
 * Light boilerplate around the article, as on the seeds' news sites: a header with navigation, a
 * sidebar of links, a footer. Ordinary words only, no names, so that every match is in the article.
 */
function pageHtml(title: string, article: readonly string[]): string {
  const links = (words: string[]) => words.map((w) => `<li><a href="#">${w}</a></li>`).join('');
  const [heading, ...body] = article;
  return `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body { margin: 0; font-family: sans-serif; line-height: 1.8; color: #222; background: #f4f4f4; }
header, footer { background: #8e1b1b; color: #fff; padding: .5rem 1rem; }
nav ul, aside ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 260px; gap: 2rem; max-width: 1140px; margin: 1rem auto; }
article { background: #fff; padding: 1.5rem 2rem; }
aside ul { display: block; }
</style>
</head>
<body>
<header><div class="logo">الأخبار اليومية</div>
<nav><ul>${links(['الرئيسية', 'أخبار', 'اقتصاد', 'رياضة', 'ثقافة', 'منوعات', 'اتصل بنا'])}</ul></nav></header>
<div class="layout">
<article>
<h1>${escapeHtml(heading ?? '')}</h1>
${body.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article>
<aside><h2>الأكثر قراءة</h2><ul>${links(['أسعار الذهب اليوم', 'حالة الطقس غدا', 'نتائج المباريات', 'وصفات سهلة للعشاء', 'نصائح للسفر'])}</ul></aside>
</div>
<footer><p>جميع الحقوق محفوظة</p><ul>${links(['من نحن', 'سياسة الخصوصية', 'شروط الاستخدام'])}</ul></footer>
</body>
</html>
`;
}

/** Writes one page per target size under `root/<slug>/source.html` (the layout serveFolder serves). */
export async function writePages(
  root: string,
  paragraphs: readonly string[],
  targets: readonly { label: string; bytes: number }[],
): Promise<BenchPage[]> {
  return Promise.all(
    targets.map(async ({ label, bytes }) => {
      const article = articleOf(paragraphs, bytes);
      const slug = `article-${bytes}`;
      await mkdir(join(root, slug), { recursive: true });
      await writeFile(join(root, slug, 'source.html'), pageHtml(article[0] ?? '', article));
      return {
        label,
        slug,
        bytes: article.reduce((n, p) => n + utf8(p), 0),
        chars: article.reduce((n, p) => n + p.length, 0),
        paragraphs: article.length,
      };
    }),
  );
}
