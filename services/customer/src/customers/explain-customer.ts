import { notFound } from '@screenmagic/service-kit';
import { findCustomer } from '../db/customer-repository.ts';
import { explainWindow, type WindowExplanation } from '../domain/explanation.ts';
import type { CustomerDeps } from './customer-deps.ts';

/**
 * Why a customer can or cannot be messaged at `at` (default: now), against the business
 * calendar in force and the customer's current hours (SPEC §5).
 *
 * @throws AppError 404 when there is no such customer.
 */
export async function explainCustomer(
  { db, clock, calendar }: CustomerDeps,
  id: string,
  at: Date | undefined,
): Promise<{ customerId: string; timeZone: string; explanation: WindowExplanation }> {
  const customer = await findCustomer(db, id);
  if (customer === undefined) throw notFound('Customer', id);
  const explanation = explainWindow(await calendar(), customer.schedule, at ?? clock.now());
  return { customerId: customer.id, timeZone: customer.schedule.timeZone, explanation };
}
