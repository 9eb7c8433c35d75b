import { describe, expect, it } from 'vitest';
import { isFirstInstall } from './first-run.ts';
import { readerCommandOf } from './message-guards.ts';

describe('isFirstInstall', () => {
  it.each([
    ['install', true],
    ['update', false],
    ['browser_update', false],
    ['chrome_update', false],
    ['shared_module_update', false],
  ])('%s: %s', (reason, expected) => expect(isFirstInstall({ reason })).toBe(expected));
});

describe('readerCommandOf', () => {
  it.each(['annotate-selection', 'next-mention', 'previous-mention'])('forwards %s', (name) =>
    expect(readerCommandOf(name)).toBe(name),
  );
  it.each(['_execute_action', '_execute_sidebar_action', 'rm -rf', '', 42, null])(
    'leaves %j to the browser',
    (name) => expect(readerCommandOf(name)).toBeNull(),
  );
});
