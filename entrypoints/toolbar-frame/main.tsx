import { render } from 'preact';
import { AnnotationToolbar, DeletedNotice, TOOLBAR_CSS } from '../../components/AnnotationToolbar.tsx';
import { pageTranslator } from '../../lib/browser/browser-translator.ts';
import { askBackground } from '../../lib/browser/send-message.ts';
import type { LinkableEntity } from '../../lib/reader-lexicon/linkable-entities.ts';
import { CONTROLS, describeBox, dropUntrusted } from '../reader/surface-dom.ts';
import { HANDSHAKE, type FromFrame, type Handshake, type ToFrame } from '../reader/toolbar-channel.ts';

/**
 * The annotation toolbar's frame (issue #12). The content script embeds this extension page in the web
 * page, inside a closed shadow root, and talks to it over a private `MessageChannel` (`../reader/toolbar-channel.ts`).
 * What the reader types here — the note, the tags — is in another origin's document: the page cannot
 * read it, and its listeners (even capture-phase listeners on its window and document) never hear the
 * keys. The frame sizes itself to the toolbar and tells the content script, which places it.
 */

/** The frame is as big as the toolbar: no page margin, no backdrop; the shadow is the iframe's own. */
const FRAME_CSS = `
html, body { margin: 0; padding: 0; background: transparent; overflow: hidden; }
.toolbar { position: absolute; top: 0; left: 0; width: max-content; box-shadow: none; }
.toolbar:focus { outline-offset: -3px; }
`;

const i18n = pageTranslator('annotate');
const style = document.createElement('style');
style.textContent = TOOLBAR_CSS + FRAME_CSS;
document.head.append(style);
const root = document.getElementById('app')!;
dropUntrusted(window);

const nonce = window.name;
/**
 * The reader's team (issue #17), asked by this extension page itself: the share switch shows only to a
 * member, and the content script (and so the page) never learns whether the reader is in a team.
 */
let team: { shareByDefault: boolean } | null = null;
let last: ToFrame | null = null;
// Asked again when unanswered (a background still starting): a frame that missed it would show no
// switch for as long as it stays open.
void askBackground('team/state', {}).then(
  (r) => {
    if (!r.ok || !r.value.config) return;
    team = { shareByDefault: r.value.config.shareAnnotations };
    if (last) receive(last);
  },
  () => undefined,
);
let port: MessagePort | null = null;
/** The link field's searches waiting for the content script's answer, by sequence number. */
const searches = new Map<number, (entities: readonly LinkableEntity[]) => void>();
let searchSeq = 0;
/** Asks the content script, which has the lexicon, for the entities that answer `query`. */
const searchEntities = (query: string) =>
  new Promise<readonly LinkableEntity[]>((resolve) => {
    const seq = ++searchSeq;
    searches.set(seq, resolve);
    post({ type: 'search', query, seq });
  });
const post = (message: FromFrame) => port?.postMessage(message);
const shown = () => root.firstElementChild as HTMLElement | null;

/** Tells the content script the toolbar's size and what it shows, once per turn after any change. */
let reporting = false;
const report = () => {
  if (reporting) return;
  reporting = true;
  setTimeout(() => {
    reporting = false;
    const box = shown();
    if (!box) return;
    const { width, height } = box.getBoundingClientRect();
    post({
      type: 'layout',
      width: Math.ceil(width),
      height: Math.ceil(height),
      description: describeBox(box),
    });
  }, 0);
};
new MutationObserver(report).observe(root, {
  subtree: true,
  childList: true,
  attributes: true,
  characterData: true,
});
for (const type of ['input', 'change', 'click', 'keyup', 'focusin']) addEventListener(type, report, true);
// Sizes change without a mutation too: when a font arrives, when a field is resized.
new ResizeObserver(report).observe(root);
document.fonts.addEventListener('loadingdone', report);
void document.fonts.ready.then(report);

/** After two frames (the frame drawn at its new place and size), or at most 200 ms. */
const afterPaint = (then: () => void) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    then();
  };
  requestAnimationFrame(() => requestAnimationFrame(once));
  setTimeout(once, 200);
};
// Escape closes, wherever the focus is in the frame (the toolbar itself handles it inside).
addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !shown()?.contains(event.target as Node)) post({ type: 'close' });
});

function receive(message: ToFrame): void {
  if (message.type === 'placed') return afterPaint(() => post({ type: 'painted', seq: message.seq }));
  if (message.type === 'focus') {
    const box = shown();
    (box?.querySelector<HTMLElement>(CONTROLS) ?? box)?.focus();
    return;
  }
  if (message.type === 'found') {
    searches.get(message.seq)?.(message.entities);
    searches.delete(message.seq);
    return;
  }
  const close = () => post({ type: 'close' });
  last = message;
  if (message.view === 'deleted') {
    render(<DeletedNotice i18n={i18n} onUndo={() => post({ type: 'undo' })} onClose={close} />, root);
  } else {
    const {
      mode,
      initial,
      dates,
      error,
      notice,
      linked,
      canDelete,
      canAddSpelling,
      colorNames,
      teammates,
      canShare,
    } = message.props;
    render(
      <AnnotationToolbar
        i18n={i18n}
        mode={mode}
        initial={initial}
        dates={dates}
        error={error}
        notice={notice}
        linked={linked}
        searchEntities={searchEntities}
        colorNames={colorNames}
        team={team}
        teammates={teammates}
        {...(canShare ? { onShare: (shared: boolean) => post({ type: 'share', shared }) } : {})}
        onSave={(values) => post({ type: 'save', values })}
        {...(canDelete ? { onDelete: () => post({ type: 'delete' }) } : {})}
        {...(canAddSpelling
          ? { onAddSpelling: (entity: string) => post({ type: 'add-spelling', entity }) }
          : {})}
        onClose={close}
      />,
      root,
    );
  }
  report();
}

// The port: only from the parent, only with this frame's nonce (its `window.name`, set by the content
// script), only once per document.
addEventListener('message', (event: MessageEvent) => {
  const data = event.data as Partial<Handshake> | null;
  const [offered] = event.ports;
  if (port || !nonce || event.source !== window.parent || !offered) return;
  if (data?.type !== HANDSHAKE || data.nonce !== nonce) return;
  port = offered;
  port.onmessage = (e: MessageEvent) => receive(e.data as ToFrame);
});
