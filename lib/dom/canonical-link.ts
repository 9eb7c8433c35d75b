/**
 * The page's canonical link, absolute, if it declares one (page identity, with the address:
 * `lib/pages/page-identity.ts` decides whether it counts).
 */
export function canonicalLink(doc: Document): string | null {
  return doc.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]')?.href ?? null;
}
