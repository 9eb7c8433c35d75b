/**
 * Page and reader text made inert in Markdown (issue #7): whatever a title or a note holds, a renderer
 * shows it as the text it is — no HTML (`<img onerror>`), no link (`](javascript:…)`), no emphasis,
 * heading, list, table or code block it did not ask for. CommonMark (https://spec.commonmark.org/)
 * and the GitHub extensions are the renderers in mind.
 */

/** Characters that mean something anywhere in a line: emphasis, links, code, tables, strikethrough. */
const INLINE = /[\\`*_[\]#|~!]/gu;
const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
/** What starts a block at the start of a line, once `#`, `>`, `*` and the rest are escaped anyway. */
const BLOCK_START = /^(?:[-+=]|\d{1,9}(?=[.)]))/u;
const LINE_BREAK = /\r\n|\r|\n/u;

/**
 * One line of text, escaped: `&`, `<`, `>` as entities (CommonMark decodes them back to the characters);
 * a backslash before every other character with a meaning; leading white space dropped, as four spaces
 * would start a code block. Line breaks become spaces: a heading or a list item is one line.
 */
export function escapeMarkdown(text: string): string {
  const line = text.replace(/\r\n|\r|\n/gu, ' ').trimStart();
  return line
    .replace(/[&<>]/gu, (c) => HTML[c]!)
    .replace(INLINE, '\\$&')
    .replace(BLOCK_START, (start) => (/^\d/u.test(start) ? `${start}\\` : `\\${start}`));
}

/** Each line of a text that may have several, escaped. */
export const markdownLines = (text: string): string[] => text.split(LINE_BREAK).map(escapeMarkdown);

/**
 * A text as a block quote: every line behind `>`, blank ones too, so that no line break in the
 * text can end the quote and start something else.
 */
export const markdownQuote = (text: string): string =>
  markdownLines(text)
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');

/**
 * A text as one paragraph, its line breaks kept as hard breaks (two trailing spaces); a blank line in
 * the text starts another paragraph.
 */
export const markdownParagraphs = (text: string): string =>
  text
    .split(/(?:\r\n|\r|\n)\s*(?:\r\n|\r|\n)/u)
    .map((paragraph) => markdownLines(paragraph.trim()).join('  \n'))
    .filter(Boolean)
    .join('\n\n');

/**
 * A link destination, or null when the address should not be a link: only web pages and saved pages
 * are. The URL parser percent-encodes spaces and angle brackets; parentheses are encoded too (they
 * would end the destination), and `&` before what looks like an entity is escaped, since CommonMark
 * decodes entities in destinations.
 */
export function markdownUrl(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (!['http:', 'https:', 'file:'].includes(url.protocol)) return null;
  return url.href
    .replace(/\(/gu, '%28')
    .replace(/\)/gu, '%29')
    .replace(/&(?=#?\w+;)/gu, '&amp;');
}

/** `[text](url)` when the address may be a link, the escaped text otherwise. */
export function markdownLink(text: string, address: string): string {
  const url = markdownUrl(address);
  return url ? `[${escapeMarkdown(text)}](${url})` : escapeMarkdown(text);
}
