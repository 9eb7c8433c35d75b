import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AnnotationRow } from '../lib/model/annotation.ts';
import { en } from '../lib/i18n/catalog.ts';
import { clickIn, openPanelFor, readStore, tabIdOf } from './support/extension.ts';
import { serveFolder, type FixtureServer } from './support/fixture-server.ts';
import { pointOfMention } from './support/highlights.ts';
import { axeViolations, severe } from './support/axe.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { launchFirefox } from './support/launch-firefox.ts';
import { PAGES } from './support/paths.ts';
import { readerAt, selectWithMouse, type Reader } from './support/reader-ui.ts';
import { eventually, startTeamOfTwo, type TeamOfTwo } from './support/team.ts';
import type { TestBrowser, TestPage } from './support/test-browser.ts';

/**
 * The team in the reader's views (issue #17): the toolbar's share switch, the team's line in a name's
 * card, the dashboard's team figures. Two members, each in a profile of their own, replicating through
 * pouchdb-server on 127.0.0.1 (started here).
 */
const SLUG = 'kitabat-isis-regroup-syria';
/** Rana annotates this (no name in it: a click on a name elsewhere opens its card). */
const RANA_PHRASE = 'ومع ذلك';
/** Omar annotates this, shares it by default, then takes it out of the team from the toolbar. */
const OMAR_PHRASE = 'قال أحد المقاتلين المتمردين';
/** A name on the page whose card is opened. */
const NAME = 'إيران';
/** "Your team saw it on 1 page of 1 site, first Rana on": the date is the browser's to write. */
const TEAM_LINE = en.teamSeen
  .replace('{pages}', en.pagesCount.one.replace('{n}', '1'))
  .replace('{sites}', en.sitesCount.one.replace('{n}', '1'))
  .replace('{name}', 'Rana')
  .split(' {date}')[0]!;

const annotations = (page: TestPage) => readStore<AnnotationRow>(page, 'annotations');

/** axe-core's serious and critical findings in a page (or one of its frames): none expected. */
async function accessible(where: string, page: TestPage, frameUrl?: string): Promise<void> {
  const found = severe(await axeViolations(page, frameUrl)).map((v) => `${v.impact} ${v.id}: ${v.help}`);
  assert.deepEqual(found, [], `${where}:\n${found.join('\n')}`);
}

/** The centre of the painted annotation whose text is `phrase`, scrolled into view. */
const pointOfNote = (page: TestPage, phrase: string) =>
  page.evaluate((wanted) => {
    for (const [name, highlight] of CSS.highlights)
      if (name.startsWith('rasid-note-'))
        for (const r of highlight) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          if (range.toString() !== wanted) continue;
          r.startContainer.parentElement?.scrollIntoView({
            block: 'center',
            behavior: 'instant' as ScrollBehavior,
          });
          const box = range.getClientRects()[0]!;
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }
    return null;
  }, phrase);

/** The text of the team's line in the open card's frame (an extension page the page cannot read). */
const teamLine = (page: TestPage) =>
  page
    .evaluateScript(
      `document.querySelector('[data-testid=team-line]')?.textContent ?? null`,
      'card-team.html',
    )
    .catch(() => null) as Promise<string | null>;

for (const launch of [launchChromium, launchFirefox]) {
  const chromium = launch === launchChromium;
  describe(
    `${launch.name.replace('launch', '')}: the team in the reader's views`,
    { timeout: 600_000 },
    () => {
      let team: TeamOfTwo;
      let pages: FixtureServer;
      let rana: TestBrowser;
      let omar: TestBrowser;
      let url: string;

      before(async () => {
        pages = await serveFolder(PAGES);
        url = `${pages.origin}/${SLUG}/`;
        team = await startTeamOfTwo(launch);
        ({ rana, omar } = team);
      });
      after(async () => {
        await team?.close();
        await pages?.close();
      });

      it('member A reads and annotates with the toolbar’s switch on; B’s card of a name says what the team saw', async () => {
        const page = await rana.newPage(url);
        await page.waitFor(() => CSS.highlights.has('rasid-actor'), null, 30_000);
        const panel = await openPanelFor(rana, page.url());
        const reader = readerAt(page, panel, await tabIdOf(panel, page.url()));
        await selectWithMouse(page, RANA_PHRASE);
        // A member's toolbar has the share switch, labelled, on by the team's default.
        const share = await reader.control('share', 30_000);
        assert.equal(share.name, en.shareWithTeam);
        assert.equal(share.checked, true);
        await accessible('the toolbar with its share switch', page, 'toolbar-frame.html');
        await reader.click('color-green');
        await eventually(async () => (await annotations(panel)).length === 1, 'Rana’s annotation saved');
        await Promise.all([page.close(), panel.close()]);

        // Omar: Rana's reading has reached him.
        const omarOptions = await omar.newPage(`${omar.extensionOrigin}/options.html`);
        await eventually(
          async () =>
            (await readStore<{ by: string }>(omarOptions, 'teamSightings')).some((s) => s.by === 'rana') &&
            (await annotations(omarOptions)).some((a) => a.team?.by === 'rana'),
          'Rana’s reading and annotation at Omar’s',
          120_000,
        );
        await omarOptions.close();
        const theirs = await omar.newPage(url);
        await theirs.waitFor(() => CSS.highlights.has('rasid-actor'), null, 30_000);
        const omarPanel = await omar.newPage(`${omar.extensionOrigin}/sidepanel.html`);
        const omarReader = readerAt(theirs, omarPanel, await tabIdOf(omarPanel, theirs.url()));
        const point = await pointOfMention(theirs, NAME);
        assert.ok(point, `${NAME} is highlighted`);
        await theirs.front();
        await theirs.click(point.x, point.y);
        const card = await omarReader.waitForUi(
          (ui) => ui.surface === 'card' && ui.markup?.includes('card-team') === true,
          30_000,
        );
        // The card itself holds nothing the team read: the line is in the frame, another origin.
        assert.ok(!card.text.includes('Rana'), 'the card’s own text names no teammate');
        const line = await eventually(async () => {
          const text = await teamLine(theirs);
          return text?.includes('Rana') ? text : null;
        }, 'the team’s line in the card');
        assert.ok(line.includes(TEAM_LINE), line);
        await accessible('the card’s team line', theirs, 'card-team.html');
        // Omar reads the page Rana read: the site is not new to the team.
        assert.ok(!line.includes(en.teamNewOnSite), line);
        await Promise.all([theirs.close(), omarPanel.close()]);
      });

      if (!chromium) {
        it('logs no errors on pages and extension pages', () => {
          assert.deepEqual(rana.errors, []);
          assert.deepEqual(omar.errors, []);
        });
        return;
      }

      it('B’s dashboard shows the team’s figures per entity and the team’s pages and sites in its detail', async () => {
        const dashboard = await omar.newPage(`${omar.extensionOrigin}/dashboard.html`);
        await dashboard.waitFor(() => !!document.querySelector('[data-testid=team-column]'), null, 30_000);
        assert.equal(await dashboard.text('[data-testid=team-column]'), en.colTeam);
        const onePage = en.teamFigures
          .replace('{pages}', en.pagesCount.one.replace('{n}', '1'))
          .replace('{sites}', en.sitesCount.one.replace('{n}', '1'));
        await dashboard.waitFor(
          (wanted) =>
            [...document.querySelectorAll('[data-testid=team-figures]')].some(
              (td) => td.textContent === wanted,
            ),
          onePage,
          30_000,
        );
        // The entity the card was about: Rana saw it first, on this page and site.
        const entity = await dashboard.evaluate(
          (wanted) =>
            [...document.querySelectorAll('tr[data-entity]')]
              .find((tr) => tr.querySelector('[data-testid=team-figures]')?.textContent === wanted)!
              .getAttribute('data-entity')!,
          onePage,
        );
        await clickIn(dashboard, `tr[data-entity="${entity}"] th button`);
        await dashboard.waitFor(
          () => !!document.querySelector('[data-testid=team-reading] [data-testid=team-sites]'),
          null,
          30_000,
        );
        const site = await dashboard.text('[data-testid=team-sites] li');
        assert.ok(site?.includes('127.0.0.1'), site ?? '');
        assert.ok(site?.includes('Rana'), site ?? '');
        const page = await dashboard.text('[data-testid=team-pages] li');
        assert.ok(page?.includes('Rana'), page ?? '');
        await accessible('the dashboard’s team reading', dashboard);
        await dashboard.close();
      });

      it('B’s toolbar switch takes B’s annotation out of the team, and A no longer has it', async () => {
        const page = await omar.newPage(url);
        await page.waitFor(() => CSS.highlights.has('rasid-actor'), null, 30_000);
        const panel = await omar.newPage(`${omar.extensionOrigin}/sidepanel.html`);
        const reader: Reader = readerAt(page, panel, await tabIdOf(panel, page.url()));
        await selectWithMouse(page, OMAR_PHRASE);
        await reader.control('share', 30_000);
        await reader.click('color-blue');
        const mine = await eventually(
          async () =>
            (await annotations(panel)).find((a) => !a.team && a.target.selector.quote.exact === OMAR_PHRASE),
          'Omar’s annotation saved',
        );
        const ranaOptions = await rana.newPage(`${rana.extensionOrigin}/options.html`);
        await eventually(
          async () => (await annotations(ranaOptions)).some((a) => a.id === mine.id),
          'Omar’s annotation at Rana’s',
          120_000,
        );
        // Omar opens his annotation's toolbar and switches sharing off: it is saved at once.
        const point = await eventually(() => pointOfNote(page, OMAR_PHRASE), 'Omar’s annotation painted');
        await page.front();
        await page.click(point.x, point.y);
        const share = await reader.control('share', 30_000);
        assert.equal(share.checked, true);
        await reader.click('share');
        await reader
          .waitForUi((ui) => ui.controls.some((c) => c.testId === 'share' && c.checked === false))
          .catch(async (e: unknown) => {
            // Which side failed: the click (still shared in the database) or the toolbar (saved, not shown).
            const stored = (await annotations(panel)).find((a) => a.id === mine.id);
            throw new Error(`${String(e)}; stored: shared=${String(stored?.shared)}`);
          });
        await eventually(
          async () => (await annotations(panel)).find((a) => a.id === mine.id)?.shared === false,
          'Omar’s annotation no longer shared',
        );
        // Gone from Rana's browser; kept in Omar's, his own work.
        await eventually(
          async () => !(await annotations(ranaOptions)).some((a) => a.id === mine.id),
          'Omar’s annotation gone from Rana’s',
          120_000,
        );
        assert.ok((await annotations(panel)).some((a) => a.id === mine.id));
        await Promise.all([page.close(), panel.close(), ranaOptions.close()]);
      });

      it('logs no errors on pages and extension pages', () => {
        assert.deepEqual(rana.errors, []);
        assert.deepEqual(omar.errors, []);
      });
    },
  );
}
