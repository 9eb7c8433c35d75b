import { describe, expect, it } from 'vitest';
import { isMessage } from './protocol.ts';

describe('isMessage', () => {
  it.each([
    [{ type: 'page/get', payload: { tabId: 1 } }, true],
    [{ type: 'page/get' }, false],
    [{ type: 'other', payload: {} }, false],
    ['page/get', false],
    [null, false],
  ])('%j → %s', (value, expected) => expect(isMessage(value)).toBe(expected));
});
