import { describe, expect, it } from 'vitest';
import { withoutBidiControls } from './bidi.ts';

describe('withoutBidiControls', () => {
  it('drops overrides, embeddings and isolates a page may hold, and keeps the letters', () => {
    expect(withoutBidiControls('\u202Eقوات\u202C سوريا \u2067الديمقراطية\u2069')).toBe(
      'قوات سوريا الديمقراطية',
    );
  });
  it('keeps the marks that only place neutral characters', () => {
    expect(withoutBidiControls('SDF\u200F (قسد)')).toBe('SDF\u200F (قسد)');
  });
});
