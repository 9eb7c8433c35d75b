import { parseHTML } from 'linkedom';

/**
 * A DOM for HTML read in Node (the CLI, tests): linkedom, which Readability runs on.
 * `url` becomes the document's URL so relative links resolve as they would in the browser.
 */
export function parseHtmlDocument(html: string, url = 'http://127.0.0.1/'): Document {
  const { document } = parseHTML(html);
  // linkedom has no documentURI/baseURI of its own; Readability reads them to resolve links.
  Object.defineProperty(document, 'documentURI', { value: url });
  Object.defineProperty(document, 'baseURI', { value: url });
  return document as unknown as Document;
}
