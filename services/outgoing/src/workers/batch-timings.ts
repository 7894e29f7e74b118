/** Where a batch's time went (the `dispatched batch` debug line; README, design note). */
export interface BatchTimings {
  claimMs: number;
  /** Broadcast texts and the customer service's batch lookup. */
  lookupMs: number;
  /** Channel deliveries, all of them, concurrently. */
  deliverMs: number;
  /** Writing outcomes: delivered, retries, reschedules, cancellations. */
  recordMs: number;
}

export function roundTimings(timings: BatchTimings): Record<keyof BatchTimings, number> {
  return {
    claimMs: Math.round(timings.claimMs),
    lookupMs: Math.round(timings.lookupMs),
    deliverMs: Math.round(timings.deliverMs),
    recordMs: Math.round(timings.recordMs),
  };
}
