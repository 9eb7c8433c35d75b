import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AnnotationRow } from '../lib/model/annotation.ts';
import { en } from '../lib/i18n/catalog.ts';
import { openPanelFor, readStore, tabIdOf, clickIn, waitForPageRow } from './support/extension.ts';
import { serveFolder, type FixtureServer } from './support/fixture-server.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { launchFirefox } from './support/launch-firefox.ts';
import { PAGES, ROOT } from './support/paths.ts';
import { readerAt, selectWithMouse } from './support/reader-ui.ts';
import {
  ADMIN,
  editNote,
  eventually,
  joinTeam,
  MEMBERS,
  startCouchServer,
  teamState,
  type CouchServer,
} from './support/team.ts';
import type { TestBrowser, TestPage } from './support/test-browser.ts';

/**
 * Reading as a team (issue #17): two members, each in a browser profile of their own, replicating
 * through a CouchDB-compatible server on 127.0.0.1 (pouchdb-server, started here).
 */
const SLUG = 'kitabat-isis-regroup-syria';
const OTHER = 'baladi-isis-south-syria';
const PHRASE = 'إتهمت روسيا والولايات المتحدة في الأشهر الأخيرة';
const NOTE = 'اتهام مشترك <img src=x onerror=alert(1)>';
const OFFLINE_NOTE = 'كتبها عمر دون اتصال';

const annotations = (page: TestPage) => readStore<AnnotationRow>(page, 'annotations');
const notesPainted = (page: TestPage) =>
  page.evaluate(() =>
    [...CSS.highlights.keys()]
      .filter((k) => k.startsWith('rasid-note-'))
      .reduce((n, k) => n + CSS.highlights.get(k)!.size, 0),
  );

/** The team's documents on the server, read as its administrator. */
async function serverDocs(couch: CouchServer): Promise<{ _id: string }[]> {
  const response = await fetch(`${couch.database}/_all_docs?include_docs=true`, {
    headers: { authorization: `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}` },
  });
  const body = (await response.json()) as { rows: { doc: { _id: string } }[] };
  return body.rows.map((r) => r.doc);
}

for (const launch of [launchChromium, launchFirefox]) {
  const chromium = launch === launchChromium;
  describe(`${launch.name.replace('launch', '')}: reading as a team`, { timeout: 600_000 }, () => {
    let couch: CouchServer;
    let pages: FixtureServer;
    let rana: TestBrowser;
    let omar: TestBrowser;
    let url: string;
    let annotationId: string;
    const credentials = (i: 0 | 1, password?: string) => ({
      url: couch.database,
      user: MEMBERS[i].user,
      password: password ?? MEMBERS[i].password,
      name: MEMBERS[i].name,
    });

    before(async () => {
      couch = await startCouchServer();
      pages = await serveFolder(PAGES);
      url = `${pages.origin}/${SLUG}/`;
      // Two members, two profiles.
      rana = await launch();
      omar = await launch();
    });
    after(async () => {
      await rana?.close();
      await omar?.close();
      await pages?.close();
      await couch?.close();
    });

    it('says clearly that a password is wrong, and joins nothing', async () => {
      const options = await joinTeam(rana, credentials(0, 'not-her-password'));
      const status = await options.text('[data-testid=team-status]');
      assert.equal(status, en['teamProblem-wrong-password']);
      assert.equal((await teamState(options)).config, null);
      await options.close();
    });

    it('member A annotates and reads a page; member B opens it and sees the annotation and the team’s flags', async () => {
      for (const [browser, i] of [
        [rana, 0],
        [omar, 1],
      ] as const) {
        const options = await joinTeam(browser, credentials(i));
        assert.equal(
          await options.text('[data-testid=team-member]'),
          en.teamMember.replace('{url}', couch.database).replace('{name}', MEMBERS[i].name),
        );
        await options.close();
      }

      const page = await rana.newPage(url);
      await page.waitFor(() => CSS.highlights.has('rasid-actor'), null, 30_000);
      const panel = await openPanelFor(rana, page.url());
      const reader = readerAt(page, panel, await tabIdOf(panel, page.url()));
      await selectWithMouse(page, PHRASE);
      await reader.click('add-note');
      await reader.fill('note', NOTE);
      await reader.click('save');
      await page.waitFor(() => [...CSS.highlights.keys()].some((k) => k.startsWith('rasid-note-')), null);
      [{ id: annotationId }] = (await annotations(panel)) as [AnnotationRow];
      await Promise.all([page.close(), panel.close()]);

      // Omar opens the same page: Rana's annotation is painted, listed as hers, and the page's names
      // carry the team's flag (Rana read this page).
      const theirs = await omar.newPage(url);
      await theirs.waitFor(() => CSS.highlights.has('rasid-actor'), null, 30_000);
      await eventually(async () => (await notesPainted(theirs)) === 1, 'Rana’s annotation painted for Omar');
      // Rana's reading of the page reached Omar: the panel opened now shows the team's flag.
      const omarOptions = await omar.newPage(`${omar.extensionOrigin}/options.html`);
      await eventually(
        async () =>
          (await readStore<{ by: string }>(omarOptions, 'teamSightings')).some((s) => s.by === 'rana'),
        'Rana’s reading at Omar’s',
      );
      await omarOptions.close();
      const omarPanel = await openPanelFor(omar, theirs.url());
      await eventually(
        async () =>
          (await omarPanel.text('[data-testid=shared-by]')) === en.teamSharedBy.replace('{name}', 'Rana'),
        'the annotation listed as Rana’s',
      );
      // The note is text: the markup in it was not inserted.
      assert.equal(await omarPanel.text('[data-testid=note]'), NOTE);
      assert.equal(
        await omarPanel.evaluate(() => document.querySelector('[data-testid=annotations] img')),
        null,
      );
      await omarPanel.waitFor(() => !!document.querySelector('[data-testid=team-seen]'), null, 30_000);
      if (process.env['RASID_SCREENSHOTS'] && chromium) {
        await omarPanel.setViewport(420, 900);
        await omarPanel.screenshot(join(ROOT, 'e2e', 'screenshots', 'team-panel.png'), true);
      }
      const title = await omarPanel.evaluate(() =>
        document.querySelector('[data-testid=team-seen]')!.getAttribute('title'),
      );
      assert.match(title ?? '', /Rana/u);
      await Promise.all([theirs.close(), omarPanel.close()]);
    });

    if (!chromium) return;

    it('B writes while the server is down; when it is back, A sees it', async () => {
      const options = await omar.newPage(`${omar.extensionOrigin}/options.html`);
      await couch.stop();
      try {
        await eventually(
          async () => (await teamState(options)).status.state === 'offline',
          'Omar offline',
          90_000,
        );
        // Omar annotates the second paragraph while the server is away: acknowledged at once.
        const page = await omar.newPage(url);
        await page.waitFor(() => CSS.highlights.has('rasid-actor'), null, 30_000);
        const panel = await openPanelFor(omar, page.url());
        const reader = readerAt(page, panel, await tabIdOf(panel, page.url()));
        await selectWithMouse(page, 'الولايات المتحدة');
        await reader.click('add-note');
        await reader.fill('note', OFFLINE_NOTE);
        await reader.click('save');
        await eventually(async () => (await notesPainted(page)) === 2, 'Omar’s own annotation painted');
        await Promise.all([page.close(), panel.close()]);
      } finally {
        await couch.start();
      }
      const ranaOptions = await rana.newPage(`${rana.extensionOrigin}/options.html`);
      const arrived = await eventually(
        async () => (await annotations(ranaOptions)).find((a) => a.body.note === OFFLINE_NOTE),
        'Omar’s offline annotation at Rana’s',
        120_000,
      );
      assert.deepEqual(arrived.team, { by: 'omar', name: 'Omar' });
      await Promise.all([options.close(), ranaOptions.close()]);
    });

    it('two members editing the same annotation see a conflict, and resolve it', async () => {
      const ranaOptions = await rana.newPage(`${rana.extensionOrigin}/options.html`);
      const omarOptions = await omar.newPage(`${omar.extensionOrigin}/options.html`);
      await Promise.all([
        editNote(ranaOptions, annotationId, 'رنا: مصدران'),
        editNote(omarOptions, annotationId, 'عمر: مصدر واحد'),
      ]);
      // Visible on both sides, with both versions: the reader's own and the teammate's. (Counting two
      // versions was not enough: the gate once saw two, then found no teammate's version to keep.)
      for (const options of [ranaOptions, omarOptions])
        await options.waitFor(
          () =>
            !!document.querySelector('[data-testid=team-conflict] [data-mine=true]') &&
            !!document.querySelector('[data-testid=team-conflict] [data-testid=keep-theirs]'),
          null,
          120_000,
        );
      // Rana keeps Omar's words: the conflict is gone for both, and both have his note.
      await clickIn(ranaOptions, '[data-testid=keep-theirs]');
      for (const options of [ranaOptions, omarOptions]) {
        await options.waitFor(() => !document.querySelector('[data-testid=team-conflict]'), null, 120_000);
        await eventually(
          async () =>
            (await annotations(options)).find((a) => a.id === annotationId)?.body.note === 'عمر: مصدر واحد',
          'Omar’s version kept',
        );
      }
      await Promise.all([ranaOptions.close(), omarOptions.close()]);
    });

    it('turning sharing off for a site stops its sightings from leaving', async () => {
      // Omar's reading of the first page went to the team…
      const docs = await serverDocs(couch);
      assert.ok(
        docs.some((d) => d._id.startsWith('sighting:omar:')),
        'Omar’s first reading was shared',
      );
      const otherUrl = `${pages.origin}/${OTHER}/`;
      const page = await omar.newPage(url);
      const panel = await openPanelFor(omar, page.url());
      await panel.waitFor(() => !!document.querySelector('input[name=shareWithTeam]'), null);
      await panel.evaluate(() => {
        document.querySelector<HTMLDetailsElement>('#rasid-settings')?.setAttribute('open', '');
      });
      await clickIn(panel, 'input[name=shareWithTeam]');
      await eventually(
        async () =>
          !(await panel.evaluate(
            () => document.querySelector<HTMLInputElement>('input[name=shareWithTeam]')!.checked,
          )),
        'the switch off',
      );
      await page.goto(otherUrl);
      await waitForPageRow(panel, otherUrl, 30_000);
      // …something Omar shares after it reaches the server (replication keeps order), and the other
      // page's reading is not there.
      const later = await omar.newPage(`${omar.extensionOrigin}/options.html`);
      const own = (await annotations(later)).find(
        (a) => a.team === undefined && a.body.note === OFFLINE_NOTE,
      );
      assert.ok(own, 'Omar’s own annotation');
      await editNote(later, own.id, 'عمر: بعد الإيقاف');
      await eventually(
        async () => JSON.stringify(await serverDocs(couch)).includes('عمر: بعد الإيقاف'),
        'the later edit on the server',
      );
      const ids = (await serverDocs(couch)).map((d) => d._id);
      assert.ok(
        !ids.some((id) => id.startsWith('sighting:omar:') && id.includes(OTHER)),
        'no sighting of the site left',
      );
      await Promise.all([page.close(), panel.close(), later.close()]);
    });

    it('an annotation’s own switch takes it out of the team, and keeps it here', async () => {
      const page = await omar.newPage(url);
      const panel = await openPanelFor(omar, page.url());
      const own = (await annotations(panel)).find(
        (a) => a.team === undefined && a.body.note === 'عمر: بعد الإيقاف',
      );
      assert.ok(own, 'Omar’s own annotation');
      await panel.waitFor(() => !!document.querySelector('[data-testid=share]'), null, 60_000);
      await clickIn(panel, '[data-testid=share]');
      await eventually(
        async () => !(await serverDocs(couch)).some((d) => d._id === `annotation:${own.id}`),
        'the annotation gone from the team',
      );
      const kept = (await annotations(panel)).find((a) => a.id === own.id);
      assert.equal(kept?.shared, false);
      assert.equal(kept?.body.note, 'عمر: بعد الإيقاف');
      await Promise.all([page.close(), panel.close()]);
    });
  });
}
