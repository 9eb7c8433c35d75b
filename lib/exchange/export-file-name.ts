import type { ExportScope } from '../model/exchange.ts';
import { siteOf } from '../pages/page-key.ts';

/**
 * An export's file name (issue 15): what it holds and when — `rasid-<site>-<date>.<ext>` for one page
 * or one site (the notebook's site filter too), `rasid-all-<date>.<ext>` for everything — so that a folder of exports reads as a list.
 * The date is the UTC day, as in the file's own `generated`. A site name keeps only what every file
 * system takes (letters, digits, dots and dashes; an internationalised host stays as punycode).
 */
export function exportFileName(scope: ExportScope, extension: string, now: number): string {
  const site =
    'page' in scope
      ? siteOrNull(scope.page)
      : 'notebook' in scope
        ? (scope.notebook.site ?? null)
        : (scope.site ?? null);
  const part = site ? safe(site) : 'all';
  return `rasid-${part || 'all'}-${new Date(now).toISOString().slice(0, 10)}.${extension}`;
}

function siteOrNull(url: string): string | null {
  try {
    return siteOf(url);
  } catch {
    // A page key that is no URL still exports; the file is then named for no site.
    return null;
  }
}

const safe = (site: string) =>
  site
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/gu, '-')
    .replace(/^[.-]+|[.-]+$/gu, '');
