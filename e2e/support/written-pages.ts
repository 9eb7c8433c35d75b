import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveFolder, type FixtureServer } from './fixture-server.ts';

/**
 * Pages a test writes itself (the names the recogniser suggests, issues #13 and #17), served from a
 * folder of their own on 127.0.0.1.
 */

/** A commander and a village no lexicon knows: the recogniser suggests both («القائد …», «بلدة …»). */
export const UNKNOWN_PERSON = 'سليم الخطيب';
export const UNKNOWN_VILLAGE = 'كفرنبل';

/** Paragraphs that name nobody: enough article for Readability. */
export const FILLER = [
  'وتشهد المنطقة منذ أسابيع توترا متزايدا بين الأطراف المحلية، وسط مخاوف السكان من موجة نزوح جديدة مع اقتراب فصل الشتاء.',
  'وأشار ناشطون إلى أن الطرق الرئيسية بقيت مفتوحة أمام حركة المدنيين، بينما أغلقت المدارس أبوابها مؤقتا حتى إشعار آخر.',
  'ويقول سكان إن الأسعار ارتفعت بشكل ملحوظ خلال الأيام الماضية، وإن المواد الأساسية باتت شحيحة في الأسواق المحلية.',
];

const NAV = `<header><nav><ul><li><a href="#">الرئيسية</a></li><li><a href="#">أخبار</a></li></ul></nav></header>\n`;
const ASIDE = `<aside><h2>الأكثر قراءة</h2><ul><li><a href="#">أسعار الذهب اليوم</a></li><li><a href="#">حالة الطقس غدا</a></li></ul></aside>
<footer><p>جميع الحقوق محفوظة</p></footer>
`;

/** An Arabic article page; `boilerplate` puts a menu, a "most read" list and a footer around it. */
export function articlePage(title: string, paragraphs: readonly string[], boilerplate = true): string {
  return `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>${title}</title></head>
<body>
${boilerplate ? NAV : ''}<article>
<h1>${title}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article>
${boilerplate ? ASIDE : ''}</body>
</html>
`;
}

/** Serves `pages` (slug → HTML) at `/slug/`; closing the server removes the folder they were written to. */
export async function serveWrittenPages(pages: Readonly<Record<string, string>>): Promise<FixtureServer> {
  const folder = await mkdtemp(join(tmpdir(), 'rasid-written-pages-'));
  for (const [slug, html] of Object.entries(pages)) {
    await mkdir(join(folder, slug));
    await writeFile(join(folder, slug, 'source.html'), html);
  }
  const server = await serveFolder(folder);
  return {
    origin: server.origin,
    async close() {
      await server.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
