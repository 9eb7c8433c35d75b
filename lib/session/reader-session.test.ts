// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadPage, rangeOfText } from '../../tests/support/dom.ts';
import { flush } from '../../tests/support/flush.ts';
import { fakeSeams, type FakeReplies } from '../../tests/support/session-seams.ts';
import type { AnnotationRow } from '../model/annotation.ts';
import { DEFAULT_SETTINGS } from '../model/settings.ts';
import { err, ok } from '../model/result.ts';
import { createReaderSession, HOVER_MS } from './reader-session.ts';

const PAGE = `<html lang="ar" dir="rtl"><head><title>خبر</title></head><body>
<nav><a href="/">الرئيسية</a></nav>
<article>
  <h1>روسيا تقصف ريف دمشق</h1>
  <p>قصفت طائرات روسيا مواقع في ريف دمشق الغربي صباح اليوم، وقالت مصادر محلية إن القصف طال مزارع قرب الفيحاء.</p>
  <p>وأضافت المصادر أن تعزيزات وصلت إلى دير الزور في شرق البلاد، بعد اشتباكات استمرت ساعات مع عناصر تنظيم داعش.</p>
  <p>ولم يصدر أي تعليق رسمي من دمشق حتى ساعة إعداد هذا الخبر، فيما تحدثت تقارير عن نزوح عائلات من المنطقة.</p>
</article>
<footer>جميع الحقوق محفوظة</footer>
</body></html>`;

const TIMEOUT = 30_000;

/**
 * A session on the page, started, with its fakes; the reader has begun to select, so the toolbar's
 * lexicon is here (it is fetched then, not for the reading).
 */
async function started(replies: FakeReplies = {}, remoteExtractionChars?: number) {
  const fakes = fakeSeams(replies);
  if (remoteExtractionChars !== undefined) fakes.seams.remoteExtractionChars = remoteExtractionChars;
  const session = createReaderSession(fakes.seams);
  await session.start();
  document.dispatchEvent(new Event('selectionchange'));
  await flush();
  return { ...fakes, session };
}

const article = () => document.querySelector('article')!;

/**
 * The reader's own input: an event marked trusted, as the browser marks what a person does (happy-dom
 * has no `isTrusted`; in a browser a page cannot set it).
 */
const trusted = <E extends Event>(event: E): E => Object.defineProperty(event, 'isTrusted', { value: true });

/**
 * Dispatches a mouse event at an element, with the caret put on `at` of `text` (no layout here): the
 * reader's (trusted), or the page's (`forged`).
 */
function mouse(
  fakes: Awaited<ReturnType<typeof started>>,
  type: 'click' | 'mouseup' | 'mousemove',
  text?: string,
  at = 1,
  forged = false,
) {
  const range = text ? rangeOfText(article(), text) : null;
  fakes.caret.at = range ? { node: range.startContainer, offset: range.startOffset + at } : null;
  const target = range?.startContainer.parentElement ?? article();
  const event = new MouseEvent(type, { bubbles: true, clientX: 10, clientY: 10 });
  target.dispatchEvent(forged ? event : trusted(event));
}

/** Selects `text` in the article and lets go of the mouse: the toolbar opens (after a turn of the clock). */
function select(fakes: Awaited<ReturnType<typeof started>>, text: string) {
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(rangeOfText(article(), text));
  mouse(fakes, 'mouseup');
  fakes.clock.tick(0);
}

const cardOf = (fakes: Awaited<ReturnType<typeof started>>) => {
  const view = fakes.card.props;
  if (view?.view !== 'card') throw new Error(`the card surface shows ${view?.view ?? 'nothing'}`);
  return view.props;
};

const toolbarProps = (fakes: Awaited<ReturnType<typeof started>>) => {
  const view = fakes.toolbar.props;
  if (view?.view !== 'toolbar') throw new Error(`the toolbar shows ${view?.view ?? 'nothing'}`);
  return view.props;
};

beforeEach(() => {
  loadPage(PAGE);
  document.getSelection()?.removeAllRanges();
});

describe('a reader session', () => {
  it(
    'has Readability run in the background on a large page, asked once, with the settings, and reads the same article (issue #16)',
    async () => {
      // This page is small: as large as it need be, Readability goes to the background.
      const ordinary = await started();
      expect(ordinary.sentOf('article/extract')).toEqual([]);
      ordinary.session.destroy();
      const fakes = await started({}, 0);
      const types = fakes.sent.map((m) => m.type);
      // Taken while the settings are asked for (the snapshot sent in a task of its own), and not asked again.
      expect(fakes.sentOf('article/extract')).toHaveLength(1);
      expect(types.slice(0, 4)).toContain('article/extract');
      const [report] = fakes.sentOf('page/report');
      expect(report!.article.title).toBe('خبر');
      expect(report!.mentions.map((m) => m.entity)).toEqual(expect.arrayContaining(['russia', 'damascus']));
      // Without the background's answer, Readability runs on the page and finds the same.
      fakes.session.destroy();
      const onPage = await started({ 'article/extract': () => new Error('the background is gone') }, 0);
      expect(onPage.sentOf('page/report')[0]!.mentions).toEqual(report!.mentions);
    },
    TIMEOUT,
  );

  it(
    'reads the page, paints its names and reports it once, as a visit',
    async () => {
      const fakes = await started();
      expect(fakes.painter.count('actor')).toBeGreaterThan(0);
      expect(fakes.painter.count('place')).toBeGreaterThan(2);
      const [report, ...more] = fakes.sentOf('page/report');
      expect(more).toEqual([]);
      expect(report).toMatchObject({ url: 'https://example.org/news/1', canonical: null, visit: true });
      expect(report!.mentions.map((m) => m.entity)).toEqual(expect.arrayContaining(['russia', 'damascus']));
      expect(fakes.sentOf('annotation/list')).toHaveLength(1);
      expect(fakes.notified.count).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  it(
    'has the background spot the page, and fetches the page’s own lexicon only when the reader selects (issue #16)',
    async () => {
      const fakes = fakeSeams();
      const bundled = fakes.seams.lexicon;
      let fetched = 0;
      let arrive!: () => void;
      fakes.seams.lexicon = () => {
        fetched++;
        return new Promise((resolve) => (arrive = () => resolve(bundled())));
      };
      const session = createReaderSession(fakes.seams);
      await session.start();
      await flush();
      expect(fakes.painter.count('place')).toBeGreaterThan(2);
      expect(fakes.sentOf('lexicon/spot')).toEqual([
        { texts: [expect.stringContaining('روسيا تقصف ريف دمشق')], context: [], reading: 'page' },
      ]);
      expect(fetched).toBe(0);

      // The reader begins to select: fetched. The toolbar, for a selection made before the lexicon
      // arrived, opens once it has, with its link.
      document.dispatchEvent(new Event('selectionchange'));
      await flush();
      expect(fetched).toBe(1);
      select({ ...fakes, session }, 'طائرات روسيا');
      await flush();
      expect(fakes.toolbar.props).toBeNull();
      arrive();
      await flush();
      expect(toolbarProps({ ...fakes, session }).initial?.entity).toBe('russia');
      session.destroy();
    },
    TIMEOUT,
  );

  it(
    'takes its first settings from the loader’s answer for this site, and asks for them afterwards (issue #16)',
    async () => {
      const settings = { ...DEFAULT_SETTINGS, places: false };
      let stored = settings;
      const fakes = fakeSeams({ 'settings/get': () => stored });
      fakes.seams.readerStart = Promise.resolve(ok({ site: 'example.org', settings, dismissed: [] }));
      const session = createReaderSession(fakes.seams);
      await session.start();
      await flush();
      // Read with the answer's settings; asked once, after the first reading, whether they still hold.
      expect(fakes.sentOf('settings/get')).toEqual([{ site: 'example.org' }]);
      expect(fakes.sentOf('names/dismissed')).toEqual([]);
      expect(fakes.painter.count('place')).toBe(0);
      expect(fakes.painter.count('actor')).toBeGreaterThan(0);
      // Read again (the lexicon changed): asked, and read with the background's settings as they are now.
      stored = DEFAULT_SETTINGS;
      await session.start();
      await flush();
      expect(fakes.sentOf('settings/get')).toHaveLength(2);
      expect(fakes.painter.count('place')).toBeGreaterThan(2);
      session.destroy();

      // An answer for another site (the page moved on meanwhile), or a failed one, is not used.
      for (const readerStart of [
        Promise.resolve(ok({ site: 'other.example', settings, dismissed: [] })),
        Promise.resolve(err('the tab is gone')),
      ]) {
        const other = fakeSeams();
        other.seams.readerStart = readerStart;
        const reading = createReaderSession(other.seams);
        await reading.start();
        await flush();
        expect(other.sentOf('settings/get')).toEqual([{ site: 'example.org' }]);
        expect(other.painter.count('place')).toBeGreaterThan(2);
        reading.destroy();
      }
    },
    TIMEOUT,
  );

  it(
    'follows a change made while it was being injected: the site switched on after the loader’s answer was read',
    async () => {
      // The answer says the site is off; by the time the reader listens, the panel has switched it on,
      // and its `reader/refresh` found no reader in the tab (Firefox, e2e/highlights).
      const fakes = fakeSeams({ 'settings/get': () => DEFAULT_SETTINGS });
      const off = { ...DEFAULT_SETTINGS, siteEnabled: false };
      fakes.seams.readerStart = Promise.resolve(ok({ site: 'example.org', settings: off, dismissed: [] }));
      const session = createReaderSession(fakes.seams);
      await session.start();
      await flush();
      // Asked once the first start was over; the difference started the reading again, which asked.
      expect(fakes.sentOf('settings/get')).toEqual([{ site: 'example.org' }, { site: 'example.org' }]);
      expect(fakes.painter.count('actor')).toBeGreaterThan(0);
      expect(fakes.painter.count('place')).toBeGreaterThan(2);
      session.destroy();

      // And the other way: read while on, switched off meanwhile: nothing is left painted.
      const other = fakeSeams({ 'settings/get': () => off });
      other.seams.readerStart = Promise.resolve(
        ok({ site: 'example.org', settings: DEFAULT_SETTINGS, dismissed: [] }),
      );
      const reading = createReaderSession(other.seams);
      await reading.start();
      await flush();
      expect(other.painter.count('actor') + other.painter.count('place')).toBe(0);
      reading.destroy();
    },
    TIMEOUT,
  );

  it(
    'spots with the page’s lexicon when the background cannot, and says so in the console when neither can',
    async () => {
      const old = await started({ 'lexicon/spot': () => new Error('no such message') });
      expect(old.painter.count('place')).toBeGreaterThan(2);
      expect(old.sentOf('lexicon/spot')).toHaveLength(1);
      old.session.destroy();

      const broken = fakeSeams({ 'lexicon/spot': () => new Error('the background went away') });
      broken.seams.lexicon = () => Promise.reject(new Error('/lexicon.json: 404'));
      const without = createReaderSession(broken.seams);
      await without.start();
      await flush();
      expect(broken.painter.count('place')).toBe(0);
      expect(broken.warnings).toEqual([expect.stringContaining('could not load the lexicon')]);
      without.destroy();
    },
    TIMEOUT,
  );

  it(
    'reads a paragraph the page adds while the page is being read (a live blog), once the reading ends',
    async () => {
      const fakes = fakeSeams();
      let added = false;
      // The page's first turn comes in the middle of the reading: the live blog adds its update then.
      fakes.seams.yieldToPage = async () => {
        if (added) return;
        added = true;
        const p = document.createElement('p');
        p.textContent = 'وفي تحديث لاحق، وصلت تعزيزات إلى مدينة القامشلي.';
        article().append(p);
      };
      const session = createReaderSession(fakes.seams);
      await session.start();
      await flush();
      expect(added).toBe(true);
      const painted = () =>
        (fakes.painter.painted.get('place') ?? []).map((r) =>
          r.startContainer === r.endContainer
            ? (r.startContainer as Text).data.slice(r.startOffset, r.endOffset)
            : '',
        );
      await vi.waitFor(
        async () => {
          fakes.clock.tick(1000);
          await flush();
          expect(painted()).toContain('القامشلي');
        },
        { timeout: 10_000, interval: 20 },
      );
      session.destroy();
    },
    TIMEOUT,
  );

  it(
    'paints nothing and reports nothing on a site switched off',
    async () => {
      const fakes = await started({
        'settings/get': () => ({ ...DEFAULT_SETTINGS, siteEnabled: false }),
      });
      expect(fakes.painter.count('actor') + fakes.painter.count('place')).toBe(0);
      expect(fakes.sentOf('page/report')).toEqual([]);
      mouse(fakes, 'click', 'دمشق');
      expect(fakes.card.isOpen()).toBe(false);
    },
    TIMEOUT,
  );

  it(
    "opens the card of a name clicked, with nothing of the reader's history in it",
    async () => {
      const fakes = await started();
      mouse(fakes, 'click', 'من دمشق', 4);
      expect(cardOf(fakes).entity).toMatchObject({ id: 'damascus', index: 1, count: 1 });
      expect(fakes.card.focused).toBe(true);
      await flush();
      // The history is the side panel's: the page's DOM never holds it (issue #12).
      expect(fakes.sentOf('entity/history')).toEqual([]);
      expect(cardOf(fakes)).not.toHaveProperty('history');
      mouse(fakes, 'click', 'صباح');
      expect(fakes.card.isOpen()).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'makes room in the card for the team’s line in a team, with the page and nothing the team read (issue #17)',
    async () => {
      let joined = false;
      const fakes = await started({ 'team/joined': () => joined });
      mouse(fakes, 'click', 'من دمشق', 4);
      await flush();
      expect(cardOf(fakes).team).toBeUndefined();
      joined = true;
      mouse(fakes, 'click', 'صباح');
      mouse(fakes, 'click', 'من دمشق', 4);
      await flush();
      // Asked again on each card: joined meanwhile, the open card is drawn again with room for the line.
      expect(cardOf(fakes).team).toEqual({ url: fakes.location.href, canonical: null });
      // What the team saw is the frame's to ask for, never the page's content script.
      expect(fakes.sentOf('entity/history')).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'opens the card of a name the pointer rests on, after a while',
    async () => {
      const fakes = await started();
      mouse(fakes, 'mousemove', 'دير الزور');
      fakes.clock.tick(HOVER_MS - 1);
      expect(fakes.card.isOpen()).toBe(false);
      fakes.clock.tick(1);
      expect(cardOf(fakes).entity.id).toBe('deir-ez-zor');
      expect(fakes.card.focused).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'opens the toolbar for a selection and saves a draft: no page, no dates',
    async () => {
      const fakes = await started({
        'annotation/save': ({ draft }) => ({ saved: { ...row('a-1'), body: draft.body } }),
      });
      select(fakes, 'مواقع في ريف دمشق');
      const props = toolbarProps(fakes);
      expect(props.mode).toBe('new');
      props.onSave({ color: 'green', note: 'ملاحظة', tags: ['قصف'] });
      await flush();
      const [save] = fakes.sentOf('annotation/save');
      expect(save).toEqual({
        url: 'https://example.org/news/1',
        canonical: null,
        draft: {
          selector: {
            quote: { exact: 'مواقع في ريف دمشق', prefix: expect.any(String), suffix: expect.any(String) },
            position: { start: expect.any(Number), end: expect.any(Number) },
          },
          body: { note: 'ملاحظة', tags: ['قصف'], color: 'green' },
        },
      });
      expect(fakes.toolbar.isOpen()).toBe(false);
      expect(fakes.sentOf('annotation/list')).toHaveLength(2);
    },
    TIMEOUT,
  );

  it(
    'shows the entity a selection names as its link, and finds entities folded, the reader’s own too',
    async () => {
      const fakes = await started({
        'lexicon/get': () => ({
          entities: [{ id: 'reader-1', type: 'actor', name: 'عائلات النازحين', created: 1 }],
          aliases: [],
        }),
      });
      select(fakes, 'طائرات روسيا');
      const props = toolbarProps(fakes);
      expect(props.initial?.entity).toBe('russia');
      expect(props.linked).toEqual({ id: 'russia', ar: 'روسيا', en: 'Russia' });
      expect((await props.searchEntities('رُوسـيا'))[0]?.id).toBe('russia');
      expect((await props.searchEntities('RUSSIA'))[0]?.id).toBe('russia');
      expect(await props.searchEntities('عائلات النازحين')).toEqual([
        { id: 'reader-1', ar: 'عائلات النازحين', en: 'yours' },
      ]);
      // Two words that name Russia’s planes may be a spelling; a whole clause is not.
      expect(props.onAddSpelling).toBeTypeOf('function');
      fakes.toolbar.hide();
      select(fakes, 'قصفت طائرات روسيا مواقع في ريف دمشق الغربي');
      expect(toolbarProps(fakes).onAddSpelling).toBeUndefined();
    },
    TIMEOUT,
  );

  it(
    'keeps the toolbar open, with what the reader typed, when the lexicon changes (a teammate’s name arriving)',
    async () => {
      const fakes = await started();
      select(fakes, 'طائرات روسيا');
      expect(fakes.toolbar.isOpen()).toBe(true);
      const shows = fakes.toolbar.shows;
      await fakes.session.handlers['lexicon/changed']({}, { kind: 'extension' });
      await flush();
      expect(fakes.toolbar.isOpen()).toBe(true);
      // Not shown again either: the frame keeps the note being typed.
      expect(fakes.toolbar.shows).toBe(shows);
      expect(fakes.painter.count('actor')).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  it(
    'says “Not a name” was done, with an undo that takes it back',
    async () => {
      const fakes = await started({
        'lexicon/alias': ({ entity, text, action }) => ({ id: 'alias-1', entity, text, action, created: 1 }),
        'lexicon/undo-alias': () => null,
      });
      mouse(fakes, 'click', 'مع عناصر تنظيم داعش', 16);
      cardOf(fakes).onSpellingOff?.();
      await flush();
      expect(fakes.sentOf('lexicon/alias')).toEqual([{ entity: 'isis', text: 'تنظيم داعش', action: 'off' }]);
      // The page re-highlights (the background says the lexicon changed): the notice stays, to undo.
      await fakes.session.handlers['lexicon/changed']({}, { kind: 'extension' });
      await flush();
      const notice = fakes.card.props;
      if (notice?.view !== 'undo') throw new Error('no undo notice');
      expect(notice.props.message).toBe('“تنظيم داعش” is no longer highlighted, on any page.');
      notice.props.onUndo();
      await flush();
      expect(fakes.sentOf('lexicon/undo-alias')).toEqual([{ id: 'alias-1' }]);
      expect(fakes.card.isOpen()).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'opens cards on a click only when the reader switched hover cards off',
    async () => {
      const fakes = await started({ 'settings/get': () => ({ ...DEFAULT_SETTINGS, hoverCards: false }) });
      mouse(fakes, 'mousemove', 'دير الزور');
      fakes.clock.tick(HOVER_MS * 2);
      expect(fakes.card.isOpen()).toBe(false);
      mouse(fakes, 'click', 'دير الزور');
      expect(cardOf(fakes).entity.id).toBe('deir-ez-zor');
    },
    TIMEOUT,
  );

  it(
    'shows a failed save and tries again on the clock until it is saved',
    async () => {
      let attempts = 0;
      const fakes = await started({
        'annotation/save': () => (++attempts < 3 ? new Error('disk full') : { saved: row('a-1') }),
      });
      select(fakes, 'مواقع في ريف دمشق');
      toolbarProps(fakes).onSave({ color: 'yellow', note: '', tags: [] });
      await flush();
      expect(toolbarProps(fakes).error).toBe('disk full');
      fakes.clock.tick(1000);
      await flush();
      expect(attempts).toBe(2);
      fakes.clock.tick(2000);
      await flush();
      expect(attempts).toBe(3);
      expect(fakes.toolbar.isOpen()).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'edits an annotation clicked: the draft names the version it started from; a stale save shows the newer one',
    async () => {
      const stored = await storedRow();
      const newer = { ...stored, body: { ...stored.body, note: 'من نافذة أخرى' }, modified: 300 };
      const fakes = await started({
        'annotation/list': () => [stored],
        'annotation/save': () => ({ stale: newer }),
      });
      expect(fakes.painter.count('note-yellow')).toBe(1);
      // On «ريف دمشق», a name inside the annotation: the annotation is hit first.
      mouse(fakes, 'click', 'مواقع في ريف دمشق', 12);
      expect(fakes.card.isOpen()).toBe(false);
      const props = toolbarProps(fakes);
      expect([props.mode, props.initial?.note]).toEqual(['edit', 'قديم']);
      props.onSave({ color: 'blue', note: 'جديد', tags: [] });
      await flush();
      expect(fakes.sentOf('annotation/save')[0]?.draft).toMatchObject({ id: stored.id, base: 200 });
      const shown = toolbarProps(fakes);
      expect(shown.initial?.note).toBe('من نافذة أخرى');
      expect(shown.notice).toBe(fakes.seams.i18n.t('staleAnnotation'));
    },
    TIMEOUT,
  );

  it(
    'shares an annotation from its toolbar at once, keeping the toolbar open on the saved version (issue #17)',
    async () => {
      const stored = await storedRow();
      const fakes = await started({
        'annotation/list': () => [stored],
        'annotation/save': ({ draft }) => ({
          saved: { ...stored, modified: (draft.base ?? 0) + 1, shared: draft.shared },
        }),
      });
      mouse(fakes, 'click', 'مواقع في ريف دمشق', 12);
      const props = toolbarProps(fakes);
      expect(props.teammates).toBeUndefined();
      props.onShare!(false);
      await flush();
      const [share] = fakes.sentOf('annotation/save');
      // Only the sharing changes: the stored body, from the stored version.
      expect(share?.draft).toMatchObject({ id: stored.id, body: stored.body, base: 200, shared: false });
      const shown = toolbarProps(fakes);
      expect(shown.initial?.shared).toBe(false);
      // The page's annotations are read again, as stored now; the toolbar stays open.
      expect(fakes.sentOf('annotation/list')).toHaveLength(2);
      expect(fakes.toolbar.isOpen()).toBe(true);
      // The next save starts from the version the switch saved.
      shown.onShare!(true);
      await flush();
      expect(fakes.sentOf('annotation/save')[1]?.draft).toMatchObject({ base: 201, shared: true });
    },
    TIMEOUT,
  );

  it(
    'offers no share switch on a teammate’s annotation',
    async () => {
      const stored = { ...(await storedRow()), team: { by: 'rana', name: 'Rana' } };
      const fakes = await started({ 'annotation/list': () => [stored] });
      mouse(fakes, 'click', 'مواقع في ريف دمشق', 12);
      const props = toolbarProps(fakes);
      expect([props.teammates, props.onShare]).toEqual([true, undefined]);
    },
    TIMEOUT,
  );

  it(
    'deletes an annotation and undoes it with annotation/restore',
    async () => {
      const stored = await storedRow();
      const fakes = await started({
        'annotation/list': () => [stored],
        'annotation/delete': () => stored,
        'annotation/restore': () => stored,
      });
      mouse(fakes, 'click', 'مواقع في ريف دمشق', 12);
      toolbarProps(fakes).onDelete!();
      await flush();
      expect(fakes.sentOf('annotation/delete')).toEqual([{ id: stored.id }]);
      const view = fakes.toolbar.props;
      if (view?.view !== 'deleted') throw new Error('no undo offered');
      view.props.onUndo();
      await flush();
      expect(fakes.sentOf('annotation/restore')).toEqual([{ id: stored.id }]);
      expect(fakes.sentOf('annotation/save')).toEqual([]);
      expect(fakes.toolbar.isOpen()).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'highlights again with the reader’s lexicon when it changes',
    async () => {
      let aliases: { id: string; entity: string; text: string; action: 'add'; created: number }[] = [];
      const fakes = await started({ 'lexicon/get': () => ({ entities: [], aliases }) });
      const places = fakes.painter.count('place');
      aliases = [{ id: 'x', entity: 'damascus', text: 'الفيحاء', action: 'add', created: 1 }];
      await fakes.session.handlers['lexicon/changed']({}, { kind: 'extension' });
      expect(fakes.painter.count('place')).toBe(places + 1);
    },
    TIMEOUT,
  );

  it(
    "obeys none of the page's forged events: clicks, selections, hovers, Alt+Shift+A (issue #12)",
    async () => {
      const fakes = await started();
      mouse(fakes, 'click', 'من دمشق', 4, true);
      mouse(fakes, 'mousemove', 'دير الزور', 1, true);
      fakes.clock.tick(HOVER_MS * 2);
      const selection = document.getSelection()!;
      selection.addRange(rangeOfText(article(), 'مواقع في ريف دمشق'));
      mouse(fakes, 'mouseup', undefined, 1, true);
      document.dispatchEvent(
        new KeyboardEvent('keydown', { bubbles: true, altKey: true, shiftKey: true, code: 'KeyA' }),
      );
      fakes.clock.tick(0);
      expect([fakes.card.shows, fakes.toolbar.shows]).toEqual([0, 0]);
      // The same, from the reader, opens them.
      document.dispatchEvent(
        trusted(new KeyboardEvent('keydown', { bubbles: true, altKey: true, shiftKey: true, code: 'KeyA' })),
      );
      expect(fakes.toolbar.isOpen()).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'tells the background which of the page’s annotations it found and which are orphans',
    async () => {
      const stored = await storedRow();
      const lost: AnnotationRow = {
        ...stored,
        id: 'a-2',
        target: {
          ...stored.target,
          selector: { quote: { exact: 'جملة حذفت من الصفحة تماما' }, position: { start: 0, end: 25 } },
        },
      };
      const fakes = await started({ 'annotation/list': () => [stored, lost] });
      await flush();
      expect(fakes.sentOf('annotation/anchors')).toEqual([
        { url: 'https://example.org/news/1', canonical: null, found: ['a-1'], orphans: ['a-2'] },
      ]);
    },
    TIMEOUT,
  );

  it(
    "on a private site, registers no annotation in the page's highlights, yet lists and edits them",
    async () => {
      const stored = await storedRow();
      let privately = true;
      const fakes = await started({
        'settings/get': () => ({ ...DEFAULT_SETTINGS, private: privately }),
        'annotation/list': () => [stored],
      });
      expect(fakes.painter.count('note-yellow')).toBe(0);
      const state = await fakes.session.handlers['reader/state']({}, { kind: 'extension' });
      expect(state.annotations.map((a) => [a.row.id, a.orphan])).toEqual([['a-1', false]]);
      mouse(fakes, 'click', 'مواقع في ريف دمشق', 2);
      expect(toolbarProps(fakes)).toMatchObject({ mode: 'edit', initial: { note: 'قديم' } });
      privately = false;
      await fakes.session.handlers['reader/refresh']({}, { kind: 'extension' });
      await flush();
      expect(fakes.painter.count('note-yellow')).toBe(1);
      privately = true;
      await fakes.session.handlers['reader/refresh']({}, { kind: 'extension' });
      await flush();
      expect(fakes.painter.count('note-yellow')).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'answers the panel with what it found',
    async () => {
      const fakes = await started();
      const state = await fakes.session.handlers['reader/state']({}, { kind: 'extension' });
      expect(state).toMatchObject({ url: 'https://example.org/news/1', enabled: true, annotations: [] });
      expect(state.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['russia', 'damascus']));
    },
    TIMEOUT,
  );

  it(
    'reads the page again when its address changes, and not for a forged wxt:locationchange',
    async () => {
      const fakes = await started();
      window.dispatchEvent(new Event('wxt:locationchange'));
      fakes.clock.tick(5000);
      await flush();
      expect(fakes.sentOf('settings/get')).toHaveLength(1);
      fakes.location.href = 'https://example.org/news/2';
      fakes.clock.tick(1000);
      await flush();
      expect(fakes.sentOf('settings/get')).toHaveLength(2);
      expect(fakes.sentOf('page/report').map((r) => [r.url, r.visit])).toEqual([
        ['https://example.org/news/1', true],
        ['https://example.org/news/2', true],
      ]);
    },
    TIMEOUT,
  );

  it(
    'takes everything away when torn down: highlights, UI, listeners, timers',
    async () => {
      const fakes = await started();
      mouse(fakes, 'mousemove', 'دير الزور');
      fakes.controller.abort();
      expect(fakes.painter.cleared).toBe(true);
      expect([fakes.card.removed, fakes.toolbar.removed]).toEqual([true, true]);
      expect(fakes.clock.pending).toEqual([]);
      mouse(fakes, 'click', 'دمشق');
      select(fakes, 'مواقع في ريف دمشق');
      expect([fakes.card.shows, fakes.toolbar.shows]).toEqual([0, 0]);
    },
    TIMEOUT,
  );

  it(
    'steps to the next and previous mention of the name at the caret on the keyboard commands (issue 15)',
    async () => {
      const fakes = await started();
      const command = (name: 'next-mention' | 'previous-mention' | 'annotate-selection') =>
        fakes.session.handlers['reader/command']({ command: name }, { kind: 'extension' });
      // The caret on no name: nothing to step from.
      const off = rangeOfText(article(), 'صباح');
      document.getSelection()!.collapse(off.startContainer, off.startOffset + 1);
      expect(await command('next-mention')).toBe(false);
      expect(fakes.card.isOpen()).toBe(false);
      // The caret inside «روسيا» of the headline, the first of its two mentions.
      const name = rangeOfText(article(), 'روسيا');
      document.getSelection()!.collapse(name.startContainer, name.startOffset + 2);
      expect(await command('next-mention')).toBe(true);
      expect(cardOf(fakes).entity).toMatchObject({ id: 'russia', index: 2, count: 2 });
      expect(fakes.card.focused).toBe(true);
      // From the card now open, on and round.
      expect(await command('next-mention')).toBe(true);
      expect(cardOf(fakes).entity).toMatchObject({ id: 'russia', index: 1 });
      expect(await command('previous-mention')).toBe(true);
      expect(cardOf(fakes).entity).toMatchObject({ id: 'russia', index: 2 });
      // The annotate command with no selection opens nothing.
      document.getSelection()!.removeAllRanges();
      expect(await command('annotate-selection')).toBe(false);
    },
    TIMEOUT,
  );
});

function row(id: string): AnnotationRow {
  return {
    id,
    page: 'example.org/news/1',
    target: {
      source: 'https://example.org/news/1',
      selector: { quote: { exact: 'x', prefix: '', suffix: '' }, position: { start: 0, end: 1 } },
    },
    body: { note: 'قديم', tags: [], color: 'yellow' },
    created: 100,
    modified: 200,
  };
}

/** An annotation of «مواقع في ريف دمشق» as stored: its selectors made by the session itself. */
async function storedRow(): Promise<AnnotationRow> {
  const fakes = await started({ 'annotation/save': () => ({ saved: row('a-1') }) });
  select(fakes, 'مواقع في ريف دمشق');
  toolbarProps(fakes).onSave({ color: 'yellow', note: 'قديم', tags: [] });
  await flush();
  const draft = fakes.sentOf('annotation/save')[0]!.draft;
  fakes.session.destroy();
  document.getSelection()?.removeAllRanges();
  return { ...row('a-1'), target: { source: 'https://example.org/news/1', selector: draft.selector } };
}
