import { type ColumnType, type Generated, type Kysely, sql, type Transaction } from 'kysely';
import { newId } from '../ids.ts';
import { currentTraceparent } from '../tracing/trace-context.ts';

/**
 * The outbox every service that owns state keeps (SPEC §7): one row per lifecycle event,
 * written in the transaction that made the change, deleted once the events webhook took
 * it. `stream` is what the order is kept within (a message id, an order id): only the
 * oldest row of a stream (`seq`) is ever sent. `due_at` and the lease are on the
 * database's clock — events are real-world POSTs, due in real time even under a frozen
 * test clock; `occurred_at` is the service's clock (the instant the change happened).
 */
export interface EventOutboxTable {
  seq: Generated<number>;
  event_id: string;
  type: string;
  stream: string;
  occurred_at: Date;
  /** The event's `data`, as JSON text. */
  data: string;
  due_at: Date;
  attempts: Generated<number>;
  locked_by: string | null;
  locked_at: Date | null;
  last_error: string | null;
  /**
   * The W3C `traceparent` of what caused the event (the request that made the change, or
   * the message's or order's stored trace when a worker made it): the POST continues that
   * trace. Null when nothing was traced ({@link addEventTraceParent}).
   */
  trace_parent: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A database that has the outbox. */
export interface WithEventOutbox {
  event_outbox: EventOutboxTable;
}

/** One event to record: `{id, type, occurredAt, data}` as the webhook will carry it. */
export interface OutboxEvent {
  readonly type: string;
  /** Events of one stream are sent one at a time, in the order they were recorded. */
  readonly stream: string;
  readonly occurredAt: Date;
  readonly data: Readonly<Record<string, unknown>>;
  /** The trace the event's POST continues; default: the active one (the request's). */
  readonly traceParent?: string | null;
}

/** The migration step that creates the outbox (each service lists it in its own migrations). */
export async function createEventOutbox(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_outbox')
    .addColumn('seq', 'bigint', (c) => c.primaryKey().autoIncrement().unsigned())
    .addColumn('event_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('type', 'varchar(40)', (c) => c.notNull())
    .addColumn('stream', 'varchar(200)', (c) => c.notNull())
    .addColumn('occurred_at', sql`datetime(3)`, (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('due_at', sql`datetime(3)`, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_by', 'varchar(64)')
    .addColumn('locked_at', sql`datetime(3)`)
    .addColumn('last_error', 'varchar(500)')
    .execute();
  // The head of each stream (the ordering check) and what is due.
  await db.schema
    .createIndex('idx_event_outbox_stream')
    .on('event_outbox')
    .columns(['stream', 'seq'])
    .execute();
  await db.schema
    .createIndex('idx_event_outbox_due')
    .on('event_outbox')
    .columns(['due_at', 'seq'])
    .execute();
}

export async function dropEventOutbox(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_outbox').ifExists().execute();
}

/**
 * The migration step that gives the outbox `trace_parent` (SPEC §8: the traceparent reaches
 * the events webhooks too). Nullable: rows written before it, and events of untraced work,
 * have none. `varchar(64)`: a version-00 traceparent is 55 characters.
 */
export async function addEventTraceParent(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('event_outbox').addColumn('trace_parent', 'varchar(64)').execute();
}

export async function dropEventTraceParent(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('event_outbox').dropColumn('trace_parent').execute();
}

/**
 * Records events in the caller's transaction (so they exist exactly when the change they
 * report is committed), due at once, each continuing the trace of the request recording it
 * unless it names its own (`traceParent`).
 */
export async function enqueueEvents<DB extends WithEventOutbox>(
  trx: Transaction<DB>,
  events: readonly OutboxEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const db = trx as unknown as Transaction<WithEventOutbox>;
  const active = currentTraceparent() ?? null;
  await db
    .insertInto('event_outbox')
    .values(
      events.map((event) => ({
        event_id: newId('evt'),
        type: event.type,
        stream: event.stream,
        occurred_at: event.occurredAt,
        data: JSON.stringify(event.data),
        due_at: sql<Date>`UTC_TIMESTAMP(3)`,
        locked_by: null,
        locked_at: null,
        last_error: null,
        trace_parent: event.traceParent === undefined ? active : event.traceParent,
      })),
    )
    .execute();
}

/**
 * SQL for an event id made by the database (`INSERT … SELECT` of many events at once):
 * `evt_` and 32 hex digits of a fresh UUID, unique like {@link newId}'s.
 */
export const databaseEventId = sql<string>`CONCAT('evt_', REPLACE(UUID(), '-', ''))`;
