import { AppError } from '@screenmagic/service-kit';
import { describe, expect, it } from 'vitest';
import { type OrderBody, orderFingerprint, parseOrderRequest } from './order-request.ts';

const now = new Date('2026-12-07T04:30:00.000Z');
const body: OrderBody = {
  customer: 'Asha Rao',
  orderId: 'ORD-1',
  productId: 'SKU-9',
  payment: { method: 'upi', amount: '499.00', currency: 'INR' },
};
const fingerprint = (b: OrderBody) => orderFingerprint(parseOrderRequest(b, now));

describe('parseOrderRequest', () => {
  it('defaults placedAt to now and remembers it was not given', () => {
    const request = parseOrderRequest(body, now);
    expect(request.placedAt).toEqual(now);
    expect(request.placedAtGiven).toBe(false);
    expect(request.customer).toEqual({ kind: 'name', name: 'Asha Rao' });
  });

  it('takes a given placedAt', () => {
    const request = parseOrderRequest({ ...body, placedAt: '2026-12-05T11:00:00+05:30' }, now);
    expect(request.placedAt.toISOString()).toBe('2026-12-05T05:30:00.000Z');
    expect(request.placedAtGiven).toBe(true);
  });

  it('requires exactly one of customer and customerId', () => {
    const withoutCustomer: OrderBody = { orderId: 'O', productId: 'P', payment: body.payment };
    expect(() => parseOrderRequest(withoutCustomer, now)).toThrow(AppError);
    expect(() => parseOrderRequest({ ...body, customerId: 'cus_1' }, now)).toThrow(
      /customer or customerId, not both/,
    );
  });
});

describe('orderFingerprint', () => {
  it('is the same for the same order however it is spelled', () => {
    const first = fingerprint({ ...body, placedAt: '2026-12-05T05:30:00Z' });
    expect(
      fingerprint({
        payment: { currency: 'INR', amount: '499.0', method: 'upi' },
        placedAt: '2026-12-05T11:00:00.000+05:30',
        productId: 'SKU-9',
        orderId: 'ORD-1',
        customer: '  asha rao ',
      }),
    ).toBe(first);
  });

  it('differs when anything that matters differs', () => {
    const first = fingerprint(body);
    expect(fingerprint({ ...body, productId: 'SKU-10' })).not.toBe(first);
    expect(fingerprint({ ...body, payment: { ...body.payment, amount: '499.01' } })).not.toBe(
      first,
    );
    expect(fingerprint({ ...body, payment: { ...body.payment, method: 'card' } })).not.toBe(first);
    expect(fingerprint({ ...body, customer: 'Ravi' })).not.toBe(first);
    expect(fingerprint({ ...body, placedAt: now.toISOString() })).not.toBe(first);
  });
});
