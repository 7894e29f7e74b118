import type { DispatchCustomer } from '../db/customer-replica-repository.ts';

/**
 * What a read of the customer replica was proven by: the test clock's generation it was
 * made in, and when the poll that last reached the feed's end before it was sent
 * (monotonic ms).
 */
export interface ReplicaProof {
  readonly generation: number;
  readonly caughtUpAt: number;
}

/** The live customers of a read, and what proves them (`CustomerReplica.stillProves`). */
export interface ReplicaRead {
  readonly customers: Map<string, DispatchCustomer>;
  readonly proof: ReplicaProof;
}
