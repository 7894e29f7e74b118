import { describe, expect, it } from 'vitest';
import { type HistoryEntry, historyWithDelivery } from './delivered-entry.ts';

const scheduled: HistoryEntry = {
  at: new Date('2026-12-07T08:00:00Z'),
  event: 'scheduled',
  reason: 'OUTSIDE_CUSTOMER_HOURS',
  scheduled_for: new Date('2026-12-07T09:00:00Z'),
  detail: null,
};
const deliveredAt = new Date('2026-12-07T09:00:01.234Z');

describe('historyWithDelivery (the delivered entry is the row’s)', () => {
  it('ends a delivered message’s history with the entry a copy of its row would store', () => {
    const history = historyWithDelivery([scheduled], {
      status: 'delivered',
      delivered_at: deliveredAt,
      status_reason: 'IN_WINDOW',
      status_detail: null,
    });
    expect(history).toEqual([
      scheduled,
      {
        at: deliveredAt,
        event: 'delivered',
        reason: 'IN_WINDOW',
        scheduled_for: null,
        detail: null,
      },
    ]);
  });

  it('adds nothing to a message that is not delivered', () => {
    for (const status of ['scheduled', 'sending', 'failed', 'cancelled'] as const) {
      expect(
        historyWithDelivery([scheduled], {
          status,
          delivered_at: null,
          status_reason: 'IN_WINDOW',
          status_detail: null,
        }),
      ).toEqual([scheduled]);
    }
  });

  it('keeps a stored delivered entry (recorded before entries were derived) and adds none', () => {
    const stored: HistoryEntry = { ...scheduled, event: 'delivered', at: deliveredAt };
    expect(
      historyWithDelivery([scheduled, stored], {
        status: 'delivered',
        delivered_at: deliveredAt,
        status_reason: 'IN_WINDOW',
        status_detail: null,
      }),
    ).toEqual([scheduled, stored]);
  });
});
