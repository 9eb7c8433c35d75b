import { boxOf, liveRange } from '../dom/caret.ts';
import type { PageMention } from '../reader/page-reader.ts';
import type { Reading } from './reading.ts';
import type { SessionSeams } from './seams.ts';
import type { LexiconUndoProps } from './views.ts';

/**
 * Cards: the card of a name, opened by a click or by resting the pointer on it; previous and next
 * mention, hide the entity, switch the spelling off. The card holds only public facts (the bundled
 * lexicon's names, the mention's place on the page): what Rasid remembers of the entity is the
 * reader's history, shown in the side panel and never put in the page (issue #12).
 */
export class Cards {
  readonly #seams: SessionSeams;
  readonly #reading: Reading;
  readonly #spellingOff: (entity: string, text: string, anchor: DOMRect) => void;
  #shown: PageMention | null = null;
  /** An undo notice is shown in the card's place. */
  #notice = false;
  /** Whether the reader is in a team, as last asked (issue #17): the card then makes room for its line. */
  #team = false;
  readonly #page: () => { url: string; canonical: string | null };

  constructor(options: {
    seams: SessionSeams;
    reading: Reading;
    /** Switches a spelling off in the reader's lexicon (from the card at `anchor`). */
    spellingOff(entity: string, text: string, anchor: DOMRect): void;
    /** The page's address and canonical link, for the team's line. */
    page(): { url: string; canonical: string | null };
  }) {
    this.#page = options.page;
    this.#seams = options.seams;
    this.#reading = options.reading;
    this.#spellingOff = options.spellingOff;
  }

  /** The mention whose card was opened last. */
  get shown(): PageMention | null {
    return this.#shown;
  }

  /** Opens the card of a mention (moving focus to it when asked). */
  show(mention: PageMention, focus: boolean): void {
    const reader = this.#reading.reader;
    if (!reader) return;
    const { card, i18n, doc, send, signal } = this.#seams;
    // Joined or left since the last card: asked each time (one bit), the card redrawn if it changed.
    void send('team/joined', {}).then((r) => {
      const joined = r.ok && r.value;
      if (joined === this.#team || signal.aborted) return;
      this.#team = joined;
      if (this.#shown === mention && card.isOpen()) this.show(mention, false);
    });
    this.#shown = mention;
    this.#notice = false;
    const { entity } = mention;
    const move = (direction: 1 | -1) => {
      const next = reader.reveal(entity.id, direction, this.#shown ?? undefined);
      if (next) this.show(next, true);
    };
    const anchor = boxOf(doc, mention.range);
    card.show(
      {
        view: 'card',
        props: {
          i18n,
          entity: {
            id: entity.id,
            type: entity.type,
            subtype: entity.subtype,
            ar: entity.ar,
            en: entity.en,
            ...(entity.provenance.source === 'team' ? { teamBy: entity.provenance.by } : {}),
            ...reader.positionOf(mention),
          },
          onPrevious: () => move(-1),
          onNext: () => move(1),
          published: reader.summary?.publishedTime ?? null,
          onHide: () => {
            reader.setHidden(entity.id, true);
            this.hide();
          },
          spelling: mention.alias,
          onSpellingOff: () => {
            this.hide();
            this.#spellingOff(entity.id, mention.alias, anchor);
          },
          onClose: () => this.hide(),
          ...(this.#team ? { team: this.#page() } : {}),
        },
      },
      anchor,
      focus,
    );
  }

  /** Shows, in the card's place, what a change to the reader's lexicon did, with its undo. */
  showNotice(props: LexiconUndoProps, anchor: DOMRect): void {
    this.#shown = null;
    this.#notice = true;
    this.#seams.card.show({ view: 'undo', props }, anchor, true);
  }

  hide(): void {
    this.#notice = false;
    this.#seams.card.hide();
  }

  /**
   * Hides the card before the page is read again. An undo notice stays: the new reading is what it
   * is about (the page re-highlights after “Not a name”), and the reader may still undo it.
   */
  hideForReading(): void {
    if (!this.#notice) this.hide();
  }

  /**
   * The next (or previous) mention of the name the reader is on (issue 15: the `next-mention` and
   * `previous-mention` commands): the name whose card is open, else the name at the caret (the
   * selection's focus, where caret browsing or a selection left it). Scrolls to it, flashes it and opens
   * its card with focus, as a click on the name does (a selection's toolbar gives way), so that the next
   * press goes on from there and the card's own buttons are a Tab away. False when the reader is on no
   * name.
   */
  step(direction: 1 | -1): boolean {
    const reader = this.#reading.reader;
    if (!reader) return false;
    const from = (this.#seams.card.isOpen() ? this.#shown : null) ?? this.#atCaret(reader.mentions);
    if (!from) return false;
    const next = reader.reveal(from.entity.id, direction, from);
    if (!next) return false;
    this.#seams.toolbar.hide();
    this.show(next, true);
    return true;
  }

  #atCaret(mentions: readonly PageMention[]): PageMention | null {
    const { doc } = this.#seams;
    const selection = doc.getSelection();
    const node = selection?.focusNode;
    if (!selection || !node) return null;
    const offset = selection.focusOffset;
    return (
      mentions.find((m) => {
        if (!m.range.startContainer.isConnected) return false;
        try {
          return liveRange(doc, m.range).isPointInRange(node, offset);
        } catch {
          // A point in another document or a doctype: not in this mention.
          return false;
        }
      }) ?? null
    );
  }
}
