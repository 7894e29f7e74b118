import type { Schedule } from '@screenmagic/hours-window';

/** A stored customer. */
export interface Customer {
  readonly id: string;
  readonly name: string;
  readonly phone: string | null;
  /** Normalized; `schedule.timeZone` is the customer's zone. */
  readonly schedule: Schedule;
  /** SPEC §6: marketing messages only with consent. */
  readonly consent: { readonly marketing: boolean };
  readonly createdAt: Date;
  readonly updatedAt: Date;
}
