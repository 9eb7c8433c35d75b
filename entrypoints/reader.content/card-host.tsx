import { render } from 'preact';
import { CARD_CSS, EntityCard, type CardEntity } from '../../components/EntityCard.tsx';
import type { Translator } from '../../lib/i18n/i18n.ts';

export interface CardActions {
  onPrevious(): void;
  onNext(): void;
  onHide(): void;
}

/**
 * The card's place in the page: one custom element, marked as ours, with the card in its shadow root
 * (open, so that tests can read what a reader sees; it holds only lexicon data). Added on first use.
 */
export function createCardHost(doc: Document, i18n: Translator) {
  let host: HTMLElement | null = null;
  let mount: HTMLElement | null = null;

  const ensure = () => {
    if (host?.isConnected && mount) return mount;
    host = doc.createElement('rasid-card');
    host.setAttribute('data-rasid-ui', 'card');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CARD_CSS;
    mount = doc.createElement('div');
    shadow.append(style, mount);
    doc.documentElement.append(host);
    return mount;
  };

  const hide = () => {
    if (mount) render(null, mount);
  };

  return {
    /** Shows the card for `entity` beside `anchor` (the mention's box); moves focus to it when asked. */
    show(entity: CardEntity, anchor: DOMRect, actions: CardActions, focus: boolean) {
      const target = ensure();
      render(<EntityCard i18n={i18n} entity={entity} {...actions} onClose={hide} />, target);
      const card = target.firstElementChild as HTMLElement;
      const view = doc.defaultView!;
      const width = card.offsetWidth;
      const left = Math.min(
        Math.max(8, anchor.left + anchor.width / 2 - width / 2),
        view.innerWidth - width - 8,
      );
      const below = anchor.bottom + 8 + card.offsetHeight < view.innerHeight;
      card.style.left = `${left}px`;
      card.style.top = `${below ? anchor.bottom + 8 : Math.max(8, anchor.top - card.offsetHeight - 8)}px`;
      if (focus) card.focus();
    },
    hide,
    /** Is this event from inside the card? */
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
