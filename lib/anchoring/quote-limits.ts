/**
 * How long a quote Rasid stores or imports (issue #12: an imported 10 MB quote froze the page).
 *
 * 5,000 UTF-16 units is about 800–900 Arabic words: several paragraphs, more than a reader marks to
 * annotate one passage (a news paragraph is 300–800 characters). Anchoring is linear in the quote's
 * length (`npm run bench:anchor`: a 2,000-character quote changed by 2% is found again in a 1 MB
 * page in a few milliseconds), so this bound is about storage and sanity, not speed. A longer
 * selection or imported quote should be refused with its reason rather than cut: a cut quote no
 * longer says what the reader marked.
 */
export const MAX_QUOTE_CHARS = 5000;

/**
 * How much of a quote's prefix and suffix anchoring reads: the `MAX_CONTEXT_CHARS` characters
 * nearest the quote. Rasid stores 32; Hypothesis stores 32; longer context from other tools is
 * harmless but unread, and may be trimmed on import (the prefix to its end, the suffix to its start).
 */
export const MAX_CONTEXT_CHARS = 64;
