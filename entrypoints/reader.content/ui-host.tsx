import { render, type ComponentChild } from 'preact';

/**
 * A place for Rasid's UI in the page: one custom element, marked as ours, with the UI in its shadow
 * root (open, so that tests can read what a reader sees; it holds nothing secret). Added on first use.
 */
export function createUiHost(doc: Document, tag: string, css: string) {
  let host: HTMLElement | null = null;
  let mount: HTMLElement | null = null;

  const ensure = () => {
    if (host?.isConnected && mount) return mount;
    host = doc.createElement(tag);
    host.setAttribute('data-rasid-ui', tag);
    const shadow = host.attachShadow({ mode: 'open' });
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

  return {
    /** Shows `ui` beside `anchor` (a box in the viewport); moves focus to it when asked. */
    show(ui: ComponentChild, anchor: DOMRect, focus: boolean) {
      const target = ensure();
      render(ui, target);
      const box = target.firstElementChild as HTMLElement;
      const view = doc.defaultView!;
      const width = box.offsetWidth;
      const left = Math.min(
        Math.max(8, anchor.left + anchor.width / 2 - width / 2),
        view.innerWidth - width - 8,
      );
      const below = anchor.bottom + 8 + box.offsetHeight < view.innerHeight;
      box.style.left = `${left}px`;
      box.style.top = `${below ? anchor.bottom + 8 : Math.max(8, anchor.top - box.offsetHeight - 8)}px`;
      if (focus) box.focus();
    },
    hide,
    /** Is this event from inside the UI? */
    contains(event: Event) {
      return !!host && event.composedPath().includes(host);
    },
    isOpen() {
      return !!mount?.firstElementChild;
    },
    remove() {
      hide();
      host?.remove();
      host = null;
      mount = null;
    },
  };
}
