import { withGatewayResponses } from './gateway-responses.ts';
import { mergeOpenApi, type OpenApiDocument, type ServiceDocument } from './merge-openapi.ts';

/** `info` of the public document. */
export const API_INFO = {
  title: 'screenmagic API',
  version: '1.0.0',
  description:
    'Business-to-customer messaging that respects working hours. Every route needs ' +
    '`Authorization: Bearer <API key>`. Errors carry `error.code` and RFC 9457 `type`, ' +
    '`title`, `status`, `detail`; send `Accept: application/problem+json` to get them as ' +
    'that media type. The seed routes (`POST /addcustomer`, `/outgoings`, `/incomings`) are ' +
    'deprecated aliases of the `/v1` ones.',
};

/**
 * The document the gateway serves at `/openapi.json` (and the repository keeps as
 * `openapi.json`): the services' own documents merged, with the gateway's answers added.
 */
export function publicDocument(services: readonly ServiceDocument[]): OpenApiDocument {
  return withGatewayResponses(mergeOpenApi(services, API_INFO));
}
