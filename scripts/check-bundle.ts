/**
 * After the build (`npm test` runs it on the Chromium build): Chromium refuses to load a content
 * script that is not strict UTF-8 in its sense — no noncharacters — and a minifier writes "\uFFFE" or
 * "\uFFFF" in a string as the raw character (it happened twice: Dexie's maxKey, a fold table). This
 * names the file and offset instead of leaving "Could not load file for content script" to be found.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const NONCHARACTER = /[\uFFFE\uFFFF]/u;

let bad = 0;
for (const dir of process.argv.slice(2)) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  for (const file of (manifest.content_scripts ?? []).flatMap((c) => c.js ?? [])) {
    const at = readFileSync(join(dir, file), 'utf8').search(NONCHARACTER);
    if (at < 0) continue;
    bad++;
    console.error(`${dir}/${file}: a raw noncharacter at offset ${at}: write it as String.fromCharCode(…)`);
  }
}
process.exit(bad ? 1 : 0);
