import type { Schedule } from '@screenmagic/hours-window';
import type { Clock } from '@screenmagic/service-kit';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

/** What the customer use cases (and the routes in front of them) work with, built once in `buildApp`. */
export interface CustomerDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  /** The business calendar in force, read per request: a change applies at once. */
  readonly calendar: () => Promise<Schedule>;
  /** DEFAULT_MARKETING_CONSENT: a new customer's consent when the body gives none. */
  readonly defaultMarketingConsent: boolean;
}
