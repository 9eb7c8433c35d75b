import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import model from './model.json' with { type: 'json' };
import { decodeModel, type ModelFile } from './tagger.ts';

describe('the recogniser model', () => {
  it('loads, with a threshold and a table of features', () => {
    const tagger = decodeModel(model as ModelFile);
    expect(tagger.rows.some((r) => r > 0)).toBe(true);
    expect(Number.isFinite(tagger.threshold)).toBe(true);
  });

  it('carries the licences of the data it was trained on', () => {
    const { licence } = model as ModelFile;
    expect(licence.summary).toMatch(/CC BY-SA 3\.0/u);
    expect(licence.sources.map((s) => s.licence).join(' ')).toMatch(/MIT.*CC BY-SA 3\.0/su);
    expect(Object.values(licence.texts).join('\n')).toMatch(/Permission is hereby granted/u);
    expect(Object.values(licence.texts).join('\n')).toMatch(/Attribution-ShareAlike|CREATIVE COMMONS/u);
    const beside = new URL('./MODEL-LICENSE.md', import.meta.url);
    expect(existsSync(beside)).toBe(true);
    expect(readFileSync(beside, 'utf8')).toContain(licence.summary);
  });

  it('stays under a megabyte', () => {
    expect(readFileSync(new URL('./model.json', import.meta.url)).length).toBeLessThan(1_000_000);
  });
});
