import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUSINESS_CALENDAR_INPUT } from './support/calendars.ts';
import { OutgoingStack } from './support/outgoing-stack.ts';

// The outgoing tests' business (London, Mon–Fri 09:00–18:00) with named days off: the GB
// public holidays and a named closure range, and one plain (unnamed) closure date.
const { closures: _plain, ...weekly } = BUSINESS_CALENDAR_INPUT;
const CALENDAR = {
  ...weekly,
  holidays: { country: 'GB' },
  closures: [{ from: '2026-12-30', to: '2026-12-31', name: 'Winter break' }, '2027-01-05'],
};

type ClosedError = { code: string; message: string; nextOpening: string | null; closure?: string };

describe('409 BUSINESS_CLOSED names the closure or holiday (SPEC §2)', () => {
  let stack: OutgoingStack;
  beforeAll(async () => {
    stack = await OutgoingStack.start('closed-named', {
      env: { DISPATCHER: 'off' },
      calendar: CALENDAR,
    });
    await stack.setClock('2026-12-01T10:00:00.000Z');
  });
  afterAll(() => stack?.close());

  const refusal = async (url: string, sendAt: string): Promise<ClosedError> => {
    const response = await stack.outgoing.inject({
      method: 'POST',
      url,
      payload: { message: 'Season’s greetings', sendAt },
    });
    expect(response.statusCode, response.body).toBe(409);
    return response.json<{ error: ClosedError }>().error;
  };

  it.each(['/v1/broadcasts', '/outgoings', '/v1/broadcasts/preview'])(
    '%s on Christmas Day: the holiday in the message and in error.closure',
    async (url) => {
      expect(await refusal(url, '2026-12-25T10:00:00.000Z')).toEqual({
        code: 'BUSINESS_CLOSED',
        message:
          'The business is closed on Friday 25 December 2026 (Christmas Day) in Europe/London; ' +
          'it next opens at 2026-12-29T09:00:00.000Z',
        details: [{ field: 'sendAt', message: 'falls on a day the business is closed' }],
        nextOpening: '2026-12-29T09:00:00.000Z',
        closure: 'Christmas Day',
      });
    },
  );

  it('names a named closure range the same way', async () => {
    expect(await refusal('/v1/broadcasts', '2026-12-31T12:00:00.000Z')).toMatchObject({
      message: expect.stringContaining('Thursday 31 December 2026 (Winter break) in Europe/London'),
      closure: 'Winter break',
      nextOpening: '2027-01-04T09:00:00.000Z',
    });
  });

  it('leaves error.closure out for a weekly closed day and an unnamed closure', async () => {
    for (const sendAt of ['2026-12-05T10:00:00.000Z', '2027-01-05T10:00:00.000Z']) {
      const error = await refusal('/v1/broadcasts', sendAt);
      expect(error).not.toHaveProperty('closure');
      expect(error.message).not.toContain('(');
    }
  });
});
