/**
 * Lets pending work finish: promise chains, Preact's re-renders, messages answered by fakes. A short
 * macrotask delay rather than `setTimeout(0)`: a chain that itself waits for a macrotask (Preact's
 * debounced render after a state change) is done by then too.
 */
export const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));
