import { parseWebAnnotation } from './parse-web-annotation.ts';

/**
 * A dedicated worker that reads an import file (issue #12): parsing tens of megabytes takes seconds,
 * and Rasid's extension pages share one thread in Chromium — parsed on a page, a large import froze
 * the other open pages. Gets `{ text, now }`, answers with the `ParsedFile`.
 */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ text: string; now: number }>) => void) | null;
  postMessage(message: unknown): void;
};
scope.onmessage = ({ data }) => scope.postMessage(parseWebAnnotation(data.text, { now: data.now }));
