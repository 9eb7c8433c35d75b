/**
 * Gives the page a turn: `scheduler.yield()` where the browser has it (it keeps this task's
 * priority), else a message to ourselves. Not `setTimeout(0)`: nested timers are clamped to 4 ms,
 * which on a 1 MB page cost ~80 ms of waiting.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
