/**
 * One claimed batch of messages: who holds it and until when (the database server's
 * clock). The messages it holds point to it (`message.batch_id`); the heartbeat renews
 * this row alone. Deleted by its owner when the batch is done, or by the sweep once it
 * expired and its messages were given back.
 */
export interface DispatchBatchTable {
  id: string;
  /** The dispatcher worker (`host:pid:random/n`), for the logs and operators. */
  owner: string;
  /** The lease: past this instant of `UTC_TIMESTAMP(3)` the batch is dead for good. */
  expires_at: Date;
  created_at: Date;
}
