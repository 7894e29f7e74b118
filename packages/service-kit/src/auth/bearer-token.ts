import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from '../http/error-handler.ts';

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined || header.length < 8) return undefined;
  // The scheme is case-insensitive (RFC 9110 §11.1).
  if (header.slice(0, 7).toLowerCase() !== 'bearer ') return undefined;
  const token = header.slice(7).trim();
  return token === '' ? undefined : token;
}

/**
 * The 401 for a request without the right bearer token: `WWW-Authenticate: Bearer
 * realm="<realm>"` and an UNAUTHORIZED problem saying whether the token was missing
 * (`presented` undefined) or not valid.
 */
export function rejectBearer(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: {
    readonly realm: string;
    readonly presented: string | undefined;
    readonly missing: string;
    readonly invalid: string;
  },
): void {
  void reply.header('www-authenticate', `Bearer realm="${answer.realm}"`);
  sendError(request, reply, 401, {
    code: 'UNAUTHORIZED',
    message: answer.presented === undefined ? answer.missing : answer.invalid,
  });
}
