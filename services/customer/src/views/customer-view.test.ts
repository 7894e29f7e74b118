import { parseSchedule } from '@screenmagic/hours-window';
import { describe, expect, it } from 'vitest';
import { customerRecord, storedRecordJson, windowView } from './customer-view.ts';

describe('storedRecordJson', () => {
  it('writes the same record customerRecord gives, around the stored schedule text', () => {
    const schedule = parseSchedule({ timeZone: 'Asia/Kolkata', start: '10:00', end: '19:00' });
    const customer = {
      id: 'cus_01',
      name: 'Zoë "Z" \\ O\u2028',
      phone: null,
      schedule,
      consent: { marketing: false },
      createdAt: new Date('2026-11-01T00:00:00Z'),
      updatedAt: new Date('2026-11-02T03:04:05.678Z'),
    };
    const json = storedRecordJson({
      id: customer.id,
      name: customer.name,
      nameKey: 'zoë "z" \\ o',
      phone: customer.phone,
      marketing: false,
      timeZone: schedule.timeZone,
      workingHoursJson: JSON.stringify(schedule),
      updatedAt: customer.updatedAt,
    });
    expect(JSON.parse(json)).toEqual(customerRecord(customer));
  });
});

describe('windowView', () => {
  it("shows a window in UTC and in the customer's zone", () => {
    const window = {
      start: new Date('2026-11-30T09:00:00Z'),
      end: new Date('2026-11-30T13:30:00Z'),
    };
    expect(windowView(window, 'Asia/Kolkata')).toEqual({
      start: '2026-11-30T09:00:00.000Z',
      end: '2026-11-30T13:30:00.000Z',
      startLocal: '2026-11-30T14:30:00+05:30',
      endLocal: '2026-11-30T19:00:00+05:30',
    });
  });
});
