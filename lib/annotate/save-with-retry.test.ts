import { describe, expect, it } from 'vitest';
import { err, ok, type Result } from '../model/result.ts';
import { FakeClock } from '../../tests/support/fake-clock.ts';
import { flush } from '../../tests/support/flush.ts';
import { saveWithRetry } from './save-with-retry.ts';

/** A write that fails `failures` times, then succeeds; counts its calls. */
function flaky(failures: number) {
  const write = async (): Promise<Result<string>> => {
    write.calls++;
    return write.calls > failures ? ok('saved') : err(`disk full ${write.calls}`);
  };
  write.calls = 0;
  return write;
}

describe('saveWithRetry', () => {
  it('saves at once when the write succeeds', async () => {
    const clock = new FakeClock();
    const errors: string[] = [];
    const reply = await saveWithRetry(flaky(0), {
      clock,
      signal: new AbortController().signal,
      onError: (e) => errors.push(e),
    });
    expect(reply).toEqual(ok('saved'));
    expect(errors).toEqual([]);
  });

  it('reports each failure and tries again after 1, 2, 4 … seconds on the clock', async () => {
    const clock = new FakeClock();
    const errors: string[] = [];
    const write = flaky(3);
    const done = saveWithRetry(write, {
      clock,
      signal: new AbortController().signal,
      onError: (e) => errors.push(e),
    });
    await flush();
    expect([write.calls, errors]).toEqual([1, ['disk full 1']]);
    expect(clock.pending).toEqual([1000]);
    clock.tick(999);
    await flush();
    expect(write.calls).toBe(1);
    clock.tick(1);
    await flush();
    expect(write.calls).toBe(2);
    expect(clock.pending).toEqual([2000]);
    clock.tick(2000);
    await flush();
    expect(clock.pending).toEqual([4000]);
    clock.tick(4000);
    expect(await done).toEqual(ok('saved'));
    expect(errors).toEqual(['disk full 1', 'disk full 2', 'disk full 3']);
  });

  it('gives up after five retries with the last error', async () => {
    const clock = new FakeClock();
    const write = flaky(Infinity);
    const done = saveWithRetry(write, {
      clock,
      signal: new AbortController().signal,
      onError: () => undefined,
    });
    for (let i = 0; i < 10; i++) {
      await flush();
      clock.tick(60_000);
    }
    expect(await done).toEqual(err('disk full 6'));
    expect(write.calls).toBe(6);
  });

  it('stops waiting and trying once aborted', async () => {
    const clock = new FakeClock();
    const controller = new AbortController();
    const write = flaky(Infinity);
    const done = saveWithRetry(write, { clock, signal: controller.signal, onError: () => undefined });
    await flush();
    controller.abort();
    expect(await done).toEqual(err('aborted'));
    expect(clock.pending).toEqual([]);
    expect(write.calls).toBe(1);
  });
});
