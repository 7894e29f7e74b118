import type { OpenApiDocument } from './merge-openapi.ts';

type Json = Record<string, unknown>;

const ERROR_SCHEMA = { $ref: '#/components/schemas/Error' };

/** Both media types an error is served as (application/problem+json when Accept asks). */
const ERROR_CONTENT = {
  'application/json': { schema: ERROR_SCHEMA },
  'application/problem+json': { schema: ERROR_SCHEMA },
};

const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds to wait before retrying',
    schema: { type: 'integer', minimum: 1 },
  },
};

/** What each error status means in this API (the text of every operation's response). */
const ERROR_DESCRIPTIONS: Readonly<Record<string, string>> = {
  '400': 'Invalid input: error.details name the fields (VALIDATION_FAILED, …)',
  '404': 'Not found (NOT_FOUND)',
  '409': 'Conflicts with what is stored (error.code says how)',
  '422': 'Well-formed but impossible to carry out (e.g. an unknown customer)',
};

/**
 * The answers the gateway itself gives on every proxied route, as `components.responses`:
 * before the service is asked (401, 413, 429, 431) or when it cannot answer (502, 503, 504).
 * A service's own 503 (its database is down) has the same shape, so `ServiceUnavailable`
 * stands for both. With them, the one answer every service gives to any request with a
 * body, whatever the route: 415 for a media type the operation does not take.
 */
export const GATEWAY_RESPONSES: Readonly<Record<string, Json>> = {
  Unauthorized: {
    description: 'No API key, or not a valid one (UNAUTHORIZED)',
    headers: {
      'WWW-Authenticate': { schema: { type: 'string', examples: ['Bearer realm="screenmagic"'] } },
    },
    content: ERROR_CONTENT,
  },
  PayloadTooLarge: {
    description: 'The request body is larger than 1 MiB (PAYLOAD_TOO_LARGE)',
    content: ERROR_CONTENT,
  },
  UnsupportedMediaType: {
    description:
      "The body's Content-Type is not one the operation takes: application/json, or what its " +
      'requestBody lists (UNSUPPORTED_MEDIA_TYPE)',
    content: ERROR_CONTENT,
  },
  HeadersTooLarge: {
    description: 'The request headers are larger than 16 KiB in all (HEADERS_TOO_LARGE)',
    content: ERROR_CONTENT,
  },
  RateLimited: {
    description: "Over the API key's requests per minute (RATE_LIMITED)",
    headers: RETRY_AFTER,
    content: ERROR_CONTENT,
  },
  BadGateway: {
    description: "The service's answer could not be relayed (BAD_GATEWAY)",
    content: ERROR_CONTENT,
  },
  ServiceUnavailable: {
    description:
      'A service or its database is down; retry later (UPSTREAM_UNAVAILABLE, DATABASE_UNAVAILABLE)',
    headers: RETRY_AFTER,
    content: ERROR_CONTENT,
  },
  GatewayTimeout: {
    description: 'The service did not answer in time (UPSTREAM_TIMEOUT)',
    headers: RETRY_AFTER,
    content: ERROR_CONTENT,
  },
};

const ALWAYS: ReadonlyArray<readonly [string, string]> = [
  ['401', 'Unauthorized'],
  ['429', 'RateLimited'],
  ['431', 'HeadersTooLarge'],
  ['502', 'BadGateway'],
  ['503', 'ServiceUnavailable'],
  ['504', 'GatewayTimeout'],
];

/**
 * Whatever a request of these methods carries as a body is read (to its 1 MiB limit and by
 * a parser for its type), also where the operation documents none: a DELETE sent 2 MiB is
 * a 413 like a POST. GET and HEAD bodies are never read.
 */
const WITH_BODY: ReadonlyArray<readonly [string, string]> = [
  ['413', 'PayloadTooLarge'],
  ['415', 'UnsupportedMediaType'],
];

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const BODYLESS = new Set(['get', 'head']);

/**
 * The public document as clients see it through the gateway: every operation also lists
 * the gateway's own answers (401, 429, 431, 502, 503, 504, and 413 and 415 unless it is a
 * GET or HEAD, whose bodies are never read), and
 * every error response offers both media types with the shared `Error` schema. Returns a
 * new document; `document` is not changed.
 */
export function withGatewayResponses(document: OpenApiDocument): OpenApiDocument {
  const paths: Record<string, unknown> = {};
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const operations: Json = {};
    for (const [method, value] of Object.entries(item as Json)) {
      operations[method] = METHODS.has(method)
        ? withErrors(value as Json, !BODYLESS.has(method))
        : value;
    }
    paths[path] = operations;
  }
  return {
    ...document,
    paths,
    components: {
      ...document.components,
      responses: { ...document.components?.['responses'], ...GATEWAY_RESPONSES },
    },
  };
}

function withErrors(operation: Json, readsBody: boolean): Json {
  const responses: Json = {};
  for (const [status, response] of Object.entries((operation['responses'] ?? {}) as Json)) {
    responses[status] = Number(status) >= 400 ? serviceError(status, response as Json) : response;
  }
  const gateway = readsBody ? [...ALWAYS, ...WITH_BODY] : ALWAYS;
  for (const [status, name] of gateway) {
    responses[status] = { $ref: `#/components/responses/${name}` };
  }
  const ordered = Object.fromEntries(
    Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)),
  );
  return { ...operation, responses: ordered };
}

function serviceError(status: string, response: Json): Json {
  return {
    ...response,
    description: ERROR_DESCRIPTIONS[status] ?? response['description'],
    content: ERROR_CONTENT,
  };
}
