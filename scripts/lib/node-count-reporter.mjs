// node:test reporter that writes {"passed": N, "failed": N} for the closing summary line.
// Suites are not counted, only the tests in them; a file that fails to load counts as one failure.
export default async function* countReporter(source) {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    const suite = event.data?.details?.type === 'suite';
    if (event.type === 'test:pass' && !suite && !event.data.skip && !event.data.todo) passed++;
    if (event.type === 'test:fail' && !suite) failed++;
  }
  yield `${JSON.stringify({ passed, failed })}\n`;
}
