/**
 * Deliveries started per real-time second (the database server's clock) by every
 * replica together: `DISPATCH_RATE_PER_SECOND` is enforced by updating this row in the
 * claim transaction. Old seconds are deleted by the stale-lock sweeper.
 */
export interface DispatchRateTable {
  epoch_second: number;
  used: number;
}
