import { describe, expect, it } from 'vitest';
import type { BatchContext } from './batch-context.ts';
import { readDailyCap } from './daily-cap-read.ts';
import type { Candidate } from './dispatch-candidates.ts';

const NOW = new Date('2026-12-22T14:30:00.000Z');

/** A context whose database must not be touched: any use of it fails the test. */
const untouched = (marketingCapPerDay: number | undefined) =>
  ({
    marketingCapPerDay,
    db: new Proxy(
      {},
      {
        get(_, name) {
          throw new Error(`the database was used (${String(name)})`);
        },
      },
    ),
  }) as unknown as BatchContext;

const candidate = (category: 'marketing' | 'transactional'): Candidate =>
  ({
    message: { id: `msg_${category}`, customer_id: 'cus_1', category },
    customer: { timeZone: 'America/New_York' },
  }) as unknown as Candidate;

describe('readDailyCap', () => {
  it('reads nothing without MARKETING_CAP_PER_DAY (the hot path costs nothing)', async () => {
    await expect(
      readDailyCap(untouched(undefined), 'b1', [candidate('marketing')], NOW),
    ).resolves.toBeUndefined();
  });

  it('reads nothing for a batch without a marketing message', async () => {
    await expect(
      readDailyCap(untouched(2), 'b1', [candidate('transactional')], NOW),
    ).resolves.toBeUndefined();
  });

  it('reads the deliveries when the cap is set and the batch has marketing', async () => {
    await expect(readDailyCap(untouched(2), 'b1', [candidate('marketing')], NOW)).rejects.toThrow(
      'the database was used',
    );
  });
});
