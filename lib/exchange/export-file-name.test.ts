import { describe, expect, it } from 'vitest';
import { exportFileName } from './export-file-name.ts';

const now = Date.UTC(2026, 10, 29, 23, 59);

describe('exportFileName', () => {
  it.each([
    [
      'one page: its site',
      { page: 'https://www.enabbaladi.net/archives/1' },
      'rasid-enabbaladi.net-2026-11-29.csv',
    ],
    ['the dashboard filtered to a site', { site: 'aljazeera.net' }, 'rasid-aljazeera.net-2026-11-29.csv'],
    ['the dashboard without a site', {}, 'rasid-all-2026-11-29.csv'],
    ['a date range, no site', { from: 0, to: now }, 'rasid-all-2026-11-29.csv'],
    ['a saved page', { page: 'file:///home/reader/a.html' }, 'rasid-file-2026-11-29.csv'],
    ['a page key that is no URL', { page: 'not a url' }, 'rasid-all-2026-11-29.csv'],
    ['an odd site name', { site: '../Evil/Site:80' }, 'rasid-evil-site-80-2026-11-29.csv'],
    [
      'the notebook filtered to a site',
      { notebook: { site: 'snacksyrian.com' } },
      'rasid-snacksyrian.com-2026-11-29.csv',
    ],
    ['the notebook, every site', { notebook: { q: 'روسيا' } }, 'rasid-all-2026-11-29.csv'],
  ])('names %s and the UTC day', (_, scope, name) => expect(exportFileName(scope, 'csv', now)).toBe(name));
});
