import { render, type ComponentChild } from 'preact';
import type { Surface, SurfaceDescription } from '../../lib/session/views.ts';
import { describeBox, dropUntrusted } from './surface-dom.ts';

/**
 * Events that carry what the reader types (keys, text, compositions). They are composed — they leave
 * the shadow root, retargeted to the host — so the page's own listeners would hear a note being typed:
 * they stop at the shadow root. (Listeners the page registers in the capture phase on its window or
 * document run before the event reaches Rasid, and would still hear the keys: which is why the
 * annotation toolbar, where the reader types notes, is not a surface of this kind but an extension
 * frame, `frame-surface.ts`. The card has no field.)
 */
const TYPING_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'textInput',
  'compositionstart',
  'compositionupdate',
  'compositionend',
] as const;

/**
 * A place for Rasid's UI in the page: one custom element, marked as ours, added on first use, with the
 * UI in a CLOSED shadow root created from the content script's isolated world (issue #12). The root
 * is kept only in this closure: `host.shadowRoot` is null to the page, which cannot read the card
 * nor reach a button to click. Untrusted events inside are stopped before any
 * component hears them, and what the reader types does not bubble out to the page. `view` renders the
 * session's props with a component; `describe` tells Rasid's own pages (the panel, the tests) what the
 * surface shows, through the `reader/ui` tab message.
 */
export function createSurface<P>(
  doc: Document,
  tag: string,
  css: string,
  view: (props: P) => ComponentChild,
): Surface<P> {
  let host: HTMLElement | null = null;
  let mount: HTMLElement | null = null;
  let root: ShadowRoot | null = null;

  const ensure = () => {
    if (host?.isConnected && mount) return mount;
    host = doc.createElement(tag);
    host.setAttribute('data-rasid-ui', tag);
    const shadow = host.attachShadow({ mode: 'closed' });
    root = shadow;
    dropUntrusted(shadow);
    for (const type of TYPING_EVENTS) shadow.addEventListener(type, (event) => event.stopPropagation());
    const style = doc.createElement('style');
    style.textContent = css;
    mount = doc.createElement('div');
    shadow.append(style, mount);
    doc.documentElement.append(host);
    return mount;
  };

  const hide = () => {
    if (mount) render(null, mount);
  };
  const shown = () => (mount?.firstElementChild as HTMLElement | null | undefined) ?? null;

  return {
    show(props, anchor, focus) {
      const target = ensure();
      render(view(props), target);
      const box = target.firstElementChild as HTMLElement;
      const win = doc.defaultView!;
      const width = box.offsetWidth;
      const left = Math.min(
        Math.max(8, anchor.left + anchor.width / 2 - width / 2),
        win.innerWidth - width - 8,
      );
      const below = anchor.bottom + 8 + box.offsetHeight < win.innerHeight;
      box.style.left = `${left}px`;
      box.style.top = `${below ? anchor.bottom + 8 : Math.max(8, anchor.top - box.offsetHeight - 8)}px`;
      if (focus) box.focus();
    },
    hide,
    contains: (event) => !!host && event.composedPath().includes(host),
    isOpen: () => !!shown(),
    describe(): SurfaceDescription | null {
      const box = shown();
      return box ? { ...describeBox(box), markup: root?.innerHTML ?? '' } : null;
    },
    remove() {
      hide();
      host?.remove();
      host = null;
      mount = null;
    },
  };
}
