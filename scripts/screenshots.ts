/**
 * `npm run screenshots` — regenerates the pictures in e2e/screenshots/ that the README shows: the side
 * panel, the entity card, the annotation toolbar, the dashboard and the lexicon page, each in the Arabic
 * and the English interface (issue 15). Builds nothing itself (`npm run screenshots` builds first);
 * drives the built extension in Debian's Chromium, headless, against the seed pages on 127.0.0.1.
 *
 * Before the pictures it reads one article on another local site, so that the panel shows what a reader
 * with some history sees: a few names badged _new here_, the rest plain.
 *
 * Then the team (issue #17): two members on a pouchdb-server of its own on 127.0.0.1; Rana reads and
 * annotates the seed article, and Omar's panel and card on the same page show the team's flags
 * (`team-panel-<lang>.png`, `team-card-<lang>.png`).
 */
import { mkdirSync } from 'node:fs';
import { openPanelFor, tabIdOf, waitForPageRow } from '../e2e/support/extension.ts';
import { serveFolder } from '../e2e/support/fixture-server.ts';
import { pointOfMention } from '../e2e/support/highlights.ts';
import { launchChromium } from '../e2e/support/launch-chromium.ts';
import { PAGES, ROOT } from '../e2e/support/paths.ts';
import { readerAt, selectWithMouse } from '../e2e/support/reader-ui.ts';
import type { TestPage } from '../e2e/support/test-browser.ts';
import { eventually, joinTeam, MEMBERS, startCouchServer } from '../e2e/support/team.ts';
import { readStore } from '../e2e/support/extension.ts';

const OUT = `${ROOT}e2e/screenshots`;
const SLUG = 'baladi-isis-south-syria';
/** Read first, on another site: it shares some of the seed article's names. */
const EARLIER = 'kitabat-isis-regroup-syria';

const painted = (page: TestPage) =>
  page.waitFor(() => (CSS.highlights.get('rasid-actor')?.size ?? 0) > 0, null);
const settle = () => new Promise((r) => setTimeout(r, 400));

mkdirSync(OUT, { recursive: true });
/** `npm run screenshots -- --team`: the team's pictures only. */
const teamOnly = process.argv.includes('--team');
for (const lang of teamOnly ? [] : (['ar', 'en'] as const)) {
  const [site, elsewhere] = await Promise.all([serveFolder(PAGES), serveFolder(PAGES)]);
  const browser = await launchChromium({ lang });
  try {
    const earlier = await browser.newPage(`${elsewhere.origin}/${EARLIER}/`);
    const probe = await browser.newPage(`${browser.extensionOrigin}/sidepanel.html`);
    await waitForPageRow(probe, earlier.url());
    await Promise.all([earlier.close(), probe.close()]);

    const page = await browser.newPage(`${site.origin}/${SLUG}/`);
    await page.setViewport(1000, 640);
    await painted(page);
    const panel = await openPanelFor(browser, page.url());
    await waitForPageRow(panel, page.url());
    await panel.waitFor(() => !!document.querySelector('[data-testid=history]'), null);
    const reader = readerAt(page, panel, await tabIdOf(panel, page.url()));

    // An annotation over underlined names, then a second selection with its toolbar open.
    await selectWithMouse(page, 'الذي تقوده الولايات المتحدة الأمريكية، روسيا');
    await reader.click('color-green');
    await reader.waitForUi((u) => u.surface === null);
    // The closed toolbar's frame goes a moment later: select again until the new toolbar is up.
    for (let tries = 0; ; tries++) {
      await selectWithMouse(page, 'صاحبة اليد الضاربة');
      const up = await reader.control('add-note', 3000).then(
        () => true,
        () => false,
      );
      if (up) break;
      if (tries === 5) throw new Error('the toolbar did not open for the second selection');
    }
    await reader.click('add-note');
    await reader.control('note');
    await settle();
    await page.screenshot(`${OUT}/toolbar-${lang}.png`);
    await page.press('Escape');
    await reader.waitForUi((u) => u.surface === null);

    const point = await pointOfMention(page, 'دمشق');
    if (!point) throw new Error('no دمشق painted on the seed page');
    await page.click(point.x, point.y);
    await reader.waitForUi((u) => u.surface === 'card');
    await settle();
    await page.screenshot(`${OUT}/card-${lang}.png`);

    await panel.setViewport(400, 900);
    await panel.waitFor(() => document.querySelectorAll('[data-testid=annotations] li').length === 1, null);
    await settle();
    await panel.screenshot(`${OUT}/panel-${lang}.png`, true);

    const dashboard = await browser.newPage(`${browser.extensionOrigin}/dashboard.html`);
    await dashboard.setViewport(1100, 800);
    await dashboard.waitFor(() => !!document.querySelector('tr[data-entity=isis] button'), null);
    await dashboard.evaluate(() =>
      (document.querySelector('tr[data-entity=isis] button') as HTMLButtonElement).click(),
    );
    await dashboard.waitFor(() => !!document.querySelector('[data-testid=timeline] li'), null);
    await settle();
    await dashboard.screenshot(`${OUT}/dashboard-${lang}.png`);

    // The lexicon page with one name of the reader's own.
    const options = await browser.newPage(`${browser.extensionOrigin}/options.html`);
    await options.setViewport(1000, 700);
    await options.evaluate(async () => {
      type Runtime = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      await (globalThis as unknown as { browser: Runtime }).browser.runtime.sendMessage({
        type: 'entity/create',
        payload: { name: 'لواء الباقر', type: 'actor' },
      });
    });
    await options.waitFor(() => !!document.querySelector('.lexicon-editor li'), null);
    await settle();
    await options.screenshot(`${OUT}/lexicon-${lang}.png`);
    console.log(`screenshots (${lang}): panel, card, toolbar, dashboard, lexicon`);
  } finally {
    await browser.close();
    await Promise.all([site.close(), elsewhere.close()]);
  }
}

// The team's flags, as a member sees them (issue #17).
for (const lang of ['ar', 'en'] as const) {
  const [couch, site] = await Promise.all([startCouchServer(), serveFolder(PAGES)]);
  const [rana, omar] = [await launchChromium({ lang }), await launchChromium({ lang })];
  try {
    for (const [browser, i] of [
      [rana, 0],
      [omar, 1],
    ] as const) {
      const { user, password, name } = MEMBERS[i];
      const options = await joinTeam(browser, { url: couch.database, user, password, name });
      await options.waitFor(() => !!document.querySelector('[data-testid=team-member]'), null);
      await options.close();
    }
    const url = `${site.origin}/${SLUG}/`;
    const read = await rana.newPage(url);
    await painted(read);
    const ranaPanel = await openPanelFor(rana, read.url());
    await waitForPageRow(ranaPanel, read.url());
    await selectWithMouse(read, 'الذي تقوده الولايات المتحدة الأمريكية، روسيا');
    await readerAt(read, ranaPanel, await tabIdOf(ranaPanel, read.url())).click('color-green');
    const options = await omar.newPage(`${omar.extensionOrigin}/options.html`);
    await eventually(
      async () =>
        (await readStore<{ by: string }>(options, 'teamSightings')).length > 0 &&
        (await readStore<{ team?: unknown }>(options, 'annotations')).some((a) => a.team),
      'Rana’s reading at Omar’s',
      120_000,
    );
    await options.close();

    const page = await omar.newPage(url);
    await page.setViewport(1000, 640);
    await painted(page);
    const panel = await openPanelFor(omar, page.url());
    await panel.setViewport(400, 900);
    await panel.waitFor(() => !!document.querySelector('[data-testid=team-seen]'), null, 30_000);
    await panel.waitFor(() => !!document.querySelector('[data-testid=shared-by]'), null, 30_000);
    await settle();
    await panel.screenshot(`${OUT}/team-panel-${lang}.png`, true);
    const reader = readerAt(page, panel, await tabIdOf(panel, page.url()));
    const point = await pointOfMention(page, 'دمشق');
    if (!point) throw new Error('no دمشق painted on the seed page');
    await page.click(point.x, point.y);
    await reader.waitForUi((u) => u.surface === 'card' && !!u.markup?.includes('card-team'));
    await eventually(
      () =>
        page
          .evaluateScript(`!!document.querySelector('[data-testid=team-line]')`, 'card-team.html')
          .catch(() => false) as Promise<boolean>,
      'the team’s line in the card',
    );
    await settle();
    await page.screenshot(`${OUT}/team-card-${lang}.png`);
    console.log(`screenshots (${lang}): team panel, team card`);
  } finally {
    await Promise.all([rana.close(), omar.close()]);
    await Promise.all([site.close(), couch.close()]);
  }
}
