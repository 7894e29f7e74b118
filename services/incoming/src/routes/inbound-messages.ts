import { type App, errorResponses } from '@screenmagic/service-kit';
import {
  type InboundDeps,
  receiveInboundMessage,
} from '../inbound-messages/receive-inbound-message.ts';
import { InboundMessageResultSchema, NewInboundMessageSchema } from '../schemas/inbound-message.ts';

/** `POST /v1/inbound-messages`: a customer's text — STOP / START / HELP or anything else. */
export function registerInboundMessageRoutes(app: App, deps: InboundDeps): void {
  app.post(
    '/v1/inbound-messages',
    {
      schema: {
        tags: ['inbound-messages'],
        operationId: 'receiveInboundMessage',
        summary: "A customer's text: opt-out / opt-in / help keywords, or stored for the business",
        body: NewInboundMessageSchema,
        response: { 200: InboundMessageResultSchema, ...errorResponses(400, 413, 422, 503) },
      },
    },
    (request) => receiveInboundMessage(deps, request.body, String(request.id)),
  );
}
