import type { SurfaceDescription } from '../../lib/model/reader-ui.ts';
import type { Surface, ToolbarView } from '../../lib/session/views.ts';
import { HANDSHAKE, type FromFrame, type Handshake, type ToFrame } from './toolbar-channel.ts';
import { dropUntrusted } from './surface-dom.ts';

/** The iframe, placed by the content script; the shadow is drawn here, outside the frame. */
const HOST_CSS = `
:host { all: initial; }
iframe { position: fixed; z-index: 2147483647; display: block; margin: 0; padding: 0; border: 0;
  border-radius: 8px; box-shadow: 0 6px 24px rgb(0 0 0 / 0.18); background: transparent;
  width: 0; height: 0; visibility: hidden; color-scheme: normal; }
`;

interface Frame {
  iframe: HTMLIFrameElement;
  port: MessagePort | null;
  view: ToolbarView;
  anchor: DOMRect;
  /** Place the frame at the next layout (after a show). */
  place: boolean;
  /** Move focus into it once placed. */
  focus: boolean;
  description: SurfaceDescription | null;
  /** Its size, and whether the frame has been drawn at its place and size since they last changed. */
  size: { width: number; height: number };
  painted: boolean;
  /** Which placement the frame must confirm. */
  seq: number;
}

const randomNonce = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
};

/**
 * The annotation toolbar's surface: an extension page (`entrypoints/toolbar-frame/`) in an `<iframe>`,
 * inside a closed shadow root (issue #12). What the reader types into the note happens in the frame's
 * document, another origin's: the page cannot read it, and its listeners — even capture-phase ones on
 * its window and document — never hear the keys. The frame exists only while the toolbar is open.
 *
 * The session's props cross a private `MessageChannel` as plain data (`toolbar-channel.ts`);
 * the reader's actions come back as messages, turned here into calls of the props' functions. The
 * frame reports its size and what it shows after every change: this surface sizes and places the
 * iframe, and `describe` (the `reader/ui` tab message, for Rasid's own pages) offsets the frame's
 * controls by its position.
 */
export function createFrameSurface(
  doc: Document,
  tag: string,
  page: {
    /** The frame page's address (in Chromium, a per-session dynamic address: `use_dynamic_url`). */
    url: string;
    /** The extension's origin: the origin of the frame's document, the only one given the port. */
    origin: string;
  },
): Surface<ToolbarView> {
  const { url: frameUrl, origin } = page;
  let host: HTMLElement | null = null;
  let shadow: ShadowRoot | null = null;
  let frame: Frame | null = null;

  const ensureHost = () => {
    if (host?.isConnected && shadow) return shadow;
    host = doc.createElement(tag);
    host.setAttribute('data-rasid-ui', tag);
    shadow = host.attachShadow({ mode: 'closed' });
    dropUntrusted(shadow);
    const style = doc.createElement('style');
    style.textContent = HOST_CSS;
    shadow.append(style);
    doc.documentElement.append(host);
    return shadow;
  };

  const post = (f: Frame, message: ToFrame) => f.port?.postMessage(message);

  /** The view as data. */
  const sendView = (f: Frame) => {
    const { view } = f;
    if (view.view === 'deleted') return post(f, { type: 'show', view: 'deleted' });
    const {
      mode,
      initial,
      dates,
      error,
      notice,
      linked,
      onDelete,
      onAddSpelling,
      colorNames,
      teammates,
      onShare,
    } = view.props;
    post(f, {
      type: 'show',
      view: 'toolbar',
      props: {
        mode,
        initial,
        dates,
        error,
        notice,
        linked,
        canDelete: !!onDelete,
        canAddSpelling: !!onAddSpelling,
        colorNames,
        teammates: !!teammates,
        canShare: !!onShare,
      },
    });
  };

  const placeFrame = (f: Frame, width: number, height: number) => {
    const { iframe, anchor } = f;
    const win = doc.defaultView!;
    const resized = width !== f.size.width || height !== f.size.height;
    if (resized || f.place) {
      // What `describe` says is where the reader can click only once the frame has been drawn there.
      f.painted = false;
      post(f, { type: 'placed', seq: ++f.seq });
    }
    f.size = { width, height };
    iframe.style.width = `${width}px`;
    iframe.style.height = `${height}px`;
    if (!f.place) return;
    f.place = false;
    const left = Math.min(
      Math.max(8, anchor.left + anchor.width / 2 - width / 2),
      win.innerWidth - width - 8,
    );
    const below = anchor.bottom + 8 + height < win.innerHeight;
    iframe.style.left = `${left}px`;
    iframe.style.top = `${below ? anchor.bottom + 8 : Math.max(8, anchor.top - height - 8)}px`;
    iframe.style.visibility = 'visible';
    if (f.focus) {
      f.focus = false;
      iframe.focus();
      post(f, { type: 'focus' });
    }
  };

  /** The frame's messages: its layout, and the reader's actions as calls of the props' functions. */
  const receive = (f: Frame, message: FromFrame) => {
    if (frame !== f) return;
    const { view } = f;
    switch (message.type) {
      case 'layout':
        f.description = message.description;
        return placeFrame(f, message.width, message.height);
      case 'painted':
        f.painted ||= message.seq === f.seq;
        return;
      case 'close':
        return view.props.onClose();
      case 'undo':
        return view.view === 'deleted' ? view.props.onUndo() : undefined;
      case 'save':
        return view.view === 'toolbar' ? view.props.onSave(message.values) : undefined;
      case 'delete':
        return view.view === 'toolbar' ? view.props.onDelete?.() : undefined;
      case 'share':
        return view.view === 'toolbar' && typeof message.shared === 'boolean'
          ? view.props.onShare?.(message.shared)
          : undefined;
      case 'search':
        if (view.view !== 'toolbar' || typeof message.query !== 'string') return;
        void view.props.searchEntities(message.query.slice(0, 200)).then((entities) => {
          if (frame === f) post(f, { type: 'found', seq: message.seq, entities });
        });
        return;
      case 'add-spelling':
        return view.view === 'toolbar' && typeof message.entity === 'string'
          ? view.props.onAddSpelling?.(message.entity)
          : undefined;
    }
  };

  const open = (view: ToolbarView, anchor: DOMRect, focus: boolean): Frame => {
    const root = ensureHost();
    const iframe = doc.createElement('iframe');
    const nonce = randomNonce();
    const f: Frame = {
      iframe,
      port: null,
      view,
      anchor,
      place: true,
      focus,
      description: null,
      size: { width: 0, height: 0 },
      painted: false,
      seq: 0,
    };
    // The nonce is the frame's `window.name`: the page cannot read it (closed root, other origin).
    iframe.name = nonce;
    iframe.src = frameUrl;
    iframe.setAttribute('allowtransparency', 'true');
    // Every load of this iframe (the first, or a page that navigated it) gets a fresh channel, and only
    // if the document is the extension's: the target origin is checked by the browser.
    iframe.addEventListener('load', () => {
      if (frame !== f) return;
      f.port?.close();
      const channel = new MessageChannel();
      f.port = channel.port1;
      channel.port1.onmessage = (event: MessageEvent) => receive(f, event.data as FromFrame);
      const handshake: Handshake = { type: HANDSHAKE, nonce };
      iframe.contentWindow?.postMessage(handshake, origin, [channel.port2]);
      sendView(f);
    });
    root.append(iframe);
    return f;
  };

  /** Frames closed but not yet removed (see `hide`). */
  const closing = new Set<HTMLIFrameElement>();
  const discard = (iframe: HTMLIFrameElement) => {
    closing.delete(iframe);
    iframe.remove();
  };

  /**
   * Closes the frame. Focus first goes back to the page (where the reader was before Alt+Shift+A), so
   * the rest of a key press that closed it (Escape's key-up) lands in the page; the frame is hidden at
   * once and removed a moment later. Removing a focused out-of-process frame in the middle of a key
   * press loses that press's remaining events in Chromium, and input to the tab stalls behind them.
   */
  const hide = () => {
    if (!frame) return;
    const { iframe, port } = frame;
    frame = null;
    port?.close();
    const hadFocus = doc.activeElement === host;
    iframe.style.visibility = 'hidden';
    if (hadFocus) iframe.blur();
    closing.add(iframe);
    doc.defaultView!.setTimeout(() => discard(iframe), hadFocus ? 1000 : 0);
  };

  return {
    show(view, anchor, focus) {
      if (!frame || !frame.iframe.isConnected) {
        hide();
        frame = open(view, anchor, focus);
        return;
      }
      Object.assign(frame, { view, anchor, place: true, focus: frame.focus || focus });
      sendView(frame);
    },
    hide,
    contains: (event) => !!host && event.composedPath().includes(host),
    isOpen: () => !!frame,
    describe(): SurfaceDescription | null {
      if (!frame?.description || !frame.painted || frame.iframe.style.visibility !== 'visible') return null;
      const { x, y } = frame.iframe.getBoundingClientRect();
      const { text, controls } = frame.description;
      return {
        text,
        controls: controls.map((c) => ({ ...c, box: { ...c.box, x: c.box.x + x, y: c.box.y + y } })),
      };
    },
    remove() {
      hide();
      for (const iframe of closing) discard(iframe);
      host?.remove();
      host = null;
      shadow = null;
    },
  };
}
