import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/** Hop-by-hop headers (RFC 9110 §7.6.1): they describe one connection, never forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function droppedBy(headers: IncomingHttpHeaders): ReadonlySet<string> | undefined {
  const connection = headers.connection;
  if (connection === undefined || connection === 'keep-alive' || connection === 'close')
    return undefined;
  return new Set(connection.split(',').map((name) => name.trim().toLowerCase()));
}

/**
 * The headers sent to a service: the client's, without hop-by-hop headers (and those the
 * client's `Connection` names), without `Authorization` (keys stay at the gateway), with
 * the service's `Host`, the gateway's request id and the length of the relayed body.
 */
export function upstreamRequestHeaders(
  client: IncomingHttpHeaders,
  options: { host: string; requestId: string; bodyLength: number | undefined },
): OutgoingHttpHeaders {
  const dropped = droppedBy(client);
  const headers: OutgoingHttpHeaders = {};
  for (const name in client) {
    // `Expect: 100-continue` was answered here: the body is already read.
    if (
      HOP_BY_HOP.has(name) ||
      name === 'authorization' ||
      name === 'content-length' ||
      name === 'expect'
    ) {
      continue;
    }
    if (dropped?.has(name)) continue;
    headers[name] = client[name];
  }
  headers['host'] = options.host;
  headers['x-request-id'] = options.requestId;
  if (options.bodyLength !== undefined) headers['content-length'] = options.bodyLength;
  return headers;
}

/**
 * The headers sent back to the client: the service's, without hop-by-hop headers, then the
 * ones the gateway set while handling the request (request id, rate-limit counters).
 */
export function clientResponseHeaders(
  upstream: IncomingHttpHeaders,
  gateway: OutgoingHttpHeaders,
): OutgoingHttpHeaders {
  const dropped = droppedBy(upstream);
  const headers: OutgoingHttpHeaders = {};
  for (const name in upstream) {
    if (HOP_BY_HOP.has(name) || dropped?.has(name)) continue;
    headers[name] = upstream[name];
  }
  for (const name in gateway) headers[name] = gateway[name];
  return headers;
}
