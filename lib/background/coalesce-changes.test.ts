import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesceChanges } from './coalesce-changes.ts';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('coalesced change signals', () => {
  it('tells the first change at once, and a burst after it once per topic at the window’s end', () => {
    const told: string[] = [];
    const change = coalesceChanges<string>((w) => told.push(w), 500);
    change('annotations');
    expect(told).toEqual(['annotations']);
    for (let i = 0; i < 200; i++) change(i % 2 ? 'annotations' : 'lexicon');
    expect(told).toEqual(['annotations']);
    vi.advanceTimersByTime(500);
    expect(told.sort()).toEqual(['annotations', 'annotations', 'lexicon']);
  });

  it('loses no change: one that comes in the window after a flush is told at that window’s end', () => {
    const told: string[] = [];
    const change = coalesceChanges<string>((w) => told.push(w), 500);
    change('a');
    change('b');
    vi.advanceTimersByTime(500);
    change('c');
    expect(told).toEqual(['a', 'b']);
    vi.advanceTimersByTime(500);
    expect(told).toEqual(['a', 'b', 'c']);
    // Quiet for a window: the next change is told at once again.
    vi.advanceTimersByTime(500);
    change('d');
    expect(told).toEqual(['a', 'b', 'c', 'd']);
  });
});
