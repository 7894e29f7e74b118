import type { FastifyInstance, FastifyRequest, preParsingHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.ts';

const JSON_ONLY: readonly string[] = ['application/json'];

/** `text/calendar; charset=utf-8` → `text/calendar`; undefined when there is no header. */
function mediaTypeOf(header: string | undefined): string | undefined {
  return header?.split(';', 1)[0]?.trim().toLowerCase();
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['content-type'] !== undefined ||
    request.headers['transfer-encoding'] !== undefined ||
    (length !== undefined && length !== '0')
  );
}

/**
 * 415 UNSUPPORTED_MEDIA_TYPE naming what `accepted` lists (the error handler answers the
 * same, naming application/json, when no parser takes a body's type).
 */
function unsupportedMediaType(accepted: readonly string[], got: string | undefined): AppError {
  const expected = accepted.join(' or ');
  return new AppError(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    `Content-Type must be ${expected} (got ${got ?? 'none'})`,
    { details: [{ field: 'content-type', in: 'headers', message: `must be ${expected}` }] },
  );
}

/**
 * Every route with a body schema takes the media types its schema's `consumes` lists
 * (default `application/json`, the only body the API speaks), checked before the body is
 * parsed: sent another type, it is a 415 naming the one it takes. Without this, the type
 * decided which parser ran, so JSON sent to the .ics import read as "not valid JSON" and
 * an .ics file sent to a JSON route as "body must be object". Routes without a body
 * schema (and the gateway's relayed routes) are left to the parsers.
 */
export const mediaTypePlugin = fp(
  (app: FastifyInstance) => {
    app.addHook('onRoute', (route) => {
      const schema = route.schema as { body?: unknown; consumes?: readonly string[] } | undefined;
      if (schema?.body === undefined) return;
      const accepted = schema.consumes ?? JSON_ONLY;
      const check: preParsingHookHandler = (request, _reply, payload, done) => {
        const type = mediaTypeOf(request.headers['content-type']);
        if ((type === undefined && !hasBody(request)) || accepted.includes(type ?? '')) {
          done(null, payload);
          return;
        }
        done(unsupportedMediaType(accepted, type));
      };
      const existing = route.preParsing;
      route.preParsing =
        existing === undefined
          ? [check]
          : [check, ...(Array.isArray(existing) ? existing : [existing])];
    });
  },
  { name: 'media-type', fastify: '5.x' },
);
