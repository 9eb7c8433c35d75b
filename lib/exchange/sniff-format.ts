import type { OtherFormat } from '../model/exchange.ts';

/**
 * What a file that is not JSON looks like (issue 15): a reader who picks the CSV or Markdown export
 * Rasid made, or a saved page, is told so ("Rasid imports JSON-LD; this is a CSV export") rather than
 * shown the JSON parser's complaint about its first character. Null when it looks like nothing in
 * particular (a cut-off JSON file, say): the parser's message is then the best there is.
 */
export function sniffFormat(text: string): OtherFormat | null {
  const start = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).trimStart().slice(0, 4096);
  // Broken JSON is still JSON: its parser's message says where it breaks.
  if (/^[[{"]/u.test(start)) return null;
  if (/^<(?:!doctype\s+html|html|head|body|!--|[a-z][\w-]*[\s>/])/iu.test(start)) return 'html';
  const lines = start.split(/\r?\n/u);
  const first = lines[0] ?? '';
  if (/^(?:#{1,6}\s|---$|>\s|[-*+]\s|\d+\.\s)/u.test(first) || lines.some((l) => /^#{1,6}\s\S/u.test(l)))
    return 'markdown';
  // A header row: at least two separators (commas; semicolons and tabs from spreadsheets set so).
  const separator = [',', ';', '\t'].find((s) => first.split(s).length >= 3);
  if (separator) return 'csv';
  return null;
}
