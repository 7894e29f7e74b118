import { describe, expect, it } from 'vitest';
import { businessCalendar, schedules } from '../../test/support/calendars.ts';
import { type DispatchFacts, planDispatch } from './dispatch-plan.ts';

const base: DispatchFacts = {
  now: new Date('2026-11-30T10:00:00.000Z'),
  expiresAt: null,
  holdToWindow: true,
  broadcastCancelled: false,
  window: [businessCalendar, schedules.kolkata],
};
const plan = (facts: Partial<DispatchFacts>) => {
  const action = planDispatch({ ...base, ...facts });
  return action.action === 'reschedule'
    ? { action: 'reschedule', at: action.at.toISOString() }
    : action;
};

describe('planDispatch', () => {
  it('delivers a message whose window is open now', () => {
    expect(plan({})).toEqual({ action: 'deliver' });
  });

  it('reschedules a message that became due late, after its window closed, to the next opening', () => {
    expect(plan({ now: new Date('2026-11-30T13:00:00.000Z') })).toEqual({
      action: 'reschedule',
      at: '2026-12-01T09:00:00.000Z',
    });
  });

  it("reschedules against the customer's current hours (they moved to New York)", () => {
    expect(plan({ window: [businessCalendar, schedules.newYork] })).toEqual({
      action: 'reschedule',
      at: '2026-11-30T14:00:00.000Z',
    });
  });

  it('suppresses a marketing message whose customer opted out since acceptance, even inside the window', () => {
    expect(plan({ optedOut: true })).toEqual({ action: 'suppress', reason: 'OPTED_OUT' });
    expect(plan({ optedOut: true, broadcastCancelled: true })).toEqual({
      action: 'cancel',
      reason: 'broadcast-cancelled',
    });
  });

  it('cancels the message of a deleted customer', () => {
    expect(plan({ window: null })).toEqual({ action: 'cancel', reason: 'customer-deleted' });
  });

  it('cancels the message of a cancelled broadcast, before anything else', () => {
    expect(plan({ broadcastCancelled: true, window: null })).toEqual({
      action: 'cancel',
      reason: 'broadcast-cancelled',
    });
  });

  it('expires a message at or past its expiry', () => {
    expect(plan({ expiresAt: base.now })).toEqual({ action: 'expire' });
  });

  it('delivers an order confirmation not held to the window even outside it', () => {
    expect(plan({ holdToWindow: false, now: new Date('2026-11-30T22:00:00.000Z') })).toEqual({
      action: 'deliver',
    });
  });

  it('marks a customer whose new hours never meet the business unreachable', () => {
    expect(plan({ window: [businessCalendar, schedules.tokyo] })).toEqual({
      action: 'unreachable',
    });
  });
});
