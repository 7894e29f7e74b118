import { sharedOpenIntervals } from '@screenmagic/hours-window';
import { notFound } from '@screenmagic/service-kit';
import type { Static } from 'typebox';
import { findCustomer } from '../db/customer-repository.ts';
import { windowRange } from '../domain/window-range.ts';
import type { WindowsQuerySchema, WindowsSchema } from '../schemas/customer.ts';
import { windowSide } from '../domain/window-sides.ts';
import { windowSideView, windowView } from '../views/customer-view.ts';
import type { CustomerDeps } from './customer-deps.ts';

/**
 * A customer's delivery windows (business calendar ∩ customer hours) in [from, to), and each
 * side on its own (hours, named closures, DST changes) for the console's timeline.
 */
export async function customerWindows(
  { db, clock, calendar }: CustomerDeps,
  id: string,
  query: Static<typeof WindowsQuerySchema>,
): Promise<Static<typeof WindowsSchema>> {
  const { from, to } = windowRange(query, clock.now());
  const customer = await findCustomer(db, id);
  if (customer === undefined) throw notFound('Customer', id);
  const zone = customer.schedule.timeZone;
  const business = await calendar();
  return {
    customerId: customer.id,
    timeZone: zone,
    from: from.toISOString(),
    to: to.toISOString(),
    windows: sharedOpenIntervals([business, customer.schedule], from, to).map((w) =>
      windowView(w, zone),
    ),
    business: windowSideView(windowSide(business, from, to)),
    customer: windowSideView(windowSide(customer.schedule, from, to)),
  };
}
