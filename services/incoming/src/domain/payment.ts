import { type ErrorDetail, validationFailed } from '@screenmagic/service-kit';

/**
 * The shape of an amount: a plain positive decimal string, up to 15 integer digits and
 * 3 decimals, no sign, no exponent, no leading zeros, no bare `.`: `499.00`, `499.5`,
 * `1200`, `0.50`. Whether its decimals fit the currency is checked by {@link normalizePayment}.
 */
export const AMOUNT_PATTERN = '^(0|[1-9][0-9]{0,14})(\\.[0-9]{1,3})?$';

/** Three upper-case letters; whether it is a real ISO 4217 code is checked separately. */
export const CURRENCY_PATTERN = '^[A-Z]{3}$';

/**
 * A payment method: 1–32 characters, letters, digits, space, `.`, `_`, `-`, beginning and
 * ending with a letter or digit (`card`, `upi`, `net-banking`, `cash on delivery`).
 */
export const PAYMENT_METHOD_PATTERN = '^[A-Za-z0-9](?:[A-Za-z0-9 ._-]{0,30}[A-Za-z0-9])?$';

const ISO_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** ISO 4217 minor units where they are not 2 (currencies Intl knows). */
// prettier-ignore
const MINOR_UNITS: Readonly<Record<string, number>> = Object.freeze({
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0,
  UGX: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
});

export interface PaymentInput {
  readonly method: string;
  readonly amount: string;
  readonly currency: string;
}

/** A payment as stored and shown: the amount written with exactly the currency's minor units. */
export interface Payment {
  readonly method: string;
  /** `499.00` for INR, `500` for JPY, `1.250` for KWD. */
  readonly amount: string;
  readonly currency: string;
}

/** Whether `code` is an ISO 4217 currency code (as `Intl.supportedValuesOf('currency')` lists them). */
export function isCurrencyCode(code: string): boolean {
  return ISO_CURRENCIES.has(code);
}

/** The currency's ISO 4217 minor units: 2 for most, 0 for JPY, 3 for KWD. */
export function minorUnits(currency: string): number {
  return MINOR_UNITS[currency] ?? 2;
}

/**
 * Checks what the schema cannot (a real currency, an amount above zero with no more
 * decimals than the currency has) and writes the amount with the currency's minor units.
 *
 * @throws {AppError} 400 VALIDATION_FAILED naming `payment.currency` or `payment.amount`.
 * @example
 * normalizePayment({ method: 'upi', amount: '499.5', currency: 'INR' }).amount // => '499.50'
 * normalizePayment({ method: 'card', amount: '1200', currency: 'JPY' }).amount // => '1200'
 */
export function normalizePayment(input: PaymentInput): Payment {
  const problems: ErrorDetail[] = [];
  if (!new RegExp(AMOUNT_PATTERN).test(input.amount)) {
    problems.push({
      field: 'payment.amount',
      message: 'must be a positive decimal string such as "499.00"',
    });
  }
  if (!isCurrencyCode(input.currency)) {
    problems.push({ field: 'payment.currency', message: 'must be an ISO 4217 currency code' });
  }
  if (problems.length > 0) throw validationFailed(firstMessage(problems), problems);

  const [whole = '0', fraction = ''] = input.amount.split('.');
  const units = minorUnits(input.currency);
  if (fraction.length > units) {
    const detail = {
      field: 'payment.amount',
      message:
        units === 0
          ? `must be a whole number for ${input.currency}`
          : `must have at most ${units} decimals for ${input.currency}`,
    };
    throw validationFailed(firstMessage([detail]), [detail]);
  }
  if (/^0*$/.test(whole + fraction)) {
    const detail = { field: 'payment.amount', message: 'must be greater than zero' };
    throw validationFailed(firstMessage([detail]), [detail]);
  }
  const amount = units === 0 ? whole : `${whole}.${fraction.padEnd(units, '0')}`;
  return { method: input.method, amount, currency: input.currency };
}

/** Re-renders a stored DECIMAL (`499.000`) with the currency's minor units (`499.00`). */
export function formatStoredAmount(stored: string, currency: string): string {
  const [whole = '0', fraction = ''] = stored.split('.');
  const units = minorUnits(currency);
  return units === 0 ? whole : `${whole}.${fraction.padEnd(units, '0').slice(0, units)}`;
}

function firstMessage(details: readonly ErrorDetail[]): string {
  const first = details[0];
  return first ? `Invalid request body: ${first.field} ${first.message}` : 'Invalid request body';
}
