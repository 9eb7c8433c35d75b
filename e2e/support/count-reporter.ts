/**
 * A node:test reporter that counts leaf tests (not suites) and writes `{"passed","failed","skipped"}`:
 * the gate adds these to vitest's counts for its closing `N passed, N failed` line.
 */
interface TestEvent {
  type: string;
  data: { details?: { type?: string }; skip?: unknown; todo?: unknown };
}

export default async function* countReporter(source: AsyncIterable<TestEvent>): AsyncGenerator<string> {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for await (const { type, data } of source) {
    const isSuite = data.details?.type === 'suite';
    if (type === 'test:pass' && !isSuite) {
      if (data.skip || data.todo) skipped++;
      else passed++;
    }
    // A suite fails on its own only when a hook (before/after) failed: count that once.
    if (type === 'test:fail') failed++;
  }
  yield `${JSON.stringify({ passed, failed, skipped })}\n`;
}
