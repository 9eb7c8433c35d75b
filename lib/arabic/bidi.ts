/**
 * Bidi embedding, override and isolate controls (LRE RLE PDF LRO RLO, LRI RLI FSI PDI). In text a page
 * hands Rasid — a title, a byline, the sentence around a name — they would reorder what Rasid shows
 * next to it (issue #12: "bidi override characters from pages are shown unneutralised"). Marks
 * (LRM, RLM, ALM) stay: they only nudge neutral characters and never leak past the text.
 */
const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;

/** `text` without bidi embedding, override and isolate controls. */
export function withoutBidiControls(text: string): string {
  return text.replace(CONTROLS, '');
}
