import type { InboundAction } from '../domain/inbound-keyword.ts';

/** `inbound_message`: what a customer wrote, and what was done about it. */
export interface InboundMessageTable {
  id: string;
  customer_id: string;
  /** `from` as received. */
  from_phone: string;
  text: string;
  action: InboundAction;
  /** The reply's text; null for `none`. */
  reply: string | null;
  /** The outgoing service's message carrying the reply. */
  reply_message_id: string | null;
  received_at: Date;
}
