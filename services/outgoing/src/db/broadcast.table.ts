import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { Category } from '../domain/recipient-planner.ts';

export type Audience = 'all' | 'names' | 'ids';
export type OnClosedDay = 'reject' | 'queue';

/** A broadcast as accepted: the request and the summary its 202 gave. */
export interface BroadcastTable {
  id: string;
  message: string;
  audience: Audience;
  /** The instant decisions were made for: the requested `sendAt`, or now if earlier/absent. */
  send_at: Date;
  /** `sendAt` exactly as requested (NULL: not given). */
  requested_send_at: Date | null;
  on_closed_day: OnClosedDay;
  expires_at: Date | null;
  recipient_count: number;
  sending_now: number;
  scheduled: number;
  unreachable: number;
  created_at: Date;
  cancelled_at: Date | null;
  /** The W3C traceparent of the accepting request: its deliveries continue that trace. */
  trace_parent: ColumnType<string | null, string | null | undefined, string | null>;
  category: ColumnType<Category, Category | undefined, never>;
  suppressed: ColumnType<number, number | undefined, number>;
  /** `sendAtLocal` as requested, JSON (`{"time":"10:00","date":"2026-12-08"}`); NULL: none. */
  send_at_local: ColumnType<string | null, string | null | undefined, never>;
}

export type BroadcastRow = Selectable<BroadcastTable>;
export type NewBroadcastRow = Insertable<BroadcastTable>;
