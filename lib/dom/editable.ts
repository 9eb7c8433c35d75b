/**
 * Is a node inside an editable region — `contenteditable` with any value but `false` (`true`, `TRUE`,
 * `plaintext-only`, empty), or a document in design mode? Rasid never paints there: a highlight in an
 * editor gets in the writer's way, and a `<mark>` fallback would change what they write (issue #12).
 * Read from the attributes (the nearest `contenteditable` decides), never from `isContentEditable`:
 * that forces the browser to compute the style of every ancestor, which on a page 5,000 levels deep
 * held the page for most of a second (issue #12).
 */
export function isEditable(node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as HTMLElement) : node.parentElement;
  if (!el) return false;
  if (el.ownerDocument.designMode === 'on') return true;
  const region = el.closest('[contenteditable]');
  return !!region && region.getAttribute('contenteditable')!.trim().toLowerCase() !== 'false';
}

/** The text nodes not inside an editable region (looked up once per parent: siblings share it). */
export function outsideEditable(nodes: readonly Text[]): Text[] {
  const editable = new Map<Element | null, boolean>();
  return nodes.filter((n) => {
    const parent = n.parentElement;
    let is = editable.get(parent);
    if (is === undefined) editable.set(parent, (is = isEditable(n)));
    return !is;
  });
}
