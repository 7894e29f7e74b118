import Type, { type Static } from 'typebox';

/** `POST /v1/inbound-messages`: a text a customer sent to the business (SPEC §6). */
export const NewInboundMessageSchema = Type.Object(
  {
    from: Type.String({
      minLength: 1,
      maxLength: 64,
      pattern: '[0-9]',
      description:
        "The sender's phone. Matched against customers' phones after both are reduced to + and digits.",
      examples: ['+91 98765 43210'],
    }),
    text: Type.String({ maxLength: 2_000, description: 'The whole message as received.' }),
  },
  {
    $id: 'NewInboundMessage',
    additionalProperties: false,
    examples: [{ from: '+919876543210', text: 'STOP' }],
  },
);
export type NewInboundMessage = Static<typeof NewInboundMessageSchema>;

export const InboundMessageResultSchema = Type.Object(
  {
    inboundMessageId: Type.String(),
    customerId: Type.String(),
    action: Type.Enum(['opt-out', 'opt-in', 'help', 'none'], {
      description:
        'STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT: opt-out; START, YES, UNSTOP: opt-in; ' +
        'HELP, INFO: help (the whole message, case-insensitive, white space and punctuation ' +
        'around it ignored: "Stop!" opts out); anything else: none.',
    }),
    reply: Type.Union([Type.String(), Type.Null()], {
      description:
        'The reply sent to the customer at once (a transactional message); null for none.',
    }),
    replyMessageId: Type.Union([Type.String(), Type.Null()]),
    suppressed: Type.Integer({
      description: "An opt-out: the customer's queued marketing messages it suppressed.",
    }),
  },
  { $id: 'InboundMessageResult' },
);
export type InboundMessageResult = Static<typeof InboundMessageResultSchema>;
