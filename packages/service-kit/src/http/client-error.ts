import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ErrorBody } from './error-handler.ts';
import { problemMembers } from './problem.ts';
import { REQUEST_ID_HEADER } from './request-id.ts';

interface ClientProblem {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/**
 * What Node's HTTP parser refused before any request existed, as the envelope: 431 for
 * headers over Node's limit (`--max-http-header-size`, 16 KiB by default), 408 for a
 * request not received in time, 400 for anything else malformed.
 */
export function clientProblem(error: NodeJS.ErrnoException): ClientProblem {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        code: 'HEADERS_TOO_LARGE',
        message: 'Request headers are larger than the server accepts (16 KiB in all)',
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        code: 'REQUEST_TIMEOUT',
        message: 'The request was not received in time',
      };
    default:
      return {
        status: 400,
        code: 'BAD_REQUEST',
        message: 'Malformed HTTP request',
      };
  }
}

/**
 * Fastify's `clientErrorHandler`: answers in the error envelope (with a new request id,
 * since no request was parsed) and closes the connection, which the parser cannot resume.
 */
export function clientErrorHandler(
  this: FastifyInstance,
  error: NodeJS.ErrnoException,
  socket: Duplex,
): void {
  // A reset connection has nobody to answer (https://nodejs.org/api/http.html#event-clienterror).
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const problem = clientProblem(error);
  const requestId = randomUUID();
  this.log.info({ requestId, err: error, status: problem.status }, 'client error');
  const body: ErrorBody = {
    ...problemMembers(problem.status, problem.code, problem.message),
    error: { code: problem.code, message: problem.message, details: [] },
    requestId,
  };
  const json = JSON.stringify(body);
  if (socket.writable) {
    socket.end(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\n` +
        `${REQUEST_ID_HEADER}: ${requestId}\r\n` +
        `Connection: close\r\n\r\n${json}`,
      () => socket.destroy(),
    );
  } else {
    socket.destroy();
  }
}
