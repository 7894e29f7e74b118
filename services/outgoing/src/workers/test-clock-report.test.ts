import { describe, expect, it } from 'vitest';
import { emptyCounts } from './dispatch-counts.ts';
import { TestClockReport } from './test-clock-report.ts';

const delivered = (n: number) => ({ ...emptyCounts(), delivered: n });

describe('TestClockReport', () => {
  it('reports what batches did at the current setting of the clock', async () => {
    const report = new TestClockReport();
    report.restart();
    const instant = report.instant;
    report.add(delivered(2), instant);
    expect(await report.run(() => Promise.resolve())).toMatchObject({ delivered: 2 });
    // The report restarts after each run.
    expect(await report.run(() => Promise.resolve())).toMatchObject({ delivered: 0 });
  });

  it('leaves out a batch that read the clock before it was set, even if it ends after', async () => {
    const report = new TestClockReport();
    const atTen = report.instant; // a background batch starts at 10:00 …
    report.restart(); // … the test moves the clock to 14:00 …
    report.add(delivered(1), atTen); // … and the 10:00 delivery is recorded only now.
    report.add(delivered(1), report.instant); // what ran at 14:00
    expect(await report.run(() => Promise.resolve())).toMatchObject({ delivered: 1 });
  });
});
