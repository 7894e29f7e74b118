/** What dispatching did: the test clock's `run-due` answer and the batch log line. */
export interface DispatchCounts {
  delivered: number;
  rescheduled: number;
  cancelled: number;
  expired: number;
  failed: number;
  /** Failed attempts that will be tried again later (backoff). */
  retried: number;
  /** Customers whose window no longer opens within 28 days. */
  unreachable: number;
  /** Marketing messages whose customer opted out since acceptance, or whose day was full. */
  suppressed: number;
  /** Given back untouched because the customer service could not answer (fail closed). */
  deferred: number;
}

export function emptyCounts(): DispatchCounts {
  return {
    delivered: 0,
    rescheduled: 0,
    cancelled: 0,
    expired: 0,
    failed: 0,
    retried: 0,
    unreachable: 0,
    suppressed: 0,
    deferred: 0,
  };
}

export function addCounts(into: DispatchCounts, from: Readonly<DispatchCounts>): void {
  for (const key of Object.keys(into) as (keyof DispatchCounts)[]) into[key] += from[key];
}
