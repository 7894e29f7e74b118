import { describe, expect, it } from 'vitest';
import { needsCorrection, toldProcessingAt } from './order-correction.ts';

const MONDAY_9 = new Date('2026-12-07T03:30:00.000Z');
const TUESDAY_9 = new Date('2026-12-08T03:30:00.000Z');
const WEDNESDAY_9 = new Date('2026-12-09T03:30:00.000Z');

describe('toldProcessingAt', () => {
  it('is the announced time while no correction reached the customer', () => {
    expect(toldProcessingAt(MONDAY_9, [])).toEqual(MONDAY_9);
    expect(
      toldProcessingAt(MONDAY_9, [
        { messageId: 'msg_1', processingAt: TUESDAY_9, status: 'cancelled' },
        { messageId: 'msg_2', processingAt: WEDNESDAY_9, status: 'expired' },
      ]),
    ).toEqual(MONDAY_9);
  });

  it('is the time of the last correction delivered or on its way', () => {
    expect(
      toldProcessingAt(MONDAY_9, [
        { messageId: 'msg_1', processingAt: TUESDAY_9, status: 'delivered' },
        { messageId: 'msg_2', processingAt: WEDNESDAY_9, status: 'cancelled' },
      ]),
    ).toEqual(TUESDAY_9);
    expect(
      toldProcessingAt(MONDAY_9, [
        { messageId: 'msg_1', processingAt: TUESDAY_9, status: 'delivered' },
        { messageId: 'msg_2', processingAt: WEDNESDAY_9, status: 'sending' },
      ]),
    ).toEqual(WEDNESDAY_9);
  });

  it('ignores a correction the outgoing service does not know', () => {
    expect(
      toldProcessingAt(MONDAY_9, [
        { messageId: 'msg_1', processingAt: TUESDAY_9, status: undefined },
      ]),
    ).toEqual(MONDAY_9);
  });
});

describe('needsCorrection', () => {
  it('tells the customer when the time in force differs from the one they were told', () => {
    expect(needsCorrection(TUESDAY_9, MONDAY_9, [])).toBe(true);
  });

  it('stays silent when the time moved away and back before any correction reached them', () => {
    expect(
      needsCorrection(MONDAY_9, MONDAY_9, [
        { messageId: 'msg_1', processingAt: TUESDAY_9, status: 'cancelled' },
      ]),
    ).toBe(false);
  });

  it('corrects back to the announced time once a correction naming another one was delivered', () => {
    expect(
      needsCorrection(MONDAY_9, MONDAY_9, [
        { messageId: 'msg_1', processingAt: TUESDAY_9, status: 'delivered' },
      ]),
    ).toBe(true);
  });
});
