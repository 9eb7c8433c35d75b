import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openPanelFor, tabIdOf } from './support/extension.ts';
import { pointOfMention } from './support/highlights.ts';
import { readerAt } from './support/reader-ui.ts';
import { en } from '../lib/i18n/catalog.ts';
import type { FixtureServer } from './support/fixture-server.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { launchFirefox } from './support/launch-firefox.ts';
import { paintedTexts, waitForPaintedText, clickSuggestion } from './support/painted-text.ts';
import { ask, eventually, MEMBERS, startTeamOfTwo, type TeamOfTwo } from './support/team.ts';
import {
  articlePage,
  FILLER,
  serveWrittenPages,
  UNKNOWN_PERSON as PERSON,
  UNKNOWN_VILLAGE as VILLAGE,
} from './support/written-pages.ts';
import type { ReaderLexicon } from '../lib/model/reader-entity.ts';
import type { TestBrowser } from './support/test-browser.ts';

/**
 * The team's names (issue #17): member A adds a suggested name as an actor, and member B's pages
 * highlight it as known; A says another is not a name, and B's pages stop suggesting it. Two
 * profiles, one pouchdb-server on 127.0.0.1, pages written here.
 */

const LATE = 'أبو حمزة الشامي';

const PAGES = {
  first: articlePage(
    'قائد جديد في ريف إدلب',
    [
      `وصل القائد ${PERSON} إلى بلدة ${VILLAGE} في ريف إدلب صباح اليوم، بحسب ما أفاد مراسلون محليون.`,
      ...FILLER,
    ],
    false,
  ),
  // Names the commander without a word that makes the recogniser suggest him (known, or nothing), and
  // a place the lexicon knows (the page is read once it is painted).
  second: articlePage(
    'تصريحات عن المفاوضات',
    [`وقال ${PERSON} في تصريح صحفي من ريف إدلب إن المفاوضات مع الأطراف المحلية ما زالت جارية.`, ...FILLER],
    false,
  ),
  // For the wake-ups: a name that reaches a sleeping background's team after it fell asleep.
  third: articlePage(
    'اجتماع في ريف إدلب',
    [`والتقى ${LATE} وفدا من ريف إدلب لبحث الأوضاع الأمنية.`, ...FILLER],
    false,
  ),
};

for (const launch of [launchChromium, launchFirefox]) {
  describe(`${launch.name.replace('launch', '')}: the team’s names`, { timeout: 600_000 }, () => {
    let team: TeamOfTwo;
    let pages: FixtureServer;
    let rana: TestBrowser;
    let omar: TestBrowser;

    before(async () => {
      pages = await serveWrittenPages(PAGES);
      team = await startTeamOfTwo(launch);
      ({ rana, omar } = team);
    });
    after(async () => {
      await team?.close();
      await pages?.close();
    });

    it('A adds a suggested name as an actor: B’s pages highlight it as known, as the team’s', async () => {
      // Before: for Omar the commander is a suggestion, and the other page does not name him at all.
      const omarFirst = await omar.newPage(`${pages.origin}/first/`);
      await waitForPaintedText(omarFirst, 'suggested', PERSON);
      await waitForPaintedText(omarFirst, 'suggested', VILLAGE);
      const omarSecond = await omar.newPage(`${pages.origin}/second/`);
      await waitForPaintedText(omarSecond, 'place', 'إدلب');
      assert.ok(!(await paintedTexts(omarSecond, 'actor')).includes(PERSON));

      const page = await rana.newPage(`${pages.origin}/first/`);
      await waitForPaintedText(page, 'suggested', PERSON);
      const panel = await openPanelFor(rana, page.url());
      await panel.waitFor((n) => document.querySelectorAll('li[data-suggestion]').length >= n, 2, 30_000);
      await clickSuggestion(panel, PERSON, 'add-actor');
      await waitForPaintedText(page, 'actor', PERSON);

      // Omar's open pages read themselves again when the name arrives: known now, on both.
      await waitForPaintedText(omarFirst, 'actor', PERSON, true, 90_000);
      assert.ok(!(await paintedTexts(omarFirst, 'suggested')).includes(PERSON));
      await waitForPaintedText(omarSecond, 'actor', PERSON, true, 30_000);
      // Its card says whose it is.
      const sidePanel = await omar.newPage(`${omar.extensionOrigin}/sidepanel.html`);
      const reader = readerAt(omarSecond, sidePanel, await tabIdOf(sidePanel, omarSecond.url()));
      const point = await pointOfMention(omarSecond, PERSON);
      assert.ok(point, `${PERSON} is highlighted`);
      await omarSecond.front();
      await omarSecond.click(point.x, point.y);
      const card = await reader.waitForUi((ui) => ui.surface === 'card');
      assert.ok(card.text.includes(en.teamNameBy.replace('{name}', MEMBERS[0].name)), card.text);
      await sidePanel.close();
      // Marked as the team's, with who added it; not in Omar's own lexicon.
      const options = await omar.newPage(`${omar.extensionOrigin}/options.html`);
      const lexicon = await ask<ReaderLexicon>(options, 'lexicon/get', {});
      assert.deepEqual(lexicon.entities, []);
      assert.equal(lexicon.team?.entities.find((e) => e.name === PERSON)?.teamBy, MEMBERS[0].name);
      await options.close();
      await Promise.all([omarSecond.close(), panel.close()]);

      // A says the village is not a name: Omar's page stops suggesting it.
      const again = await openPanelFor(rana, page.url());
      await again.waitFor(
        (name) =>
          [...document.querySelectorAll('li[data-suggestion] .ar')].some((el) => el.textContent === name),
        VILLAGE,
        30_000,
      );
      await clickSuggestion(again, VILLAGE, 'dismiss');
      await waitForPaintedText(page, 'suggested', VILLAGE, false);
      await waitForPaintedText(omarFirst, 'suggested', VILLAGE, false, 90_000);
      const omarPanel = await openPanelFor(omar, omarFirst.url());
      await eventually(
        async () =>
          !(
            await omarPanel.evaluate(() =>
              [...document.querySelectorAll('li[data-suggestion] .ar')].map((el) => el.textContent ?? ''),
            )
          ).includes(VILLAGE),
        'the village no longer listed in Omar’s panel',
      );
      // A page opened now does not suggest it either.
      const fresh = await omar.newPage(`${pages.origin}/first/`);
      await waitForPaintedText(fresh, 'actor', PERSON);
      assert.ok(!(await paintedTexts(fresh, 'suggested')).includes(VILLAGE));
      await Promise.all([fresh.close(), omarPanel.close(), again.close(), page.close(), omarFirst.close()]);
      assert.deepEqual(rana.errors, []);
      assert.deepEqual(omar.errors, []);
    });

    // Chromium stops an idle MV3 service worker (Firefox's add-on reload would orphan the open tab).
    if (launch !== launchChromium) return;

    it('a name shared while B’s background is stopped reaches B: its wake-up restarts the sync', async () => {
      const omarPage = await omar.newPage(`${pages.origin}/third/`);
      await waitForPaintedText(omarPage, 'place', 'إدلب');
      assert.ok(!(await paintedTexts(omarPage, 'actor')).includes(LATE));
      // What Chromium does to an idle service worker: live replication ends with it.
      const blank = await omar.newPage();
      await omar.restartExtension(blank);
      await blank.close();
      const ranaOptions = await rana.newPage(`${rana.extensionOrigin}/options.html`);
      await ask(ranaOptions, 'entity/create', { name: LATE, type: 'actor' });
      // Nothing of Omar's asks his background anything: the team's alarm (once a minute) wakes it, the
      // sync starts again, and the open page highlights the name.
      await waitForPaintedText(omarPage, 'actor', LATE, true, 240_000);
      await Promise.all([ranaOptions.close(), omarPage.close()]);
    });
  });
}
