import { createHash } from 'node:crypto';
import { validationFailed } from '@screenmagic/service-kit';
import { normalizePayment, type Payment, type PaymentInput } from './payment.ts';

/** The body of `POST /v1/orders` once the schema has accepted it. */
export interface OrderBody {
  readonly customer?: string;
  readonly customerId?: string;
  readonly orderId: string;
  readonly productId: string;
  readonly payment: PaymentInput;
  readonly placedAt?: string;
}

/** Who the order is for, as the client named them. */
export type CustomerRef =
  { readonly kind: 'name'; readonly name: string } | { readonly kind: 'id'; readonly id: string };

/** An order request, checked and normalized; what the decision and the fingerprint use. */
export interface OrderRequest {
  readonly orderId: string;
  readonly customer: CustomerRef;
  readonly productId: string;
  readonly payment: Payment;
  readonly placedAt: Date;
  /** Whether the client gave `placedAt` (otherwise it is the clock's now). */
  readonly placedAtGiven: boolean;
}

/**
 * Checks what the schema cannot say (exactly one of `customer` / `customerId`, a real
 * currency, an amount above zero that fits the currency) and normalizes the request.
 * A missing `placedAt` is `now`.
 *
 * @throws {AppError} 400 VALIDATION_FAILED naming the field.
 */
export function parseOrderRequest(body: OrderBody, now: Date): OrderRequest {
  const customer = customerRef(body);
  const payment = normalizePayment(body.payment);
  // The schema's instant format has bounded a given placedAt (service-kit's instant.ts).
  const placedAt = body.placedAt === undefined ? now : new Date(body.placedAt);
  return {
    orderId: body.orderId,
    customer,
    productId: body.productId,
    payment,
    placedAt,
    placedAtGiven: body.placedAt !== undefined,
  };
}

function customerRef(body: OrderBody): CustomerRef {
  if (body.customer !== undefined && body.customerId !== undefined) {
    throw validationFailed('Invalid request body: give customer or customerId, not both', [
      { field: 'customerId', message: 'must not be given together with customer' },
    ]);
  }
  if (body.customerId !== undefined) return { kind: 'id', id: body.customerId };
  if (body.customer !== undefined) return { kind: 'name', name: body.customer.trim() };
  throw validationFailed('Invalid request body: customer (a name) or customerId is required', [
    { field: 'customer', message: 'is required (or customerId)' },
  ]);
}

/**
 * The identity of a request for idempotency: two requests with the same `orderId` are
 * "the same" when they mean the same order. Key order and whitespace in the JSON do not
 * matter, nor do equivalent spellings: a customer name's case and surrounding spaces,
 * `499.5` vs `499.50`, `…Z` vs `…+00:00`. A missing `placedAt` is not the same as a given
 * one (a retry without it must match the first request without it).
 */
export function orderFingerprint(request: OrderRequest): string {
  const customer =
    request.customer.kind === 'id'
      ? ['id', request.customer.id]
      : ['name', request.customer.name.normalize('NFC').toLocaleLowerCase('und')];
  const canonical = JSON.stringify([
    request.orderId,
    customer,
    request.productId,
    request.payment.method,
    request.payment.amount,
    request.payment.currency,
    request.placedAtGiven ? request.placedAt.getTime() : null,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
