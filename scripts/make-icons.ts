/**
 * Renders public/icon/rasid.svg to the PNG sizes browsers want (public/icon/{16,32,48,128}.png,
 * which WXT puts in the manifest). Run after changing the SVG: `node scripts/make-icons.ts`.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../e2e/support/launch-chromium.ts';
import { CHROMIUM_PATH } from '../e2e/support/paths.ts';

const svg = readFileSync('public/icon/rasid.svg', 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}</style><img width="${size}" height="${size}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`,
  );
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
console.log('public/icon/{16,32,48,128}.png written');
