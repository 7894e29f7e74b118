import { AppError } from '@screenmagic/service-kit';
import { describe, expect, it } from 'vitest';
import { formatStoredAmount, isCurrencyCode, minorUnits, normalizePayment } from './payment.ts';

const pay = (amount: string, currency = 'INR') =>
  normalizePayment({ method: 'upi', amount, currency });

function failure(fn: () => unknown): { field: string; message: string } | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).statusCode).toBe(400);
    return (error as AppError).details[0];
  }
  return undefined;
}

describe('normalizePayment', () => {
  it('writes the amount with the currency’s minor units', () => {
    expect(pay('499.00').amount).toBe('499.00');
    expect(pay('499.5').amount).toBe('499.50');
    expect(pay('499').amount).toBe('499.00');
    expect(pay('1200', 'JPY').amount).toBe('1200');
    expect(pay('1.25', 'KWD').amount).toBe('1.250');
    expect(pay('0.01').amount).toBe('0.01');
  });

  it.each([
    ['0', 'must be greater than zero'],
    ['0.00', 'must be greater than zero'],
    ['-1.00', 'must be a positive decimal string such as "499.00"'],
    ['1e3', 'must be a positive decimal string such as "499.00"'],
    ['0499.00', 'must be a positive decimal string such as "499.00"'],
    ['499.', 'must be a positive decimal string such as "499.00"'],
    ['.5', 'must be a positive decimal string such as "499.00"'],
    ['', 'must be a positive decimal string such as "499.00"'],
    ['499.001', 'must have at most 2 decimals for INR'],
    ['1234567890123456', 'must be a positive decimal string such as "499.00"'],
  ])('rejects the amount %j: %s', (amount, message) => {
    expect(failure(() => pay(amount))).toEqual({ field: 'payment.amount', message });
  });

  it('rejects decimals in a currency that has none', () => {
    expect(failure(() => pay('499.50', 'JPY'))).toEqual({
      field: 'payment.amount',
      message: 'must be a whole number for JPY',
    });
  });

  it('rejects a currency that is not an ISO 4217 code', () => {
    expect(failure(() => pay('1.00', 'ABC'))).toEqual({
      field: 'payment.currency',
      message: 'must be an ISO 4217 currency code',
    });
  });
});

describe('currencies', () => {
  it('knows real codes and their minor units', () => {
    expect(isCurrencyCode('INR')).toBe(true);
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('inr')).toBe(false);
    expect(isCurrencyCode('XYZ')).toBe(false);
    expect([minorUnits('INR'), minorUnits('JPY'), minorUnits('BHD')]).toEqual([2, 0, 3]);
  });

  it('renders a stored DECIMAL(18,3) with the currency’s minor units', () => {
    expect(formatStoredAmount('499.000', 'INR')).toBe('499.00');
    expect(formatStoredAmount('1200.000', 'JPY')).toBe('1200');
    expect(formatStoredAmount('1.250', 'KWD')).toBe('1.250');
  });
});
