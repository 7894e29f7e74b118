import type { BroadcastRow } from '../db/broadcast.table.ts';
import type { StatusCounts } from '../domain/message-status.ts';
import type { BroadcastView, LocalSendTimeInput } from '../schemas/broadcast.ts';

export function broadcastView(row: BroadcastRow, counts: StatusCounts): BroadcastView {
  const unsent = counts.scheduled + counts.sending;
  return {
    broadcastId: row.id,
    id: row.id,
    message: row.message,
    status: row.cancelled_at !== null ? 'cancelled' : unsent > 0 ? 'active' : 'completed',
    sendAt: row.send_at.toISOString(),
    requestedSendAt: row.requested_send_at?.toISOString() ?? null,
    sendAtLocal:
      row.send_at_local === null ? null : (JSON.parse(row.send_at_local) as LocalSendTimeInput),
    category: row.category,
    onClosedDay: row.on_closed_day,
    expiresAt: row.expires_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    recipientCount: row.recipient_count,
    summary: {
      sendingNow: row.sending_now,
      scheduled: row.scheduled,
      unreachable: row.unreachable,
      suppressed: row.suppressed,
    },
    counts,
  };
}
