import { parseSchedule } from '@screenmagic/hours-window';
import { AppError, type ErrorDetail } from '@screenmagic/service-kit';
import { describe, expect, it } from 'vitest';
import type { NewCustomer } from '../schemas/customer.ts';
import { scheduleField, validateCustomerPatch, validateNewCustomer } from './customer-input.ts';

const hours = { start: '09:00', end: '17:00' };

function detailsOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('VALIDATION_FAILED');
    return appError.details;
  }
  throw new Error('expected a validation error');
}

describe('validateNewCustomer', () => {
  it("takes the zone of the working hours over the body's, the body's over the business's", () => {
    const own = validateNewCustomer(
      { name: 'a', workingHours: { ...hours, timeZone: 'Asia/Kolkata' }, timeZone: 'asia/kolkata' },
      'Europe/London',
    );
    expect(own.fields.schedule.timeZone).toBe('Asia/Kolkata');
    const body = validateNewCustomer(
      { name: 'a', workingHours: hours, timeZone: 'Asia/Tokyo' },
      'UTC',
    );
    expect(body.fields.schedule.timeZone).toBe('Asia/Tokyo');
    expect(body.warnings).toEqual([]);
  });

  it("falls back to the business's zone and says so", () => {
    const result = validateNewCustomer({ name: 'a', workingHours: hours }, 'Europe/London');
    expect(result.fields.schedule.timeZone).toBe('Europe/London');
    expect(result.warnings).toEqual([
      "No time zone given: the working hours are read in the business's zone (Europe/London).",
    ]);
  });

  it('refuses two different zones, naming timeZone', () => {
    const input: NewCustomer = {
      name: 'a',
      workingHours: { ...hours, timeZone: 'Asia/Kolkata' },
      timeZone: 'Europe/Paris',
    };
    expect(detailsOf(() => validateNewCustomer(input, 'UTC'))).toEqual([
      {
        field: 'timeZone',
        message:
          "'Europe/Paris' differs from workingHours.timeZone ('Asia/Kolkata'): give the zone once, or the same in both",
      },
    ]);
  });

  it('reports every bad field at once: name, timeZone and a schedule path', () => {
    const input: NewCustomer = {
      name: '   ',
      timeZone: 'Mars/Olympus',
      workingHours: { weekly: { tue: [{ start: '10:00', end: '10:00' }] } },
    };
    const details = detailsOf(() => validateNewCustomer(input, 'UTC')) as ErrorDetail[];
    expect(details.map((d) => d.field)).toEqual([
      'name',
      'timeZone',
      'workingHours.weekly.tue[0].end',
    ]);
    expect(details.map((d) => d.message)).toEqual([
      'must not be blank',
      "'Mars/Olympus' is not a known IANA time zone",
      "end equals start ('10:00'): an empty range is refused; write 00:00–24:00 for a full day",
    ]);
  });

  it('names workingHours.timeZone for an unknown zone inside the working hours', () => {
    const input: NewCustomer = { name: 'a', workingHours: { ...hours, timeZone: 'Asia/Kolkatta' } };
    expect(detailsOf(() => validateNewCustomer(input, 'UTC'))).toEqual([
      { field: 'workingHours.timeZone', message: "'Asia/Kolkatta' is not a known IANA time zone" },
    ]);
  });

  it('keeps the phone, or null when absent', () => {
    expect(
      validateNewCustomer({ name: 'a', workingHours: hours, phone: '+4420' + '71234567' }, 'UTC')
        .fields.phone,
    ).toBe('+442071234567');
    expect(validateNewCustomer({ name: 'a', workingHours: hours }, 'UTC').fields.phone).toBeNull();
  });

  it('stores a formatted phone as + and digits, with a warning saying so', () => {
    const result = validateNewCustomer(
      { name: 'a', workingHours: hours, timeZone: 'UTC', phone: ' +1 (415) 555-0100 ' },
      'UTC',
    );
    expect(result.fields.phone).toBe('+14155550100');
    expect(result.warnings).toEqual(['The phone was stored as "+14155550100" (+ and digits).']);
  });

  it('warns that a name was trimmed', () => {
    const result = validateNewCustomer(
      { name: ' Asha ', workingHours: hours, timeZone: 'UTC' },
      'UTC',
    );
    expect(result.fields).toMatchObject({ name: 'Asha', nameKey: 'asha' });
    expect(result.warnings).toEqual(['The name was stored as "Asha" (trimmed, Unicode NFC).']);
  });
});

describe('validateCustomerPatch', () => {
  const current = parseSchedule({ timeZone: 'Asia/Kolkata', start: '10:00', end: '19:00' });

  it("reads new working hours without a zone in the customer's current zone", () => {
    const { fields } = validateCustomerPatch(
      { workingHours: { start: '08:00', end: '12:00' } },
      current,
    );
    expect(fields.schedule?.timeZone).toBe('Asia/Kolkata');
    expect(fields.schedule?.weekly.mon).toEqual([{ start: '08:00', end: '12:00' }]);
  });

  it('moves the current hours to a new zone when only timeZone is given', () => {
    const { fields } = validateCustomerPatch({ timeZone: 'Europe/Paris' }, current);
    expect(fields.schedule?.timeZone).toBe('Europe/Paris');
    expect(fields.schedule?.weekly).toEqual(current.weekly);
  });

  it('changes only what is given, and clears the phone with null', () => {
    expect(validateCustomerPatch({ phone: null }, current).fields).toEqual({ phone: null });
    expect(validateCustomerPatch({ phone: '+91.98765.43210' }, current).fields).toEqual({
      phone: '+919876543210',
    });
  });

  it('refuses an empty change', () => {
    expect(detailsOf(() => validateCustomerPatch({}, current))).toEqual([
      {
        field: 'body',
        message: 'must change at least one of name, workingHours, timeZone, phone, consent',
      },
    ]);
  });

  it('refuses an unknown zone given alone', () => {
    expect(detailsOf(() => validateCustomerPatch({ timeZone: 'Nowhere/Land' }, current))).toEqual([
      { field: 'timeZone', message: "'Nowhere/Land' is not a known IANA time zone" },
    ]);
  });
});

describe('scheduleField', () => {
  it('maps schedule pointers to request fields under workingHours', () => {
    expect(scheduleField('')).toBe('workingHours');
    expect(scheduleField('/weekly/mon/0/end')).toBe('workingHours.weekly.mon[0].end');
    expect(scheduleField('/days/2')).toBe('workingHours.days[2]');
  });
});
