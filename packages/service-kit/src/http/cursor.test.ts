import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { keysetPage, listCursor } from './cursor.ts';

const customers = listCursor('customers', { id: 'id' });
const orders = listCursor('orders', { seq: 'seq' });
const preview = listCursor('preview', { n: 'offset' });
const base64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function refusal(decode: () => unknown): AppError {
  try {
    decode();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the cursor was accepted');
}

describe('listCursor', () => {
  it('reads back the position it wrote', () => {
    expect(customers.decode(customers.encode({ id: 'cus_01JABC' }))).toEqual({ id: 'cus_01JABC' });
    expect(orders.decode(orders.encode({ seq: '18446744073709551615' }))).toEqual({
      seq: '18446744073709551615',
    });
    expect(preview.decode(preview.encode({ n: 0 }))).toEqual({ n: 0 });
  });

  it("refuses another list's cursor, even with the same fields", () => {
    const broadcasts = listCursor('broadcasts', { id: 'id' });
    const error = refusal(() => customers.decode(broadcasts.encode({ id: 'brd_01JABC' })));
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([
      {
        field: 'cursor',
        in: 'querystring',
        message: 'is not a cursor this API issued for customers',
      },
    ]);
  });

  it('refuses forged and untagged cursors and fields of the wrong kind', () => {
    for (const cursor of [
      'garbage',
      'eyJpZCI6MTIzfQ', // {"id":123}, the untagged form of before
      base64({ id: 'cus_01JABC' }),
      base64({ list: 'customers', id: 123 }),
      base64({ list: 'customers', id: '' }),
      base64({ list: 'customers', id: "x' OR 1=1" }),
      base64({ list: 'customers', id: 'cus_01JABC', extra: 1 }),
      base64(['customers', 'cus_01JABC']),
      base64(null),
      `${customers.encode({ id: 'cus_01JABC' })}!`,
    ]) {
      expect(refusal(() => customers.decode(cursor)).details[0]?.field, cursor).toBe('cursor');
    }
    for (const seq of ['12a', '-1', '123456789012345678901', 12]) {
      expect(() => orders.decode(base64({ list: 'orders', seq }))).toThrow(AppError);
    }
    for (const n of [-1, 1.5, '3', 2 ** 53]) {
      expect(() => preview.decode(base64({ list: 'preview', n }))).toThrow(AppError);
    }
  });
});

describe('keysetPage', () => {
  it('gives the cursor after the last row shown only when there are more', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const more = keysetPage(
      rows,
      2,
      (row) => row.id,
      customers,
      (last) => ({ id: last.id }),
    );
    expect(more.items).toEqual(['a', 'b']);
    expect(customers.decode(more.nextCursor!)).toEqual({ id: 'b' });
    expect(
      keysetPage(
        rows,
        3,
        (row) => row.id,
        customers,
        (last) => last,
      ).nextCursor,
    ).toBeNull();
  });
});
