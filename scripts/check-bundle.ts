/**
 * After the build (`npm test` runs it on the Chromium build):
 * - Chromium refuses to load a content script that is not strict UTF-8 in its sense — no
 *   noncharacters — and a minifier writes "\uFFFE" or "\uFFFF" in a string as the raw character (it
 *   happened twice: Dexie's maxKey, a fold table). This names the file and offset instead of leaving
 *   "Could not load file for content script" to be found. Checked for the manifest's content scripts and
 *   for the reader the background injects.
 * - The content scripts every page runs total under 20 KB (issue #16): the reader is loaded on Arabic
 *   pages only.
 * - The reader stays under 160 KB (issue #16): every Arabic page compiles it before reading. The
 *   lexicon is data (`lexicon.json`, fetched), not code in it, and of the strings it carries only
 *   those shown inside pages (`lib/i18n/page-catalog.ts`: 137 KB, where the whole catalogue made it
 *   172 KB): a larger reader means some import pulled the lexicon, the catalogue or a library back in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const NONCHARACTER = /[\uFFFE\uFFFF]/u;
/** Injected by the background (`scripting.executeScript`), held to the same rule. */
const INJECTED = ['reader.js'];
const CONTENT_SCRIPTS_LIMIT = 20 * 1024;
const READER_LIMIT = 160 * 1024;

let bad = 0;
for (const dir of process.argv.slice(2)) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  const declared = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  let bytes = 0;
  for (const file of [...declared, ...INJECTED]) {
    const text = readFileSync(join(dir, file), 'utf8');
    if (declared.includes(file)) bytes += Buffer.byteLength(text);
    if (file === 'reader.js') {
      const size = Buffer.byteLength(text);
      console.log(`${dir}: reader ${(size / 1024).toFixed(1)} KB`);
      if (size >= READER_LIMIT) {
        bad++;
        console.error(`${dir}/reader.js: ${size} bytes, over the ${READER_LIMIT} allowed`);
      }
    }
    const at = text.search(NONCHARACTER);
    if (at < 0) continue;
    bad++;
    console.error(`${dir}/${file}: a raw noncharacter at offset ${at}: write it as String.fromCharCode(…)`);
  }
  console.log(`${dir}: content scripts ${(bytes / 1024).toFixed(1)} KB (${declared.join(', ')})`);
  if (bytes >= CONTENT_SCRIPTS_LIMIT) {
    bad++;
    console.error(
      `${dir}: the content scripts total ${bytes} bytes, over the ${CONTENT_SCRIPTS_LIMIT} allowed`,
    );
  }
}
process.exit(bad ? 1 : 0);
